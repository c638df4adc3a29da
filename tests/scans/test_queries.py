"""Pages of a scan use a fixed number of queries, however many items or gebieden."""

import copy

import pytest
from django.urls import reverse

from competentieprofiel.inhoud import versie_inhoud
from competentieprofiel.laden import schrijf_profiel
from competentieprofiel.models import ProfielVersie
from scans.demo import maak_demo
from scans.models import Antwoord, Leerdoel
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


# The report page on its own: the session and user (2), the scan with the one it follows (1),
# and the report (6: scale options, groups, statements, answers, notes, leerdoelen). The
# comparison with an earlier scan reads that scan's groups and answers together with this
# one's and adds only the follow-up of its leerdoelen (1).
RAPPORT = 10


@pytest.mark.parametrize("nieuwe_versie", [False, True])
def test_the_report_page_stays_within_ten_queries_with_or_without_an_earlier_scan(
    client, npuls, npuls_data, django_assert_max_num_queries, nieuwe_versie
):
    eigenaar, vorige, _ = maak_demo(npuls)
    versie = npuls
    if nieuwe_versie:
        # The new scan on a newer version of the profile: both still read in the same queries.
        data = copy.deepcopy(npuls_data)
        data["groepen"][0]["onderdelen"][0]["items"][0]["tekst"] = "Een nieuwe formulering."
        versie = ProfielVersie.objects.get(
            profiel=npuls.profiel, nummer=schrijf_profiel(data).versie
        )
    sleutels = [g.sleutel for g in vorige.gekozen_gebieden]
    nu = start_scan(
        eigenaar=eigenaar,
        versie=versie,
        gebieden=list(versie.groepen.filter(sleutel__in=sleutels)),
        vorige=vorige,
    )
    client.force_login(eigenaar)
    # force_login skips the middleware: the first request writes the session's refresh
    # time, as logging in through the form does (then at most once per five minutes).
    client.get(reverse("home"))
    # A version's options and statements are read once per process (3 queries, the first
    # time a page needs that version); here both are already in memory.
    versie_inhoud(npuls), versie_inhoud(versie)
    for scan in (vorige, nu):
        url = reverse("scans:rapport", kwargs={"scan_id": scan.pk})
        with django_assert_max_num_queries(RAPPORT):
            response = client.get(url)
        assert response.status_code == 200
    # The comparison really is there, so the bound covers it.
    assert response.context["vergelijking"] is not None
    assert response.context["vergelijking"].eerder.scan.pk == vorige.pk
    assert response.context["vergelijking"].andere_profielversie is nieuwe_versie


# The step, leerdoelen and start pages on their own (issue 10, step-page speed; issue 11 for
# the leerdoelen step with its look back): ten, whatever the number of items on the page or
# gebieden in the scan.
STAP_EN_START = 10


@pytest.mark.parametrize("alle_gebieden", [False, True])
def test_the_step_and_start_pages_stay_within_ten_queries(
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
    client.get(reverse("home"))  # the session's first refresh, as after a real login
    urls = [
        reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": s.sleutel})
        for s in stappenplan(scan)
    ] + [reverse("scans:nieuw")]
    for url in urls:
        with django_assert_max_num_queries(STAP_EN_START):
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("vervolg", [False, True])
def test_the_leerdoelen_step_stays_within_ten_queries_with_answers_wishes_and_leerdoelen(
    client, npuls, django_assert_max_num_queries, vervolg
):
    """The demo person's scan over everything (every statement answered, wishes, leerdoelen,
    one made from a wish), or a scan that follows it up: the look back costs one query."""
    gebruiker, scan, _ = maak_demo(npuls)
    wens = Leerdoel.objects.get(scan=scan, volgorde=3)  # the demo's leerdoel from a wish
    if vervolg:
        scan = start_scan(
            eigenaar=gebruiker, versie=npuls, gebieden=scan.gekozen_gebieden, vorige=scan
        )
        Antwoord.objects.create(scan=scan, item_id=wens.item_id, ontwikkelen=True)
    client.force_login(gebruiker)
    client.get(reverse("home"))
    url = reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": "leerdoelen"})
    with django_assert_max_num_queries(STAP_EN_START):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    if vervolg:
        assert f'name="uit_wens" value="{wens.item_id}"' in html
    else:  # the wish that became leerdoel 3 says so instead of offering itself again
        assert f'name="uit_wens" value="{wens.item_id}"' not in html
        assert 'href="#leerdoel-3"' in html and 'name="uit_wens"' in html


def test_the_start_page_from_an_earlier_scan_stays_within_ten_queries(
    client, npuls, django_assert_max_num_queries
):
    eigenaar, vorige, _ = maak_demo(npuls)
    client.force_login(eigenaar)
    client.get(reverse("home"))  # the session's first refresh, as after a real login
    for url in (reverse("scans:nieuw"), reverse("scans:nieuw") + f"?vanaf={vorige.pk}"):
        with django_assert_max_num_queries(STAP_EN_START):
            response = client.get(url)
        assert response.status_code == 200, url
    assert 'name="antwoorden_meenemen"' in response.content.decode()
