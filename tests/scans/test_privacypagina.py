"""The privacy page names who is responsible and how to reach them, and lists the person's
rights in plain words, each with the button that exercises it."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.i18n.catalogus import zorg_voor_mo


def _pagina(client) -> str:
    return client.get(reverse("privacy")).content.decode()


def test_it_names_the_organisation_and_its_contact_from_the_settings(client, db, settings):
    settings.ZELFSCAN_ORGANISATIE = "Hogeschool Voorbeeld & Co"
    settings.ZELFSCAN_CONTACT_EMAIL = "privacy@hogeschool-voorbeeld.nl"
    html = _pagina(client)
    assert (
        f"{escape('Hogeschool Voorbeeld & Co')} biedt deze zelfscan aan en is verantwoordelijk"
        in html
    )
    assert (
        '<a href="mailto:privacy@hogeschool-voorbeeld.nl">privacy@hogeschool-voorbeeld.nl</a>'
        in html
    )


def test_without_settings_it_points_to_the_offering_institution(client, db, settings):
    settings.ZELFSCAN_ORGANISATIE = ""
    settings.ZELFSCAN_CONTACT_EMAIL = ""
    html = _pagina(client)
    assert "De instelling die deze zelfscan aanbiedt, is verantwoordelijk" in html
    assert "mailto:" not in html


def _rechten(html: str) -> dict[str, list[str]]:
    blok = re.search(r'<dl class="rechten">(.*?)</dl>', html, re.S)[1]
    paren = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", blok, re.S)
    return {naam: re.findall(r'<a class="knop[^"]*" href="([^"]+)"', dd) for naam, dd in paren}


@pytest.mark.parametrize(
    ("taal", "namen"),
    [
        (
            "nl",
            [
                "Inzien wat we van je bewaren",
                "Laten verbeteren wat niet klopt",
                "Laten verwijderen",
                "Je gegevens meenemen",
            ],
        ),
        (
            "en",
            [
                "See what we store about you",
                "Have what is wrong corrected",
                "Have it deleted",
                "Take your data with you",
            ],
        ),
    ],
)
def test_every_right_has_the_button_that_exercises_it(client, gebruiker, taal, namen):
    zorg_voor_mo()
    client.force_login(gebruiker)
    client.post(reverse("set_language"), {"language": taal, "next": "/"})
    rechten = _rechten(_pagina(client))
    assert list(rechten) == namen
    inzien, verbeteren, verwijderen, meenemen = rechten.values()
    assert inzien == [reverse("scans:mijn_scans"), reverse("mijn_gegevens")]
    assert verbeteren == [reverse("mijn_gegevens") + "#naam"]
    assert verwijderen == [reverse("account_verwijderen")]
    assert meenemen == [reverse("gegevens_downloaden")]
    for knoppen in rechten.values():
        for url in knoppen:
            pagina = client.get(url.split("#")[0])
            assert pagina.status_code == 200, url
            if "#" in url:
                assert f'id="{url.split("#")[1]}"' in pagina.content.decode()
    naam = client.get(reverse("mijn_gegevens")).content.decode()
    assert f'action="{reverse("naam_wijzigen")}"' in naam


def test_an_anonymous_visitor_is_asked_to_log_in_first(client, db):
    rechten = _rechten(_pagina(client))
    for knoppen in rechten.values():
        for url in knoppen:
            antwoord = client.get(url.split("#")[0])
            assert antwoord.status_code == 302
            assert antwoord["Location"].startswith(reverse("login"))
