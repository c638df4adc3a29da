"""Shared pieces for the netwerk tests: a netwerk made by Anna on the Npuls profile, a way
to add members and let them share, and a way to let a day pass for the dagstand."""

from __future__ import annotations

from datetime import timedelta

import pytest

from accounts.services import registreer
from netwerk import services
from netwerk.dagstand import VERVERSEN_NA
from netwerk.models import Dagstand

WACHTWOORD = "Een-lang-wachtwoord-42"


@pytest.fixture
def netwerk(npuls, gebruiker):
    """Anna's netwerk on the Npuls profile; Anna is its first member."""
    return services.maak_netwerk(
        maker=gebruiker, naam="i-coaches Zorg & Welzijn", beschrijving="Samen sterker", versie=npuls
    )


def gebied(netwerk, sleutel: str):
    return netwerk.versie.groepen.get(sleutel=sleutel)


def nieuw_lid(netwerk, naam: str, *, email: str | None = None):
    """Register someone and let them join the netwerk; returns their membership."""
    gebruiker = registreer(
        email=email or f"{naam.lower().replace(' ', '.')}@example.nl",
        wachtwoord=WACHTWOORD,
        naam=naam,
    )
    return services.doe_mee(netwerk=netwerk, gebruiker=gebruiker)


def deel(lidmaatschap, *uitspraken: tuple[str, dict], functie: str = "", naam: str = "") -> None:
    """Share statements: deel(lid, ("coach", {"zet_in": True}), ("adviseur", {...}))."""
    netwerk = lidmaatschap.netwerk
    services.bewaar_bijdrage(
        lidmaatschap=lidmaatschap,
        naam=naam or lidmaatschap.naam or lidmaatschap.lid.first_name,
        functie=functie or lidmaatschap.functie,
        uitspraken=[
            services.Uitspraak(groep_id=gebied(netwerk, sleutel).pk, **keuzes)
            for sleutel, keuzes in uitspraken
        ],
    )


def een_dag_later(netwerk) -> None:
    """Let the dagstand turn a day old, as if 24 hours passed since it was made."""
    Dagstand.objects.filter(netwerk=netwerk).update(
        gemaakt_op=Dagstand.objects.get(netwerk=netwerk).gemaakt_op - VERVERSEN_NA
    )


def bijna_een_dag_later(netwerk) -> None:
    Dagstand.objects.filter(netwerk=netwerk).update(
        gemaakt_op=Dagstand.objects.get(netwerk=netwerk).gemaakt_op
        - VERVERSEN_NA
        + timedelta(minutes=1)
    )
