"""A netwerk's pages use a fixed number of queries, however many members: the map of a
netwerk of 500 needs exactly as many as that of a netwerk of 5."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netwerk import services
from netwerk.models import Bijdrage, Lidmaatschap
from netwerk.selectors import gebieden_van

from .conftest import een_dag_later

# Session and user (2), the membership with who manages and whether I shared anything (1),
# the map (2, plus the dagstand's 1, or 3 when it is refreshed). The session is not
# written on a page view (SessieVerversenMiddleware).
MAX_PER_PAGINA = 10
PAGINAS = ("netwerk:kaart", "netwerk:bijdrage", "netwerk:uitnodigen", "netwerk:verlaten")


def _netwerk_van(maker, versie, aantal: int, naam: str):
    """A netwerk of `aantal` members (the maker included), each sharing named and
    anonymous statements, made in bulk."""
    netwerk = services.maak_netwerk(maker=maker, naam=naam, beschrijving="", versie=versie)
    gebruikers = get_user_model().objects.bulk_create(
        get_user_model()(username=f"{naam}.{i}@example.nl", first_name=f"Lid {i}")
        for i in range(aantal - 1)
    )
    Lidmaatschap.objects.bulk_create(
        Lidmaatschap(netwerk=netwerk, lid=g, naam=g.first_name, functie="i-coach" * (i % 2))
        for i, g in enumerate(gebruikers)
    )
    Lidmaatschap.objects.filter(netwerk=netwerk, lid=maker).update(naam="Anna")
    gebieden = gebieden_van(versie)
    Bijdrage.objects.bulk_create(
        Bijdrage(
            lidmaatschap=lid,
            groep=gebieden[(i + j) % len(gebieden)],
            zet_in=j == 0,
            zet_in_met_naam=i % 3 != 0,
            groeien=j == 1,
            groeien_met_naam=i % 4 == 0,
            benader=j == 0 and i % 2 == 0,
        )
        for i, lid in enumerate(netwerk.leden.all())
        for j in range(2)
    )
    return netwerk


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as vastgelegd:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(vastgelegd)


def _per_pagina(client, netwerk) -> dict[str, int]:
    kaart = reverse("netwerk:kaart", kwargs={"netwerk_id": netwerk.pk})
    aantallen = {"kaart, eerste dagstand": _queries(client, kaart)}
    een_dag_later(netwerk)
    aantallen["kaart, dagstand ververst"] = _queries(client, kaart)
    for naam in PAGINAS:
        aantallen[naam] = _queries(client, reverse(naam, kwargs={"netwerk_id": netwerk.pk}))
    aantallen["netwerk:mijn_netwerken"] = _queries(client, reverse("netwerk:mijn_netwerken"))
    return aantallen


def test_the_pages_of_500_members_take_as_many_queries_as_those_of_5(ingelogd, npuls, gebruiker):
    klein = _netwerk_van(gebruiker, npuls, 5, "klein")
    groot = _netwerk_van(gebruiker, npuls, 500, "groot")
    assert (
        groot.leden.count() == 500
        and Bijdrage.objects.filter(lidmaatschap__netwerk=groot).count() == 1000
    )
    # force_login skips the middleware: the first request writes the session's refresh
    # time, as logging in through the form does (then at most once per five minutes).
    ingelogd.get(reverse("home"))
    in_klein, in_groot = _per_pagina(ingelogd, klein), _per_pagina(ingelogd, groot)
    assert in_groot == in_klein
    # At most 10, also for the first view of the day, which writes the day's counts.
    assert max(in_groot.values()) <= MAX_PER_PAGINA, in_groot
    html = ingelogd.get(reverse("netwerk:kaart", kwargs={"netwerk_id": groot.pk})).content.decode()
    assert "toen hadden 500 mensen iets gedeeld" in html
    assert "Lid 497" in html  # named: on the map
