"""The public profile page shows the whole profile as the oplegger does."""

import pytest
from django.urls import reverse

from competentieprofiel.inhoud import versie_inhoud
from competentieprofiel.laden import lees_profielbestand, schrijf_profiel
from competentieprofiel.models import ProfielVersie
from tests.conftest import HAN
from tests.taalcontrole import profielteksten, taalruns, talen_van


def test_the_home_page_says_what_the_scan_is_and_promises_privacy(client, npuls):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Alleen jij ziet je antwoorden." in html
    assert "geen meetlint" in html


def test_it_shows_every_group_category_and_item(client, npuls):
    response = client.get(reverse("profiel"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1>") == 1
    for groep in npuls.groepen.all():
        assert groep.titel in html
        assert groep.korte_beschrijving in html
        if groep.rolnaam:
            assert f'<span class="rolnaam">{groep.rolnaam}</span>' in html
    for item in npuls.items.all():
        assert f"<li>{item.tekst}</li>".replace("’", "’") in html
    for titel in ("Kennis", "Vaardigheden", "Attitude"):
        assert f"{titel}</h" in html


def test_it_renders_in_a_constant_number_of_queries(client, npuls, django_assert_max_num_queries):
    # A version's content is read once per process (competentieprofiel.inhoud), here first.
    versie_inhoud(npuls)
    with django_assert_max_num_queries(6):
        client.get(reverse("profiel"))
    # A second profile with other groups does not add queries to the page.
    han = schrijf_profiel(lees_profielbestand(HAN))
    versie_inhoud(ProfielVersie.objects.get(profiel__sleutel=han.profiel, nummer=han.versie))
    with django_assert_max_num_queries(6):
        response = client.get(
            reverse("profiel_sleutel", args=["han-ixperium-ict-onderwijsondersteuners"])
        )
    assert "Lerende professional" in response.content.decode()


def test_an_unknown_profile_is_a_404(client, npuls):
    assert client.get(reverse("profiel_sleutel", args=["bestaat-niet"])).status_code == 404


@pytest.mark.django_db
def test_without_any_profile_the_profile_page_is_a_404(client):
    assert client.get(reverse("profiel")).status_code == 404


# --- in English ---------------------------------------------------------------------------


@pytest.fixture
def in_het_engels(client):
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_in_english_it_shows_the_english_profile_and_says_the_translation_is_unofficial(
    in_het_engels, npuls
):
    html = in_het_engels.get(reverse("profiel")).content.decode()
    assert '<html lang="en">' in html
    assert "<title>Competence profile for networked teacher support" in html
    assert (
        "<h1>Competence profile for networked teacher support in post-secondary education</h1>"
        in html
    )
    assert (
        "<strong>Unofficial translation.</strong> This is an unofficial English translation of the Npuls"
        in html
    )
    assert (
        'Connecting across boundaries<span class="rolnaam">bridge builder (bruggenbouwer)</span>'
        in html
    )
    assert "<li>Has knowledge of coaching methods and conversation techniques.</li>" in html
    assert "Skills</h" in html and "<dt>Advanced</dt>" in html
    assert 'lang="nl"' not in html.replace('value="nl" lang="nl"', "")  # only the switcher
    # No Dutch profile text is left, except where the English keeps it on purpose: the
    # Dutch role name beside the English one, words that are the same in both languages.
    runs = taalruns(html)
    engels = profielteksten(npuls, "en")
    for plaats, teksten in profielteksten(npuls).items():
        if plaats[2].startswith(("gespreksvragen", "suggesties")):
            continue  # the report shows these, the profile page does not
        for tekst, vertaald in zip(teksten, engels[plaats], strict=True):
            if tekst not in vertaald:
                assert not talen_van(html, tekst, runs), (plaats, tekst)


def test_in_english_a_dutch_only_profile_says_so_and_marks_every_text_as_dutch(in_het_engels, db):
    schrijf_profiel(lees_profielbestand(HAN))
    from competentieprofiel.models import ProfielVersie

    han = ProfielVersie.objects.get(profiel__sleutel="han-ixperium-ict-onderwijsondersteuners")
    html = in_het_engels.get(
        reverse("profiel_sleutel", args=[han.profiel.sleutel])
    ).content.decode()
    assert "This profile is only available in Dutch." in html
    runs = taalruns(html)
    getoond = 0
    for plaats, teksten in profielteksten(han).items():
        if plaats[2].startswith(
            ("kernzin", "gespreksvragen", "suggesties", "verder_met", "schaal")
        ):
            continue  # the start page, the scan and the report show these
        if plaats[0] == "schaalopties":
            continue
        for tekst in teksten:
            assert talen_van(html, tekst, runs) == {"nl"}, (plaats, tekst)
            getoond += 1
    assert getoond > 50


def test_in_english_it_renders_in_the_same_number_of_queries(
    in_het_engels, npuls, django_assert_max_num_queries
):
    versie_inhoud(npuls)
    with django_assert_max_num_queries(6):
        in_het_engels.get(reverse("profiel"))
