"""Every page a person can open with GET costs at most ten database queries (issue 10), for
a visitor and for someone with a finished scan that follows an earlier one, labels on, in a
netwerk of six where five share. The bound is constant: the pages' own tests show it holds
for the largest scan and netwerk (tests/scans/test_queries.py, tests/netwerk/test_queries.py).
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from competentieprofiel.inhoud import versie_inhoud
from netwerk import services as netwerk_services
from netwerk.models import Bijdrage
from scans import services
from scans.demo import maak_demo
from scans.stappen import stappenplan

MAX_PER_PAGINA = 10


def _queries(client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as vastgelegd:
        response = client.get(url)
    return response.status_code, len(vastgelegd)


def _te_veel(client, urls) -> dict[str, int]:
    """Each url twice (the first view may create something once, such as a stored PDF or
    a day's netwerk overview): the url and its larger count, where it is above the bound.
    Once per process a profile version's content is read (competentieprofiel.inhoud, three
    queries the first time a page needs it); the tests read it before they count."""
    te_veel = {}
    for url in urls:
        for _keer in range(2):
            status, aantal = _queries(client, url)
            assert status == 200, (url, status)
            if aantal > MAX_PER_PAGINA:
                te_veel[url] = max(aantal, te_veel.get(url, 0))
    return te_veel


def test_every_page_for_a_visitor_stays_within_ten_queries(client, npuls):
    versie_inhoud(npuls)
    urls = [
        reverse("home"),
        reverse("profiel"),
        reverse("privacy"),
        reverse("toegankelijkheid"),
        reverse("login"),
        reverse("registreren"),
        reverse("password_reset"),
    ]
    assert _te_veel(client, urls) == {}


@pytest.fixture
def vervolgscan(npuls):
    """The demo person's finished scan (every gebied, labels, leerdoelen) and a finished
    scan that follows it."""
    versie_inhoud(npuls)
    gebruiker, eerste, _ = maak_demo(npuls)
    tweede = services.start_scan(
        eigenaar=gebruiker,
        versie=npuls,
        gebieden=list(npuls.groepen.filter(soort="gebied")),
        labels_aan=True,
        vorige=eerste,
    )
    services.rond_af(scan=tweede)
    return gebruiker, eerste, tweede


def test_every_page_of_someone_with_scans_stays_within_ten_queries(client, vervolgscan):
    gebruiker, eerste, tweede = vervolgscan
    client.force_login(gebruiker)
    stappen = [
        reverse("scans:stap", kwargs={"scan_id": tweede.pk, "stap": s.sleutel})
        for s in stappenplan(tweede)
    ]
    urls = [
        reverse("home"),
        reverse("profiel"),
        reverse("privacy"),
        reverse("scans:mijn_scans"),
        reverse("scans:nieuw"),
        reverse("scans:nieuw") + f"?vanaf={tweede.pk}",
        *stappen,
        reverse("scans:rapport", kwargs={"scan_id": tweede.pk}),
        reverse("scans:rapport", kwargs={"scan_id": eerste.pk}),
        reverse("scans:rapport_pdf", kwargs={"scan_id": tweede.pk}),
        reverse("scans:vergelijken", kwargs={"scan_id": tweede.pk, "ander_id": eerste.pk}),
        reverse("scans:verwijderen", kwargs={"scan_id": eerste.pk}),
        reverse("mijn_gegevens"),
        reverse("gegevens_downloaden"),
        reverse("account_verwijderen"),
        reverse("password_change"),
    ]
    assert _te_veel(client, urls) == {}


def test_every_netwerk_page_stays_within_ten_queries(client, npuls, gebruiker):
    from accounts.services import registreer

    versie_inhoud(npuls)
    netwerk = netwerk_services.maak_netwerk(
        maker=gebruiker, naam="ICTO-coaches", beschrijving="", versie=npuls
    )
    coach = npuls.groepen.get(sleutel="coach")
    for i in range(5):
        lid = netwerk_services.doe_mee(
            netwerk=netwerk,
            gebruiker=registreer(email=f"lid{i}@example.nl", wachtwoord="Een-lang-wachtwoord-42"),
        )
        Bijdrage.objects.create(lidmaatschap=lid, groep=coach, zet_in=True, groeien=i % 2 == 0)
    client.force_login(gebruiker)
    urls = [
        reverse("netwerk:mijn_netwerken"),
        reverse("netwerk:nieuw"),
        reverse("netwerk:kaart", kwargs={"netwerk_id": netwerk.pk}),
        reverse("netwerk:praatplaat", kwargs={"netwerk_id": netwerk.pk}),
        reverse("netwerk:bijdrage", kwargs={"netwerk_id": netwerk.pk}),
        reverse("netwerk:uitnodigen", kwargs={"netwerk_id": netwerk.pk}),
        reverse("netwerk:verlaten", kwargs={"netwerk_id": netwerk.pk}),
        reverse("netwerk:sluiten", kwargs={"netwerk_id": netwerk.pk}),
    ]
    assert _te_veel(client, urls) == {}
