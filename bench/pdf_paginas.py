"""How the PDF ontwikkelrapport flows: pages and how full each one is, for two scans.

`make paginas` runs this (not `make test`). On a throw-away SQLite database it loads the
Npuls profile and renders the PDF of
- the demo scan (basis plus five gebieden, 127 items: `scans/demo.py`), and
- a typical basis+coach scan (`maak_typische_scan`): 40 statements answered, about ten
  wishes, three leerdoelen and gesprekspunten.
It prints the number of pages and, per page, how far down its body the text reaches; pages
less than a third full are marked. With a directory as argument it also writes both PDFs
there (look at them with `pdftoppm -png`).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def django_opzetten(map_: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "competentieprofiel.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{map_}/paginas.sqlite3"
    os.environ["ZELFSCAN_VAR_DIR"] = map_

    import django

    django.setup()


def scans():
    from django.core.management import call_command

    from accounts.services import registreer
    from competentieprofiel.laden import lees_profielbestand, schrijf_profiel
    from competentieprofiel.models import ProfielVersie
    from scans.demo import maak_demo, maak_typische_scan

    call_command("migrate", verbosity=0)
    geladen = schrijf_profiel(
        lees_profielbestand(ROOT / "profiel_data" / "npuls.yaml"), bronbestand="npuls.yaml"
    )
    versie = ProfielVersie.objects.get(profiel__sleutel=geladen.profiel, nummer=geladen.versie)
    _, demo, _ = maak_demo(versie)

    persoon = registreer(
        email="sanne@example.nl", wachtwoord="Een-lang-wachtwoord-42", naam="Sanne Jansen"
    )
    coach = maak_typische_scan(persoon, versie, "coach")
    return {"demo (basis + vijf gebieden)": demo, "basis + coach": coach}


def main() -> int:
    uitmap = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    with tempfile.TemporaryDirectory(prefix="zelfscan-paginas-") as map_:
        django_opzetten(map_)
        from scans.pdf import rapport_pdf
        from scans.rapport import bouw_rapport
        from scans.vergelijking import sinds_vorige
        from tests.pdf_vulling import paginavulling

        for naam, scan in scans().items():
            rapport = bouw_rapport(scan)
            pdf = rapport_pdf(
                rapport, onderdelen=scan.pdf_keuze(), vergelijking=sinds_vorige(scan, rapport)
            )
            paginas = paginavulling(pdf)
            dun = [p.nummer for p in paginas if p.vulling < 1 / 3]
            print(f"{naam}: {len(paginas)} pagina's; minder dan een derde vol: {dun or 'geen'}")
            print("  " + "  ".join(f"{p.nummer}:{p.vulling:.0%}" for p in paginas))
            if uitmap:
                uitmap.mkdir(parents=True, exist_ok=True)
                (
                    uitmap / f"{naam.split()[0]}-{'coach' if 'coach' in naam else 'alles'}.pdf"
                ).write_bytes(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
