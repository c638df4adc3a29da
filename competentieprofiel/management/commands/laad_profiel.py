import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from competentieprofiel.laden import ProfielFout, lees_profiel, schrijf_profiel
from competentieprofiel.vertaling import bron_van


def profielbestanden(paden: list[str]) -> list[Path]:
    """The profile files to load: a translation (npuls.en.yaml) stands for its source
    (npuls.yaml), which always loads with all its translations; each file once."""
    uit: list[Path] = []
    for pad in map(Path, paden):
        pad = bron_van(pad) or pad
        if pad not in uit:
            uit.append(pad)
    return uit


class Command(BaseCommand):
    help = (
        "Controleert een profielbestand (YAML) met de vertalingen ernaast (zoals "
        "npuls.en.yaml) en laadt het als nieuwe profielversie."
    )

    def add_arguments(self, parser):
        parser.add_argument("paden", nargs="+", metavar="PAD", help="een of meer YAML-bestanden")
        parser.add_argument(
            "--check", action="store_true", help="alleen controleren, niets opslaan"
        )

    def handle(self, *args, paden, check, **options):
        gelukt = True
        for pad in profielbestanden(paden):
            try:
                bestand = lees_profiel(pad)
            except ProfielFout as fout:
                gelukt = False
                aantal = len(fout.problemen)
                woord = "probleem" if aantal == 1 else "problemen"
                self.stderr.write(f"{pad}: niet geladen, {aantal} {woord} gevonden:")
                for probleem in fout.problemen:
                    self.stderr.write(f"  - {probleem}")
                continue
            if bestand.waarschuwingen:
                self.stderr.write(
                    f"{pad}: let op, deze teksten zijn nog niet vertaald en verschijnen in de "
                    "brontaal:"
                )
                for waarschuwing in bestand.waarschuwingen:
                    self.stderr.write(f"  - {waarschuwing}")
            talen = (
                f"; vertaald in: {', '.join(bestand.vertalingen)}" if bestand.vertalingen else ""
            )
            if check:
                self.stdout.write(f"{pad}: in orde{talen} (er is niets opgeslagen).")
                continue
            r = schrijf_profiel(bestand.schoon, bronbestand=str(pad))
            aantallen = f"{r.aantallen['groepen']} groepen, {r.aantallen['items']} items{talen}"
            if r.nieuw:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{pad}: profiel '{r.profiel}' geladen als versie {r.versie} ({aantallen})."
                    )
                )
            else:
                self.stdout.write(
                    f"{pad}: profiel '{r.profiel}' is ongewijzigd; versie {r.versie} blijft "
                    f"in gebruik ({aantallen})."
                )
        if not gelukt:
            sys.exit(1)
