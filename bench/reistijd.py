"""How much of a person's time does the scan take? `make reistijd` runs this; `make test` does not.

A realistic minimal journey, walked in headless Chromium (Debian's, through Playwright) on a
throw-away SQLite database with the Npuls profile: a fresh account (register), start with the
basis and one gebied, answer every statement once, one development wish in five, turn one
wish into a leerdoel (its "wat") on the leerdoelen step and write its "eerste stap", finish
at the report. It runs twice: with the
smallest and with the largest gebied.

The time is estimated with a fixed model, so the figures do not depend on the machine:

- every distinct visible line of text in <main> is read once, at 230 words a minute (a line
  seen before, such as an answer label repeated on every statement, is not read again);
- 1.5 s per click or choice (filling a short field such as an e-mail address counts as one);
- 1 s per page load;
- 60 s for writing the leerdoel ("wat" and "eerste stap" together);
- the report at the end is not counted.

It prints the breakdown per page, the total per journey, and the pixel height of every step
page at 1280 and 360 px; with --regels also every line read, page by page; with --alle it
walks basis plus every gebied, not only the smallest and the largest. Target: basis plus any single gebied in at most 8.0 minutes.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WACHTWOORD = "rustig-nadenken-2026"

WOORDEN_PER_MINUUT = 230
SECONDEN_PER_KLIK = 1.5
SECONDEN_PER_PAGINA = 1.0
SECONDEN_VOOR_LEERDOEL = 60.0
WENS_PER = 5  # one development wish in five statements
DOEL_MINUTEN = 8.0
BREEDTES = (1280, 360)

# The visible text of <main>, one entry per rendered line. Text only for screen readers
# (.visually-hidden) is not read by the eye, so it is left out; closed <details> are not
# rendered, so innerText leaves them out by itself.
REGELS_JS = """
() => {
  const main = document.querySelector('main');
  const verborgen = [...main.querySelectorAll('.visually-hidden')];
  const oud = verborgen.map(e => e.style.display);
  verborgen.forEach(e => { e.style.display = 'none'; });
  const tekst = main.innerText;
  verborgen.forEach((e, i) => { e.style.display = oud[i]; });
  return tekst.split('\\n').map(r => r.replace(/\\s+/g, ' ').trim()).filter(Boolean);
}
"""


def woorden(regel: str) -> int:
    """Words a reader reads: anything between spaces with a letter or digit in it."""
    return sum(1 for deel in regel.split() if any(c.isalnum() for c in deel))


@dataclass
class Pagina:
    naam: str
    woorden: int = 0
    klikken: int = 0
    laden: int = 1
    schrijven: float = 0.0
    regels: list[str] = field(default_factory=list)  # the lines read here for the first time

    @property
    def seconden(self) -> float:
        return (
            self.woorden / WOORDEN_PER_MINUUT * 60
            + self.klikken * SECONDEN_PER_KLIK
            + self.laden * SECONDEN_PER_PAGINA
            + self.schrijven
        )


@dataclass
class Reis:
    gebied: str
    aantal_items: int
    paginas: list[Pagina] = field(default_factory=list)
    gelezen: set[str] = field(default_factory=set)
    stap_urls: list[tuple[str, str]] = field(default_factory=list)

    @property
    def minuten(self) -> float:
        return sum(p.seconden for p in self.paginas) / 60

    def lees(self, pagina, naam: str) -> Pagina:
        """Arrive on a page: one load, and read every line not read before."""
        huidig = Pagina(naam)
        for regel in pagina.evaluate(REGELS_JS):
            if regel not in self.gelezen:
                self.gelezen.add(regel)
                huidig.woorden += woorden(regel)
                huidig.regels.append(regel)
        self.paginas.append(huidig)
        return huidig


def django_opzetten(map_: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "competentieprofiel.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{map_}/reistijd.sqlite3"
    os.environ["ZELFSCAN_VAR_DIR"] = map_

    import django

    django.setup()


def profiel_laden():
    from django.core.management import call_command

    from competentieprofiel.laden import lees_profielbestand, schrijf_profiel
    from competentieprofiel.models import ProfielVersie

    call_command("migrate", verbosity=0)
    geladen = schrijf_profiel(
        lees_profielbestand(ROOT / "profiel_data" / "npuls.yaml"), bronbestand="npuls.yaml"
    )
    return ProfielVersie.objects.get(profiel__sleutel=geladen.profiel, nummer=geladen.versie)


def server_starten() -> tuple[str, object]:
    """Django on 127.0.0.1 on a free port, in a thread, the way runserver serves it."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

    class Stil(WSGIRequestHandler):
        def log_message(self, *args):  # no request log on the benchmark's output
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), Stil, allow_reuse_address=False)
    server.set_app(WSGIHandler())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def gebieden_naar_grootte(versie, alle: bool = False) -> list[tuple[object, int]]:
    """The smallest and the largest gebied by number of statements (first in profile order
    on a tie); with `alle`, every gebied in profile order."""
    from django.db.models import Count

    gebieden = list(
        versie.groepen.filter(soort="gebied").annotate(n=Count("items")).order_by("volgorde")
    )
    if alle:
        return [(g, g.n) for g in gebieden]
    kleinste = min(gebieden, key=lambda g: g.n)
    grootste = max(gebieden, key=lambda g: g.n)
    return [(kleinste, kleinste.n), (grootste, grootste.n)]


def klik(huidig: Pagina, locator) -> None:
    huidig.klikken += 1
    locator.click()


def kies(huidig: Pagina, locator) -> None:
    huidig.klikken += 1
    locator.check()


def vul(huidig: Pagina, locator, tekst: str) -> None:
    huidig.klikken += 1
    locator.fill(tekst)


