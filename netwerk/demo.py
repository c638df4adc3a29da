"""A demo netwerk: the demo account of `scans.demo` with five colleagues who shared a mix of
named and anonymous statements, enough for the counts to show. For demos and screenshots
only; `make run` creates it, nothing else does."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from competentieprofiel.models import ProfielVersie
from scans.demo import DEMO_EMAIL

from . import services
from .models import Lidmaatschap, Netwerk
from .selectors import bouw_kaart, gebieden_van

DEMO_NETWERK = "Docentondersteuning Zorg & Welzijn"

# (naam, functie, {gebied: statements}); N = with name, A = anonymous.
N, A = True, False
COLLEGA_S = [
    (
        "Noor de Vries",
        "i-coach",
        {"coach": dict(zet_in=N, benader=True), "innovator": dict(groeien=A)},
    ),
    (
        "Sanne Bakker",
        "ICTO-coach",
        {
            "bruggenbouwer": dict(zet_in=N, benader=True),
            "coach": dict(zet_in=A),
            "didacticus": dict(groeien=N),
        },
    ),
    (
        "Youssef El Amrani",
        "onderwijskundig adviseur",
        {"adviseur": dict(zet_in=N, benader=True), "bruggenbouwer": dict(zet_in=N)},
    ),
    ("Lotte de Jong", "", {"didacticus": dict(zet_in=A), "innovator": dict(groeien=A)}),
    (
        "Mehmet Yılmaz",
        "learning designer",
        {"didacticus": dict(zet_in=N, benader=True), "adviseur": dict(groeien=A)},
    ),
    ("Iris Vermeulen", "", {"coach": dict(groeien=A), "innovator": dict(groeien=A)}),
]


def _uitspraak(groep_id: int, keuzes: dict) -> services.Uitspraak:
    velden = {"groep_id": groep_id, "benader": keuzes.get("benader", False)}
    if "zet_in" in keuzes:
        velden.update(zet_in=True, zet_in_met_naam=keuzes["zet_in"])
    if "groeien" in keuzes:
        velden.update(groeien=True, groeien_met_naam=keuzes["groeien"])
    return services.Uitspraak(**velden)


@transaction.atomic
def maak_demo_netwerk(versie: ProfielVersie) -> tuple[Netwerk, bool]:
    """Create (once) the demo netwerk with the demo account in it; returns (netwerk, created)."""
    gebruikers = get_user_model().objects
    noor = gebruikers.get(username=DEMO_EMAIL)
    bestaand = Lidmaatschap.objects.filter(lid=noor, netwerk__naam=DEMO_NETWERK).first()
    if bestaand is not None:
        return bestaand.netwerk, False
    netwerk = services.maak_netwerk(
        maker=noor,
        naam=DEMO_NETWERK,
        beschrijving="De ondersteuners van de opleidingen Zorg & Welzijn: wie zet wat in, "
        "en waar zoeken we elkaar op?",
        versie=versie,
    )
    per_sleutel = {g.sleutel: g.pk for g in gebieden_van(versie)}
    for i, (naam, functie, keuzes) in enumerate(COLLEGA_S):
        if i == 0:
            gebruiker = noor
        else:
            email = f"demo.collega.{i}@zelfscan.local"
            gebruiker = gebruikers.filter(username=email).first() or gebruikers.create_user(
                username=email, email=email, password=None, first_name=naam
            )
        lid = services.doe_mee(netwerk=netwerk, gebruiker=gebruiker)
        services.bewaar_bijdrage(
            lidmaatschap=lid,
            naam=naam,
            functie=functie,
            uitspraken=[
                _uitspraak(per_sleutel[s], k) for s, k in keuzes.items() if s in per_sleutel
            ],
        )
    bouw_kaart(netwerk)  # the first dagstand, with everyone in it
    return netwerk, True
