"""An English scan is English all the way through: every page the person reads shows the
profile's own words in English; a profile without a translation (HAN/iXperium) shows its
Dutch with lang="nl" on each text, so a screen reader switches voice. No Dutch profile text
appears in an English page of the Npuls scan; the person's own words stay as written."""

import json

import pytest
from django.conf import settings
from django.urls import reverse

from competentieprofiel.laden import lees_profielbestand, schrijf_profiel
from competentieprofiel.models import ProfielVersie
from scans.demo import NOTITIES, maak_demo
from scans.stappen import stappenplan
from tests.conftest import HAN
from tests.taalcontrole import profielteksten, taalruns, talen_van

# Shorter texts ("Kennis", "Expert") occur inside longer ones or are the same in both
# languages; every statement, description and suggestion is longer.
MINSTE_LENGTE = 25


def _paginas(scan) -> list[str]:
    """Every page of a scan the person reads, in the order they meet them."""
    stappen = [reverse("scans:stap", args=[scan.pk, s.sleutel]) for s in stappenplan(scan)]
    return [
        f"{reverse('scans:nieuw')}?profiel={scan.versie.profiel.sleutel}",
        reverse("scans:mijn_scans"),
        *stappen,
        reverse("scans:rapport", args=[scan.pk]),
    ]


@pytest.fixture
def engels(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def han(db):
    schrijf_profiel(lees_profielbestand(HAN))
    return ProfielVersie.objects.get(profiel__sleutel="han-ixperium-ict-onderwijsondersteuners")


def _html(client, scan, url) -> str:
    client.force_login(scan.eigenaar)
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert '<html lang="en">' in html
    return html


def test_no_page_of_the_english_npuls_scan_shows_a_dutch_profile_text(engels, npuls):
    _, scan, _ = maak_demo(npuls)
    nl, en = profielteksten(npuls), profielteksten(npuls, "en")
    paren = [
        (a, b)
        for plaats in nl
        for a, b in zip(nl[plaats], en[plaats], strict=True)
        if a != b and len(a) >= MINSTE_LENGTE
    ]
    gezien_engels = set()
    for url in _paginas(scan):
        html = _html(engels, scan, url)
        runs = taalruns(html)
        assert [a for a, _ in paren if talen_van(html, a, runs)] == [], url
        gezien_engels |= {b for _, b in paren if talen_van(html, b, runs) == {"en"}}
    # Every statement the demo answered was shown in English.
    for item in npuls.items.filter(pk__in=scan.antwoorden.exclude(optie=None).values("item")):
        assert item.in_taal("tekst", "en") in gezien_engels, item.sleutel


def test_every_text_of_a_dutch_only_profile_carries_lang_nl_in_an_english_scan(engels, han):
    _, scan, _ = maak_demo(han)
    bron = {t for ts in profielteksten(han).values() for t in ts if len(t) >= MINSTE_LENGTE}
    getoond = set()
    for url in _paginas(scan):
        html = _html(engels, scan, url)
        runs = taalruns(html)
        for tekst in bron:
            talen = talen_van(html, tekst, runs)
            if talen:
                assert talen == {"nl"}, (url, tekst)
                getoond.add(tekst)
    beantwoord = han.items.filter(pk__in=scan.antwoorden.exclude(optie=None).values("item"))
    assert {i.tekst for i in beantwoord} <= getoond


def test_the_persons_own_words_stay_as_written_in_the_english_report(engels, npuls):
    _, scan, _ = maak_demo(npuls)
    html = _html(engels, scan, reverse("scans:rapport", args=[scan.pk]))
    for notitie in NOTITIES:
        assert talen_van(html, notitie)


def test_a_dutch_only_profile_says_so_on_the_english_start_page(engels, han):
    _, scan, _ = maak_demo(han)
    html = _html(engels, scan, f"{reverse('scans:nieuw')}?profiel={han.profiel.sleutel}")
    assert "This profile is only available in Dutch." in html


def test_the_export_gives_item_texts_in_the_readers_language_and_the_keys_as_ever(engels, npuls):
    _, scan, _ = maak_demo(npuls)
    engels.force_login(scan.eigenaar)
    [export] = json.loads(engels.get(reverse("gegevens_downloaden")).content)["scans"]
    items = {i.sleutel: i for i in npuls.items.all()}
    opties = {o.sleutel: o for o in npuls.schaalopties.all()}
    assert export["antwoorden"]
    for antwoord in export["antwoorden"]:
        item = items[antwoord["item"]]
        assert antwoord["tekst"] == item.in_taal("tekst", "en") != item.tekst
        if antwoord["antwoord"]:
            assert antwoord["antwoord_tekst"] == opties[antwoord["antwoord"]].in_taal("label", "en")
    eigen = {n["tekst"] for n in export["notities"] if n["tekst"]}
    assert eigen and eigen <= set(NOTITIES)
