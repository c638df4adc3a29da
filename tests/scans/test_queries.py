"""Pages of a scan use a fixed number of queries, however many items or gebieden."""

import pytest
from django.urls import reverse

from scans.demo import maak_demo
from scans.services import start_scan
from scans.stappen import stappenplan

# Session and user (2), the scan (1), the step list (3), the report (7), saving the
# session (3): constant, whatever the number of items or gebieden.
MAX_PER_PAGINA = 18


def _pagina_urls(scan):
    urls = [
        reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": s.sleutel})
        for s in stappenplan(scan)
    ]
    return urls + [
        reverse("scans:rapport", kwargs={"scan_id": scan.pk}),
        reverse("scans:mijn_scans"),
        reverse("scans:nieuw"),
    ]


@pytest.mark.parametrize("alle_gebieden", [False, True])
def test_every_page_stays_within_a_fixed_number_of_queries(
    client, npuls, gebruiker, django_assert_max_num_queries, alle_gebieden
):
    gebieden = list(npuls.groepen.filter(soort="gebied"))
    scan = start_scan(
        eigenaar=gebruiker,
        versie=npuls,
        gebieden=gebieden if alle_gebieden else gebieden[:1],
        labels_aan=True,
    )
    client.force_login(gebruiker)
    for url in _pagina_urls(scan):
        with django_assert_max_num_queries(MAX_PER_PAGINA):
            assert client.get(url).status_code == 200, url


def test_a_full_demo_report_with_all_answers_stays_within_the_same_bound(
    client, npuls, django_assert_max_num_queries
):
    gebruiker, scan, _ = maak_demo(npuls)
    client.force_login(gebruiker)
    for url in _pagina_urls(scan):
        with django_assert_max_num_queries(MAX_PER_PAGINA):
            assert client.get(url).status_code == 200, url


def test_saving_a_step_uses_a_fixed_number_of_queries(client, scan, django_assert_max_num_queries):
    client.force_login(scan.eigenaar)
    stap = stappenplan(scan).zoek("basis.vaardigheden")
    data = {f"item_{i}": "herken" for i in stap.item_ids} | {"notitie": "x", "actie": "volgende"}
    # What the page showed travels along (all open, no note), as a browser posts it.
    getoond = {f"getoond_item_{i}": "" for i in stap.item_ids} | {"getoond_notitie": ""}
    url = reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": stap.sleutel})
    # A save also locks the scan's row and reads the answers as they are now, so it writes
    # only what changed on this page (issue 11): one more than a page.
    for post in (data, data | getoond):
        with django_assert_max_num_queries(MAX_PER_PAGINA + 1):
            assert client.post(url, post).status_code == 302


# The report page on its own: the session and user (2), the scan (1) and the report (7). The
# session is not written on every request (issue 10); the comparison with an earlier scan on
# the same profile version adds that scan, its groups, its answers and the follow-up of its
# leerdoelen (4).
RAPPORT = 10
RAPPORT_MET_VORIGE = RAPPORT + 4


def test_the_report_page_stays_within_ten_queries_with_or_without_an_earlier_scan(
    client, npuls, settings, django_assert_max_num_queries
):
    settings.SESSION_SAVE_EVERY_REQUEST = False
    gebruiker, vorige, _ = maak_demo(npuls)
    nu = start_scan(
        eigenaar=gebruiker, versie=npuls, gebieden=list(vorige.gekozen_gebieden), vorige=vorige
    )
    client.force_login(gebruiker)
    for scan, maximum in ((vorige, RAPPORT), (nu, RAPPORT_MET_VORIGE)):
        url = reverse("scans:rapport", kwargs={"scan_id": scan.pk})
        with django_assert_max_num_queries(maximum):
            assert client.get(url).status_code == 200
