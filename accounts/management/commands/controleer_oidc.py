"""Read the institution's provider configuration now and show what the site will use."""

from django.core.management.base import BaseCommand, CommandError

from accounts import oidc


class Command(BaseCommand):
    help = "Lees de configuratie van de inlogdienst van je instelling en toon de eindpunten."

    def handle(self, *args, **options):
        if not oidc.staat_aan():
            raise CommandError("Inloggen met je instelling staat uit (geen ZELFSCAN_OIDC_*).")
        oidc.vergeet_ontdekking()
        try:
            aanbieder = oidc.aanbieder()
        except oidc.AanbiederOnbereikbaar as fout:
            raise CommandError(
                f"De configuratie van de aanbieder is niet te lezen: {fout}"
            ) from fout
        self.stdout.write(f"issuer                  {aanbieder.issuer}")
        self.stdout.write(f"client_id               {aanbieder.client_id}")
        self.stdout.write(f"scopes                  {' '.join(aanbieder.scopes)}")
        for naam in oidc.EINDPUNTEN:
            self.stdout.write(f"{naam:<24}{getattr(aanbieder, naam) or '(geen)'}")
        self.stdout.write(self.style.SUCCESS("De inlogdienst is bereikbaar en klopt."))
