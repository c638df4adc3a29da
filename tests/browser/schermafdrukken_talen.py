"""Full-page screenshots of every screen in Dutch and English, at 360 and 1280 px wide.

Not a test. Needs a running server with the profiles loaded and the demo account made:

    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py laad_profiel profiel_data/*.yaml
    .venv/bin/python manage.py maak_demo
    .venv/bin/python manage.py compilemessages
    .venv/bin/python manage.py runserver 127.0.0.1:8124 --noreload

then:

    .venv/bin/python tests/browser/schermafdrukken_talen.py [BASIS_URL]

Unlike schermafdrukken.py this writes, to the demo account only: if it has no follow-up scan
yet, it starts one from the demo scan (so the opvolging step and the comparison page exist)
and steps through it once to learn its steps. Forms with errors are shot too. Screenshots go to
tests/artifacts/schermafdrukken_talen/ (git-ignored), named `TAAL-NN-scherm-BREEDTE.png`.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TALEN = ("nl", "en")
BREEDTES = (360, 1280)
DEMO_EMAIL = "demo@zelfscan.local"
DEMO_WACHTWOORD = "demo-zelfscan-2026"
MAP = Path(__file__).resolve().parents[1] / "artifacts" / "schermafdrukken_talen"
SCAN = re.compile(r"/scans/([0-9a-f-]{36})/")

OPENBAAR = [
    ("home", "/"),
    ("profiel", "/profiel/"),
    ("inloggen", "/accounts/login/"),
    ("registreren", "/accounts/registreren/"),
    ("wachtwoord-vergeten", "/accounts/password_reset/"),
    ("wachtwoordmail-verstuurd", "/accounts/password_reset/done/"),
    ("herstellink-verlopen", "/accounts/reset/MQ/verlopen/"),
    ("privacy", "/privacy/"),
    ("toegankelijkheid", "/toegankelijkheid/"),
    ("niet-gevonden", "/bestaat-niet/"),
]


def log_in(pagina: Page, basis: str) -> None:
    pagina.goto(basis + "/accounts/login/")
    pagina.locator("#id_username").fill(DEMO_EMAIL)
    pagina.locator("#id_password").fill(DEMO_WACHTWOORD)
    pagina.locator("main form button[type=submit]").click()
    pagina.wait_for_url(basis + "/scans/")


def scans_van_demo(browser: Browser, basis: str) -> tuple[str, str, list[str]]:
    """(first scan id, follow-up scan id, step keys of the follow-up), making the follow-up
    scan through the start page if it does not exist yet."""
    context = browser.new_context()
    pagina = context.new_page()
    log_in(pagina, basis)
    vergelijk = pagina.locator("a[href*='/vergelijk/']")
    if not vergelijk.count():
        eerste = SCAN.search(pagina.locator("a[href$='/rapport/']").first.get_attribute("href"))[1]
        pagina.goto(f"{basis}/scans/nieuw/?vanaf={eerste}")
        pagina.locator("main form button[type=submit]").last.click()
        pagina.wait_for_url(re.compile(r"/stap/"))
        pagina.goto(basis + "/scans/")
    href = pagina.locator("a[href*='/vergelijk/']").first.get_attribute("href")
    tweede, eerste = re.findall(r"[0-9a-f-]{36}", href)
    # Its steps in order: back to the first, then on with "volgende" (this only saves the
    # answers of the follow-up scan made here as they are), stopping at the last, so it
    # stays unfinished.
    stappen: list[str] = []
    pagina.goto(f"{basis}/scans/{tweede}/")
    while pagina.locator("button[value=vorige]").count():
        pagina.locator("button[value=vorige]").click()
        pagina.wait_for_load_state()
    while (gevonden := re.search(r"/stap/([^/#]+)/", pagina.url)) and gevonden[1] not in stappen:
        stappen.append(gevonden[1])
        nummer, totaal = map(
            int, re.findall(r"\d+", pagina.locator(".voortgang span").inner_text())
        )
        if nummer >= totaal:
            break
        pagina.locator("button[value=volgende]:visible").click()
        pagina.wait_for_load_state()
    context.close()
    return eerste, tweede, stappen


def fotografeer(browser: Browser, basis: str, taal: str, breedte: int, scans) -> list[str]:
    eerste, tweede, stappen = scans
    problemen: list[str] = []
    context = browser.new_context(viewport={"width": breedte, "height": 900})
    context.add_cookies([{"name": "django_language", "value": taal, "url": basis}])
    context.set_default_timeout(15_000)
    pagina = context.new_page()
    nummer = 0

    def foto(naam: str, pad: str | None = None, status: int = 200) -> None:
        nonlocal nummer
        if pad is not None:
            antwoord = pagina.goto(basis + pad)
            if not antwoord or antwoord.status != status:
                problemen.append(f"{taal} {naam}: HTTP {antwoord.status if antwoord else '?'}")
        nummer += 1
        breed = pagina.evaluate("document.documentElement.scrollWidth")
        if breed > breedte:
            problemen.append(f"{taal} {naam}: {breed}px breed op {breedte}px")
        pagina.screenshot(
            path=str(MAP / f"{taal}-{nummer:02d}-{naam}-{breedte}.png"), full_page=True
        )

    for naam, pad in OPENBAAR:
        foto(naam, pad, 404 if naam == "niet-gevonden" else 200)
    pagina.goto(basis + "/accounts/registreren/")
    pagina.locator("#id_email").fill("geen-adres")
    pagina.locator("#id_wachtwoord").fill("kort")
    pagina.locator("main form button[type=submit]").click()
    foto("registreren-met-fouten")

    log_in(pagina, basis)
    foto("mijn-scans", "/scans/")
    foto("nieuwe-scan", "/scans/nieuw/")
    for i, sleutel in enumerate(stappen, start=1):
        foto(f"stap-{i:02d}-{sleutel}", f"/scans/{tweede}/stap/{sleutel}/")
    foto("rapport", f"/scans/{eerste}/rapport/")
    foto("rapport-tussenstand", f"/scans/{tweede}/rapport/")
    foto("vergelijken", f"/scans/{tweede}/vergelijk/{eerste}/")
    foto("scan-verwijderen", f"/scans/{eerste}/verwijderen/")
    foto("mijn-gegevens", "/accounts/mijn-gegevens/")
    foto("account-verwijderen", "/accounts/verwijderen/")
    pagina.locator("main form button[type=submit]").click()
    foto("account-verwijderen-met-fouten")
    foto("wachtwoord-wijzigen", "/accounts/password_change/")
    pagina.goto(f"{basis}/scans/{tweede}/stap/leerdoelen/")
    pagina.locator("#leerdoel-1 details.meer > summary").click()
    pagina.locator("#id_leerdoel-0-waarom").fill("Omdat het ertoe doet.")
    pagina.locator("button[value=later]").click()
    foto("leerdoelen-met-fout")
    context.close()
    return problemen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("basis", nargs="?", default="http://127.0.0.1:8124", help="basis-URL")
    basis = parser.parse_args().basis.rstrip("/")
    MAP.mkdir(parents=True, exist_ok=True)
    for oud in MAP.glob("*.png"):
        oud.unlink()
    problemen: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        scans = scans_van_demo(browser, basis)
        for taal in TALEN:
            for breedte in BREEDTES:
                problemen += fotografeer(browser, basis, taal, breedte, scans)
        browser.close()
    print(f"{len(list(MAP.glob('*.png')))} schermafdrukken in {MAP}")
    for probleem in problemen:
        print(f"let op: {probleem}")
    return 1 if problemen else 0


if __name__ == "__main__":
    sys.exit(main())
