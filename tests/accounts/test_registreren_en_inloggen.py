"""Accounts: e-mail and password are enough; a display name is optional."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse


def test_registering_needs_only_email_and_password_and_logs_in(client, npuls):
    response = client.post(
        reverse("registreren"),
        {
            "email": "Carla@Example.nl",
            "wachtwoord": "Een-lang-wachtwoord-42",
        },
    )
    assert response["Location"] == reverse("scans:nieuw")
    gebruiker = get_user_model().objects.get()
    assert (gebruiker.username, gebruiker.email, gebruiker.first_name) == (
        "carla@example.nl",
        "carla@example.nl",
        "",
    )
    assert client.get(reverse("scans:mijn_scans")).status_code == 200


def test_registering_twice_with_one_address_gets_a_friendly_message(client, gebruiker):
    response = client.post(
        reverse("registreren"),
        {
            "email": "ANNA@example.nl",
            "wachtwoord": "Een-lang-wachtwoord-42",
        },
    )
    assert "Er is al een account met dit e-mailadres" in response.content.decode()


def test_a_weak_password_is_explained_in_dutch(client, db):
    response = client.post(
        reverse("registreren"),
        {"email": "d@example.nl", "wachtwoord": "12345678"},
    )
    html = response.content.decode()
    assert "Dit wachtwoord gebruiken veel mensen; kies een ander." in html
    response = client.post(
        reverse("registreren"), {"email": "d@example.nl", "wachtwoord": "d-example"}
    )
    assert "lijkt te veel op je e-mailadres" in response.content.decode()
    assert not get_user_model().objects.exists()


def test_login_is_by_email_in_any_case(client, gebruiker):
    response = client.post(
        reverse("login"), {"username": "Anna@Example.NL", "password": "Een-lang-wachtwoord-42"}
    )
    assert response["Location"] == reverse("scans:mijn_scans")


def test_a_wrong_password_gets_a_calm_dutch_message(client, gebruiker):
    response = client.post(reverse("login"), {"username": "anna@example.nl", "password": "fout"})
    assert "horen niet bij elkaar" in response.content.decode()


def test_logout_ends_the_session(ingelogd):
    response = ingelogd.post(reverse("logout"))
    assert response.status_code == 302
    assert ingelogd.get(reverse("scans:mijn_scans")).status_code == 302


def test_a_forgotten_password_can_be_reset_by_mail(client, gebruiker):
    response = client.post(reverse("password_reset"), {"email": "anna@example.nl"})
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.subject == "Een nieuw wachtwoord voor je zelfscan"
    link = next(regel for regel in bericht.body.splitlines() if "/accounts/reset/" in regel)
    pad = link.split("testserver", 1)[1]
    formulier = client.get(pad, follow=True)
    assert "Nieuw wachtwoord kiezen" in formulier.content.decode()
    response = client.post(
        formulier.redirect_chain[-1][0],
        {"new_password1": "Nog-een-lang-wachtwoord-7"},
    )
    assert response["Location"] == reverse("password_reset_complete")
    gebruiker.refresh_from_db()
    assert gebruiker.check_password("Nog-een-lang-wachtwoord-7")


def test_a_registration_that_loses_a_race_gets_the_friendly_message(client, db, monkeypatch):
    from django.db import IntegrityError

    from accounts import services

    def te_laat(**kwargs):
        raise IntegrityError("UNIQUE constraint failed: auth_user.username")

    monkeypatch.setattr(services, "registreer", te_laat)
    response = client.post(
        reverse("registreren"),
        {
            "email": "e@example.nl",
            "wachtwoord": "Een-lang-wachtwoord-42",
        },
    )
    assert response.status_code == 200
    assert "Er is al een account met dit e-mailadres" in response.content.decode()


def _registreer(client, **extra):
    return client.post(
        reverse("registreren"),
        {
            "email": "nieuw@example.nl",
            "wachtwoord": "Een-lang-wachtwoord-42",
            **extra,
        },
    )


def test_someone_sent_to_log_in_keeps_where_they_were_going_when_they_register_instead(
    client, npuls
):
    doel = "/netwerk/doe-mee/abc/"
    inloggen = client.get(reverse("login"), {"next": doel}).content.decode()
    assert f'href="{reverse("registreren")}?next=/netwerk/doe-mee/abc/"' in inloggen
    registreren = client.get(reverse("registreren"), {"next": doel}).content.decode()
    assert f'<input type="hidden" name="next" value="{doel}">' in registreren
    assert _registreer(client, next=doel)["Location"] == doel


def test_a_next_that_leaves_the_site_is_ignored_at_registration(client, npuls):
    response = _registreer(client, next="https://elders.example/")
    assert response["Location"] == reverse("scans:nieuw")
    pagina = client.get(reverse("registreren"), {"next": "//elders.example/"})
    assert pagina.status_code == 302  # already logged in: to Mijn scans, not elsewhere
    assert pagina["Location"] == reverse("scans:mijn_scans")


def test_the_registration_form_asks_an_address_and_one_password(client, db):
    html = client.get(reverse("registreren")).content.decode()
    assert html.count('type="password"') == 1
    assert 'name="wachtwoord"' in html and 'autocomplete="new-password"' in html
    assert 'name="naam"' not in html  # the name is set on Mijn gegevens, if at all
    assert 'name="wachtwoord_herhaald"' not in html


def test_a_password_field_has_a_show_button_that_waits_for_javascript(client, gebruiker):
    for pad, veld, autocomplete in (
        (reverse("registreren"), "id_wachtwoord", "new-password"),
        (reverse("login"), "id_password", "current-password"),
        (reverse("account_verwijderen"), "id_wachtwoord", "current-password"),
    ):
        if pad == reverse("account_verwijderen"):
            client.force_login(gebruiker)
        html = client.get(pad).content.decode()
        assert f'id="{veld}"' in html and f'autocomplete="{autocomplete}"' in html
        knop = re.search(
            r'<button type="button" class="wachtwoordknop"[^>]*>([^<]*)</button>', html
        )
        assert knop, pad
        assert f'aria-controls="{veld}"' in knop[0]
        assert 'aria-label="Toon wachtwoord"' in knop[0]
        assert re.search(r"\shidden[\s>]", knop[0])  # offered only by static/js/zelfscan.js
        assert knop[1] == "Toon"
        assert 'aria-live="polite" data-wachtwoordstatus' in html


def test_a_new_password_is_asked_once_with_the_show_button_too(ingelogd, gebruiker):
    url = reverse("password_change")
    html = ingelogd.get(url).content.decode()
    assert 'name="new_password1"' in html and 'name="new_password2"' not in html
    assert 'aria-controls="id_new_password1"' in html
    assert 'id="id_new_password1"' in html and 'autocomplete="new-password"' in html
    response = ingelogd.post(
        url,
        {"old_password": "Een-lang-wachtwoord-42", "new_password1": "Nog-een-lang-wachtwoord-7"},
    )
    assert response["Location"] == reverse("password_change_done")
    gebruiker.refresh_from_db()
    assert gebruiker.check_password("Nog-een-lang-wachtwoord-7")
