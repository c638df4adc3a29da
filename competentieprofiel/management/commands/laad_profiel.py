import sys

from django.core.management.base import BaseCommand

from competentieprofiel.laden import ProfielFout, lees_profielbestand, schrijf_profiel


class Command(BaseCommand):
    help = "Controleert een profielbestand (YAML) en laadt het als nieuwe profielversie."

    def add_arguments(self, parser):
        parser.add_argument("paden", nargs="+", metavar="PAD", help="een of meer YAML-bestanden")
        parser.add_argument(
            "--check", action="store_true", help="alleen controleren, niets opslaan"
        )

    def handle(self, *args, paden, check, **options):
        gelukt = True
        for pad in paden:
            try:
                schoon = lees_profielbestand(pad)
            except ProfielFout as fout:
                gelukt = False
                aantal = len(fout.problemen)
                woord = "probleem" if aantal == 1 else "problemen"
                self.stderr.write(f"{pad}: niet geladen, {aantal} {woord} gevonden:")
                for probleem in fout.problemen:
                    self.stderr.write(f"  - {probleem}")
                continue
            if check:
                self.stdout.write(f"{pad}: in orde (er is niets opgeslagen).")
                continue
            r = schrijf_profiel(schoon, bronbestand=str(pad))
            aantallen = f"{r.aantallen['groepen']} groepen, {r.aantallen['items']} items"
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
