"""20 people download the same unchanged PDF report at the same moment: how long does each
wait, and how slow is an ordinary page meanwhile? `make bench-pdf` runs this.

It sets up a throw-away SQLite database with the demo scan (127 items), starts two
gunicorns on it (production settings, 2 sync workers each, 127.0.0.1 only; one at a time
gets requests), and in one run measures three kinds of rounds, alternating:

- voor: gunicorn on the code of commit VOOR (the last one before the PDF was kept,
  scans.pdf.bewaarde_rapport_pdf; exported with `git archive`): every download renders;
- koud: today's code, the stored PDF deleted first (the first downloads render, the
  later ones of the 20 may find the PDF already stored);
- bewaard: today's code, the stored PDF there, as for any second download.

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
VOOR = os.environ.get("BENCH_VOOR", "a0010c2")  # the last commit without the kept PDF
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


def start_gunicorn(code: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    poort = vrije_poort()
    proces = subprocess.Popen(
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
        cwd=code,
        env=env,
    )
    basis = f"http://127.0.0.1:{poort}"
    for _ in range(150):
        try:
            urllib.request.urlopen(basis + "/", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    return proces, basis


def main() -> None:
    with tempfile.TemporaryDirectory() as map_:
        env = omgeving(map_)
        voor_code = Path(map_) / "voor"
        voor_code.mkdir()
        archief = subprocess.run(
            ["git", "archive", VOOR], cwd=ROOT, check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(voor_code)], input=archief, check=True)
        scan, cookie = opzetten(env)
        from scans.models import RapportPdf

        processen = []
        try:
            voor, voor_basis = start_gunicorn(voor_code, env)
            processen.append(voor)
            nu, nu_basis = start_gunicorn(ROOT, env)
            processen.append(nu)
            pad = f"/scans/{scan.pk}/rapport.pdf"
            for basis in (voor_basis, nu_basis):  # warm up both workers' imports
                haal(basis + pad, cookie)
                haal(basis + pad, cookie)
            uitkomst: dict[str, list[dict[str, float]]] = {"voor": [], "koud": [], "bewaard": []}
            for _ in range(RONDES):
                uitkomst["voor"].append(ronde(voor_basis + pad, voor_basis + "/", cookie))
                RapportPdf.objects.all().delete()
                uitkomst["koud"].append(ronde(nu_basis + pad, nu_basis + "/", cookie))
                haal(nu_basis + pad, cookie)  # the stored PDF is there
                uitkomst["bewaard"].append(ronde(nu_basis + pad, nu_basis + "/", cookie))
        finally:
            for proces in processen:
                proces.send_signal(signal.SIGTERM)
                proces.wait(timeout=30)

    def med(soort: str, maat: str) -> float:
        return statistics.median(r[maat] for r in uitkomst[soort])

    print(
        f"{GELIJKTIJDIG} gelijktijdige downloads van het demorapport, {RONDES} rondes, "
        f"medianen (voor = {VOOR}):"
    )
    print(f"{'':10} {'mediaan':>9} {'traagste':>9} {'muurtijd':>9} {'homepagina':>11}")
    for soort in ("voor", "koud", "bewaard"):
        print(
            f"{soort:10} {med(soort, 'mediaan'):8.2f}s {med(soort, 'traagste'):8.2f}s "
            f"{med(soort, 'muur'):8.2f}s {med(soort, 'home') * 1000:9.0f}ms"
        )
    for maat in ("mediaan", "traagste", "muur"):
        print(f"verhouding voor/bewaard ({maat}): {med('voor', maat) / med('bewaard', maat):.1f}x")


if __name__ == "__main__":
    main()
