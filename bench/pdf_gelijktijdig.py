"""20 people download the same unchanged PDF report at the same moment: how long does each
wait, and how slow is an ordinary page meanwhile? `make bench-pdf` runs this.

It sets up a throw-away SQLite database with the demo scan (127 items), starts gunicorn
(production settings, 2 sync workers, 127.0.0.1 only) and, in one run, measures two kinds
of rounds, alternating:

- koud: the stored PDF is deleted first, so every download renders (what every download
  cost before the PDF was kept, scans.pdf.bewaarde_rapport_pdf);
- bewaard: the stored PDF is there, as for any second download of an unchanged report.

Each round fires 20 downloads at once, and meanwhile times 5 home pages one after another.
Printed: medians over the rounds of the median and slowest download, the round's wall time
and the home page's median, and the ratios koud/bewaard. Stops gunicorn at the end.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RONDES = int(os.environ.get("BENCH_RONDES", "3"))
GELIJKTIJDIG = 20


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def omgeving(map_: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ZELFSCAN_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="competentieprofiel.settings",
        DATABASE_URL=f"sqlite:///{map_}/bench.sqlite3",
        ZELFSCAN_VAR_DIR=map_,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SSL_REDIRECT="0",
    )
    return env


def opzetten(env: dict[str, str]):
    """The demo scan and a logged-in session cookie for its owner."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from competentieprofiel.laden import lees_profielbestand, schrijf_profiel
    from competentieprofiel.models import ProfielVersie
    from scans.demo import maak_demo

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    geladen = schrijf_profiel(
        lees_profielbestand(ROOT / "profiel_data" / "npuls.yaml"), bronbestand="npuls.yaml"
    )
    versie = ProfielVersie.objects.get(profiel__sleutel=geladen.profiel, nummer=geladen.versie)
    gebruiker, scan, _ = maak_demo(versie)
    client = Client()
    client.force_login(gebruiker)
    return scan, client.cookies["sessionid"].value


def haal(url: str, cookie: str) -> float:
    verzoek = urllib.request.Request(url, headers={"Cookie": f"sessionid={cookie}"})
    begin = time.perf_counter()
    with urllib.request.urlopen(verzoek, timeout=300) as antwoord:
        inhoud = antwoord.read()
        assert antwoord.status == 200, antwoord.status
    duur = time.perf_counter() - begin
    if url.endswith(".pdf"):
        assert inhoud.startswith(b"%PDF-"), inhoud[:100]
    return duur


def ronde(pdf_url: str, home_url: str, cookie: str) -> dict[str, float]:
    downloads: list[float] = []
    homes: list[float] = []
    start = threading.Barrier(GELIJKTIJDIG + 1)

    def download():
        start.wait()
        downloads.append(haal(pdf_url, cookie))

    draden = [threading.Thread(target=download) for _ in range(GELIJKTIJDIG)]
    for d in draden:
        d.start()
    begin = time.perf_counter()
    start.wait()
    time.sleep(0.2)  # the downloads are in the workers now
    for _ in range(5):
        homes.append(haal(home_url, cookie))
    for d in draden:
        d.join()
    muur = time.perf_counter() - begin
    return {
        "mediaan": statistics.median(downloads),
        "traagste": max(downloads),
        "muur": muur,
        "home": statistics.median(homes),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as map_:
        env = omgeving(map_)
        scan, cookie = opzetten(env)
        from scans.models import RapportPdf

        poort = vrije_poort()
        gunicorn = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "competentieprofiel.wsgi",
                "--bind",
                f"127.0.0.1:{poort}",
                "--workers",
                "2",
                "--timeout",
                "300",
                "--log-level",
                "warning",
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            basis = f"http://127.0.0.1:{poort}"
            for _ in range(100):
                try:
                    urllib.request.urlopen(basis + "/", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            pdf_url = f"{basis}/scans/{scan.pk}/rapport.pdf"
            haal(pdf_url, cookie)  # warm up both workers' imports
            haal(pdf_url, cookie)
            uitkomst: dict[str, list[dict[str, float]]] = {"koud": [], "bewaard": []}
            for _ in range(RONDES):
                RapportPdf.objects.all().delete()
                uitkomst["koud"].append(ronde(pdf_url, basis + "/", cookie))
                haal(pdf_url, cookie)  # the stored PDF is there
                uitkomst["bewaard"].append(ronde(pdf_url, basis + "/", cookie))
        finally:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=30)

    def med(soort: str, maat: str) -> float:
        return statistics.median(r[maat] for r in uitkomst[soort])

    print(f"{GELIJKTIJDIG} gelijktijdige downloads van het demorapport, {RONDES} rondes, medianen:")
    print(f"{'':10} {'mediaan':>9} {'traagste':>9} {'muurtijd':>9} {'homepagina':>11}")
    for soort in ("koud", "bewaard"):
        print(
            f"{soort:10} {med(soort, 'mediaan'):8.2f}s {med(soort, 'traagste'):8.2f}s "
            f"{med(soort, 'muur'):8.2f}s {med(soort, 'home') * 1000:9.0f}ms"
        )
    for maat in ("mediaan", "traagste", "muur", "home"):
        print(f"verhouding koud/bewaard ({maat}): {med('koud', maat) / med('bewaard', maat):.1f}x")


if __name__ == "__main__":
    main()
