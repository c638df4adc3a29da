"""The public profile page shows the whole profile as the oplegger does."""

import pytest
from django.urls import reverse

from competentieprofiel.laden import lees_profielbestand, schrijf_profiel
from tests.conftest import HAN


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
    with django_assert_max_num_queries(6):
        client.get(reverse("profiel"))
    # A second profile with other groups does not add queries to the page.
    schrijf_profiel(lees_profielbestand(HAN))
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
