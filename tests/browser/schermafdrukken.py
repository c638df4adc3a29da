"""Full-page screenshots of every screen, at phone and desktop width, to look at as a user.

Not a test. Needs a running server with the profiles loaded and the demo account made:

    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py laad_profiel profiel_data/*.yaml
    .venv/bin/python manage.py maak_demo
    .venv/bin/python manage.py runserver 127.0.0.1:8000

then:

    .venv/bin/python tests/browser/schermafdrukken.py [BASIS_URL]

Only reads: every page is opened with GET, nothing is saved or deleted. The screenshots go
to tests/artifacts/schermafdrukken/ (git-ignored), named `NN-scherm-BREEDTE.png`.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BREEDTES = (360, 1280)
DEMO_EMAIL = "demo@zelfscan.local"
DEMO_WACHTWOORD = "demo-zelfscan-2026"
MAP = Path(__file__).resolve().parents[1] / "artifacts" / "schermafdrukken"

VOORTGANG = re.compile(r"Stap (\d+) van (\d+)")
STAPLINK = re.compile(r"/stap/([^/]+)\.([^/.]+)/$")

OPENBAAR = [
    ("home", "/"),
    ("profiel", "/profiel/"),
    ("login", "/accounts/login/"),
    ("registreren", "/accounts/registreren/"),
    ("wachtwoord-vergeten", "/accounts/password_reset/"),
    ("privacy", "/privacy/"),
]


class Fotograaf:
    """Takes numbered screenshots of one width and remembers what looked wrong."""

    def __init__(self, pagina: Page, basis: str, breedte: int):
        self.pagina, self.basis, self.breedte = pagina, basis, breedte
        self.nummer = 0
        self.problemen: list[str] = []

    def url(self, pad: str) -> str:
        return urljoin(self.basis, pad)

    def open(self, pad: str) -> int:
        antwoord = self.pagina.goto(self.url(pad))
        return antwoord.status if antwoord else 0

    def foto(self, naam: str, pad: str | None = None) -> Path:
        if pad is not None:
            status = self.open(pad)
            if status != 200:
                self.problemen.append(f"{naam}: HTTP {status} voor {pad}")
        self.nummer += 1
        bestand = MAP / f"{self.nummer:02d}-{naam}-{self.breedte}.png"
        breed = self.pagina.evaluate("document.documentElement.scrollWidth")
        if breed > self.breedte:
            self.problemen.append(f"{bestand.name}: {breed}px breed, scherm is {self.breedte}px")
        self.pagina.screenshot(path=str(bestand), full_page=True)
        return bestand

    def log_in(self) -> None:
        self.open("/accounts/login/")
        self.pagina.get_by_role("textbox", name="E-mailadres").fill(DEMO_EMAIL)
        self.pagina.get_by_role("textbox", name="Wachtwoord", exact=True).fill(DEMO_WACHTWOORD)
        self.pagina.get_by_role("button", name="Inloggen").click()
        self.pagina.wait_for_url(self.url("/scans/"))


def demo_scan(f: Fotograaf) -> str:
    """The path of the demo scan (its report link on Mijn scans), e.g. /scans/<uuid>/."""
    f.open("/scans/")
    rapport = f.pagina.locator("a[href$='/rapport/']").first.get_attribute("href")
    if not rapport:
        sys.exit("Geen scan gevonden bij het demo-account; draai eerst `manage.py maak_demo`.")
    return rapport.removesuffix("rapport/")


def stappen(f: Fotograaf, scan: str) -> list[tuple[int, str]]:
    """Every step of the scan, in order, found with GETs only.

    Group keys come from the profile page, category keys from the look back's links to
    open statements; each candidate step is opened and sorted by its "Stap N van M".
    """
    f.open("/profiel/")
    groepen = [
        i.removeprefix("groep-")
        for i in f.pagina.locator("section.groep[id^='groep-']").evaluate_all(
            "els => els.map(e => e.id)"
        )
    ]
    f.open(scan + "stap/leerdoelen/")
    categorieen: list[str] = []
    for href in f.pagina.locator("main a[href*='/stap/']").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    ):
        gevonden = STAPLINK.search(href or "")
        if gevonden and gevonden[2] not in categorieen:
            categorieen.append(gevonden[2])
    kandidaten = [f"{g}.{c}" for g in groepen for c in categorieen]
    kandidaten += [f"label.{g}" for g in groepen] + ["leerdoelen"]

    gevonden_stappen: dict[int, str] = {}
    totaal = 0
    for sleutel in kandidaten:
        if f.open(f"{scan}stap/{sleutel}/") != 200:
            continue
        voortgang = VOORTGANG.search(f.pagina.locator(".voortgang").inner_text())
        if voortgang:
            gevonden_stappen[int(voortgang[1])] = sleutel
            totaal = int(voortgang[2])
    ontbrekend = sorted(set(range(1, totaal + 1)) - set(gevonden_stappen))
    if ontbrekend:
        f.problemen.append(f"stappen {ontbrekend} niet gevonden; die staan niet in de foto's")
    return sorted(gevonden_stappen.items())


def fotografeer(browser: Browser, basis: str, breedte: int) -> list[str]:
    context = browser.new_context(viewport={"width": breedte, "height": 900}, locale="nl-NL")
    context.set_default_timeout(15_000)
    f = Fotograaf(context.new_page(), basis, breedte)
    for naam, pad in OPENBAAR:
        f.foto(naam, pad)

    f.log_in()
    f.foto("mijn-scans", "/scans/")
    f.foto("nieuwe-scan", "/scans/nieuw/")
    scan = demo_scan(f)
    for nummer, sleutel in stappen(f, scan):
        f.foto(f"stap-{nummer:02d}-{sleutel}", f"{scan}stap/{sleutel}/")
    f.foto("rapport", f"{scan}rapport/")
    f.foto("verwijderen", f"{scan}verwijderen/")
    context.close()
    return f.problemen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("basis", nargs="?", default="http://127.0.0.1:8000", help="basis-URL")
    basis = parser.parse_args().basis.rstrip("/") + "/"
    MAP.mkdir(parents=True, exist_ok=True)
    for oud in MAP.glob("*.png"):
        oud.unlink()

    problemen = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for breedte in BREEDTES:
            problemen += fotografeer(browser, basis, breedte)
        browser.close()

    print(f"{len(list(MAP.glob('*.png')))} schermafdrukken in {MAP}")
    for probleem in problemen:
        print(f"let op: {probleem}")
    return 1 if problemen else 0


if __name__ == "__main__":
    sys.exit(main())
