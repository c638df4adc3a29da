"""Server time of the pages a person sees most, in one run: `make bench` runs this after the
PDF benchmark; `make test` does not.

Django's test client on a throw-away SQLite database, the Npuls profile and the demo account,
logged in. Each round asks, interleaved so all see the same machine, the home page, the start
page, every item step of the demo scan, its label step, look-back, leerdoelen and report.
Prints the median server time per page, and each page's ratio to the home page in this run.
Target (issue 10): the step page at most 2x the home page.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RONDES = int(os.environ.get("BENCH_RONDES", "15"))
DOEL_STAP = 2.0


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="zelfscan-paginas-") as map_:
        sys.path.insert(0, str(ROOT))
        os.environ["DJANGO_SETTINGS_MODULE"] = "competentieprofiel.settings"
        os.environ["DATABASE_URL"] = f"sqlite:///{map_}/bench.sqlite3"
        os.environ["ZELFSCAN_VAR_DIR"] = map_
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client
        from django.urls import reverse

        from competentieprofiel.laden import lees_profielbestand, schrijf_profiel
        from competentieprofiel.models import ProfielVersie
        from scans.demo import maak_demo
        from scans.stappen import stappenplan

        settings.ALLOWED_HOSTS = ["testserver"]
        call_command("migrate", verbosity=0)
        geladen = schrijf_profiel(
            lees_profielbestand(ROOT / "profiel_data" / "npuls.yaml"), bronbestand="npuls.yaml"
        )
        versie = ProfielVersie.objects.get(profiel__sleutel=geladen.profiel, nummer=geladen.versie)
        gebruiker, scan, _ = maak_demo(versie)
        client = Client()
        client.force_login(gebruiker)

        def stap(sleutel: str) -> str:
            return reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": sleutel})

        plan = stappenplan(scan).stappen
        itemstappen = [
            s.sleutel for s in plan if "." in s.sleutel and not s.sleutel.startswith("label.")
        ]
        overig = [s.sleutel for s in plan if s.sleutel in ("terugblik", "leerdoelen")]
        labels = [s.sleutel for s in plan if s.sleutel.startswith("label.")]
        paginas = {
            "home": [reverse("home")],
            "start": [reverse("scans:nieuw")],
            "stap (items)": [stap(s) for s in itemstappen],
            **({"stap (label)": [stap(labels[0])]} if labels else {}),
            **{f"stap ({s})": [stap(s)] for s in overig},
            "rapport": [reverse("scans:rapport", kwargs={"scan_id": scan.pk})],
        }
        for urls in paginas.values():  # warm up: templates, translations, the session
            for url in urls:
                antwoord = client.get(url)
                assert antwoord.status_code == 200, (url, antwoord.status_code)

        tijden: dict[str, list[float]] = {naam: [] for naam in paginas}
        for _ in range(RONDES):
            for naam, urls in paginas.items():
                for url in urls:
                    begin = time.perf_counter()
                    client.get(url)
                    tijden[naam].append(time.perf_counter() - begin)

    home = statistics.median(tijden["home"])
    print(f"{'pagina':<22}{'mediaan ms':>12}{'x home':>9}   ({RONDES} rondes)")
    for naam, reeks in tijden.items():
        mediaan = statistics.median(reeks)
        print(f"{naam:<22}{mediaan * 1000:>12.1f}{mediaan / home:>9.2f}")
    verhouding = statistics.median(tijden["stap (items)"]) / home
    goed = verhouding <= DOEL_STAP
    print(f"doel: stap (items) <= {DOEL_STAP}x home: {'gehaald' if goed else 'NIET gehaald'}")
    return 0 if goed else 1


if __name__ == "__main__":
    sys.exit(main())