def loop_reis(browser, basis: str, gebied, aantal: int, binnen_rol: list[str], nummer: int):
    reis = Reis(gebied=gebied.rolnaam or gebied.titel, aantal_items=aantal)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.set_default_timeout(15_000)
    p = context.new_page()

    p.goto(basis + "/")
    huidig = reis.lees(p, "home")
    klik(huidig, p.locator("main a[href$='/accounts/registreren/']").first)

    p.wait_for_url("**/accounts/registreren/")
    huidig = reis.lees(p, "account maken")
    vul(huidig, p.locator("#id_email"), f"reiziger{nummer}@example.nl")
    vul(huidig, p.locator("#id_wachtwoord"), WACHTWOORD)
    klik(huidig, p.locator("main form button[type=submit]"))

    p.wait_for_url("**/scans/nieuw/")
    huidig = reis.lees(p, "start")
    kies(huidig, p.locator(f"input[name=gebieden][value='{gebied.pk}']"))
    klik(huidig, p.locator("main form button[type=submit]").last)

    teller = 0
    while True:
        p.wait_for_url(re.compile(r"/(stap/[^/]+|rapport)/$"))
        gevonden = re.search(r"/stap/([^/]+)/$", p.url)
        if not gevonden:
            break  # the report: not counted
        sleutel = gevonden[1]
        reis.stap_urls.append((sleutel, p.url))
        huidig = reis.lees(p, sleutel)
        if sleutel == "leerdoelen":
            # One wish becomes the leerdoel (its words are the "wat"; the page comes back
            # at it), then the first step. Without a wish, the "wat" is written too.
            wens = p.locator("main button[name=uit_wens]")
            if wens.count():
                klik(huidig, wens.first)
                p.wait_for_url(re.compile(r"/stap/leerdoelen/#leerdoel-1$"))
                huidig = reis.lees(p, "leerdoelen (uit een wens)")
            else:
                p.locator("#id_leerdoel-0-wat").fill("Een behoefteanalyse opzetten met een team.")
            assert p.locator("#id_leerdoel-0-wat").input_value()
            p.locator("#id_leerdoel-0-eerste_stap").fill("Meekijken bij een collega.")
            huidig.schrijven += SECONDEN_VOOR_LEERDOEL
        elif p.locator("main fieldset.item").count():
            for uitspraak in p.locator("main fieldset.item").all():
                keuze = binnen_rol[teller % len(binnen_rol)]
                kies(huidig, uitspraak.locator(f"input[type=radio][value='{keuze}']"))
                if teller % WENS_PER == WENS_PER - 1:
                    kies(huidig, uitspraak.locator("input[type=checkbox]"))
                teller += 1
        klik(huidig, p.locator("main form button[value=volgende]:visible"))
    assert teller == aantal, (teller, aantal)

    hoogtes = {}
    for breedte in BREEDTES:
        p.set_viewport_size({"width": breedte, "height": 900})
        for sleutel, adres in reis.stap_urls:
            p.goto(adres)
            hoogtes.setdefault(sleutel, {})[breedte] = p.evaluate(
                "document.documentElement.scrollHeight"
            )
    context.close()
    return reis, hoogtes


def druk_af(reis: Reis, hoogtes: dict, *, regels: bool = False) -> None:
    print(f"\n== basis plus {reis.gebied} ({reis.aantal_items} uitspraken) ==")
    if regels:  # what the person reads, page by page (bench/reistijd.py --regels)
        for p in reis.paginas:
            print(f"-- {p.naam}")
            for regel in p.regels:
                print(f"   [{woorden(regel):>3}] {regel}")
    print(
        f"{'pagina':<24}{'woorden':>8}{'klikken':>8}{'laden':>6}{'schrijven':>10}{'seconden':>10}"
    )
    for p in reis.paginas:
        print(
            f"{p.naam:<24}{p.woorden:>8}{p.klikken:>8}{p.laden:>6}"
            f"{p.schrijven:>10.0f}{p.seconden:>10.1f}"
        )
    print(f"{'totaal':<24}{'':>42}{reis.minuten * 60:>10.1f}  = {reis.minuten:.1f} minuten")
    print(f"\n{'stappagina':<24}" + "".join(f"{f'{b} px':>10}" for b in BREEDTES))
    for sleutel, per_breedte in hoogtes.items():
        print(f"{sleutel:<24}" + "".join(f"{per_breedte[b]:>10}" for b in BREEDTES))


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="zelfscan-reistijd-") as map_:
        django_opzetten(map_)
        versie = profiel_laden()
        binnen_rol = list(
            versie.schaalopties.filter(buiten_rol=False).values_list("sleutel", flat=True)
        )
        keuzes = gebieden_naar_grootte(versie, alle="--alle" in sys.argv)
        basis_items = versie.items.filter(groep__soort="basis").count()
        basis, server = server_starten()

        # Playwright's sync API runs an event loop in this thread; the server thread does
        # the database work, this one only reads what was prepared above.
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        from playwright.sync_api import sync_playwright

        reizen = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            for nummer, (gebied, aantal) in enumerate(keuzes, start=1):
                reis, hoogtes = loop_reis(
                    browser, basis, gebied, basis_items + aantal, binnen_rol, nummer
                )
                druk_af(reis, hoogtes, regels="--regels" in sys.argv)
                reizen.append(reis)
            browser.close()
        server.shutdown()

    print()
    goed = True
    for reis in reizen:
        binnen = reis.minuten <= DOEL_MINUTEN
        goed &= binnen
        print(
            f"basis plus {reis.gebied:<14} {reis.minuten:4.1f} minuten "
            f"(doel <= {DOEL_MINUTEN}): {'gehaald' if binnen else 'NIET gehaald'}"
        )
    return 0 if goed else 1


if __name__ == "__main__":
    sys.exit(main())
