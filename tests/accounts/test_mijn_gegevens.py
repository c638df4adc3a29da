"""Mijn gegevens: what the account holds, and correcting one's name (AVG: the right to
rectification)."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from scans.services import rond_af


def test_mijn_gegevens_shows_the_address_the_name_and_a_form_to_change_it(ingelogd, gebruiker):
    html = ingelogd.get(reverse("mijn_gegevens")).content.decode()
    assert "anna@example.nl" in html
    assert 'name="naam" value="Anna"' in html
    assert f'action="{reverse("naam_wijzigen")}"' in html
    assert 'id="naam"' in html  # the privacy page links here


def test_a_corrected_name_is_stored_and_heads_the_report(ingelogd, gebruiker, scan):
    response = ingelogd.post(reverse("naam_wijzigen"), {"naam": "  Anna de Wit  "})
    assert response["Location"] == reverse("mijn_gegevens")
    gebruiker.refresh_from_db()
    assert gebruiker.first_name == "Anna de Wit"
    pagina = ingelogd.get(response["Location"]).content.decode()
    assert "Je naam is aangepast." in pagina
    rond_af(scan=scan)
    rapport = ingelogd.get(reverse("scans:rapport", kwargs={"scan_id": scan.pk}))
    assert "Anna de Wit" in rapport.content.decode()


def test_the_name_may_be_taken_away(ingelogd, gebruiker):
    response = ingelogd.post(reverse("naam_wijzigen"), {"naam": ""}, follow=True)
    assert "Je naam is weggehaald." in response.content.decode()
    gebruiker.refresh_from_db()
    assert gebruiker.first_name == ""


def test_a_name_that_is_too_long_is_refused_in_dutch_and_nothing_changes(ingelogd, gebruiker):
    response = ingelogd.post(reverse("naam_wijzigen"), {"naam": "x" * 151})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er is iets dat je nog even moet bekijken" in html
    assert "151" in html
    assert get_user_model().objects.get(pk=gebruiker.pk).first_name == "Anna"


def test_changing_the_name_needs_a_login_and_a_post(client, ingelogd):
    from django.test import Client

    anoniem = Client().post(reverse("naam_wijzigen"), {"naam": "X"})
    assert anoniem.status_code == 302
    assert anoniem["Location"].startswith(reverse("login"))
    assert ingelogd.get(reverse("naam_wijzigen")).status_code == 405
