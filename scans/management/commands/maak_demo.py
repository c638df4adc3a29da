from django.core.management.base import BaseCommand, CommandError

from competentieprofiel.selectors import huidige_versie
from scans.demo import DEMO_EMAIL, DEMO_WACHTWOORD, maak_demo


class Command(BaseCommand):
    help = "Maakt (eenmalig) een demo-account met een afgeronde scan. Alleen voor demo's."

    def handle(self, *args, **options):
        versie = huidige_versie()
        if versie is None:
            raise CommandError("Er is nog geen profiel geladen: draai eerst laad_profiel.")
        _, scan, nieuw = maak_demo(versie)
        status = "aangemaakt" if nieuw else "bestond al"
        self.stdout.write(f"Demo-scan {status}. Inloggen met {DEMO_EMAIL} / {DEMO_WACHTWOORD}")
