from django.core.management.base import BaseCommand, CommandError

from competentieprofiel.selectors import huidige_versie
from netwerk.demo import DEMO_NETWERK, maak_demo_netwerk
from scans.demo import DEMO_EMAIL


class Command(BaseCommand):
    help = "Maakt (eenmalig) een demo-netwerk met het demo-account erin. Alleen voor demo's."

    def handle(self, *args, **options):
        versie = huidige_versie()
        if versie is None:
            raise CommandError("Er is nog geen profiel geladen: draai eerst laad_profiel.")
        from django.contrib.auth import get_user_model

        if not get_user_model().objects.filter(username=DEMO_EMAIL).exists():
            raise CommandError("Er is nog geen demo-account: draai eerst maak_demo.")
        _, nieuw = maak_demo_netwerk(versie)
        status = "aangemaakt" if nieuw else "bestond al"
        self.stdout.write(f"Demo-netwerk '{DEMO_NETWERK}' {status}, met {DEMO_EMAIL} erin.")
