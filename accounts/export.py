"""Everything stored about a person, as one JSON document they own ("Download al mijn
gegevens"). The account part is made here; each app that stores something of the person
adds its own part (`scans.export` the scans, `netwerk.export` the netwerken). The format is
documented in the README; `formaat` changes when it does."""

from __future__ import annotations

from django.utils import timezone

from netwerk.export import netwerken_van
from scans.export import scans_van, tijd

EXPORT_FORMAAT = 3


def gegevens_van(gebruiker) -> dict:
    return {
        "formaat": EXPORT_FORMAAT,
        "gemaakt_op": tijd(timezone.now()),
        "account": account_van(gebruiker),
        "scans": scans_van(gebruiker),
        "netwerken": netwerken_van(gebruiker),
    }


def account_van(gebruiker) -> dict:
    return {
        "email": gebruiker.email,
        "naam": gebruiker.first_name,
        "aangemaakt_op": tijd(gebruiker.date_joined),
        "laatst_ingelogd": tijd(gebruiker.last_login),
        # Which institution's login leads here; never the pseudonym (sub) it uses for you.
        "inloggen_met_instelling": [
            {"instelling": i.issuer, "gekoppeld_op": tijd(i.gekoppeld_op)}
            for i in gebruiker.instellingsidentiteiten.order_by("gekoppeld_op")
        ],
    }
