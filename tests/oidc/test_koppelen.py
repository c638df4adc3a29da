"""Linking an existing password account to the institution's login: only explicitly, from
Mijn gegevens, while logged in with the password; and unlinking again."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import InstellingsIdentiteit
from accounts.services import registreer

from .conftest import log_in
from .persoon import pad

WACHTWOORD = "Een-lang-wachtwoord-42"


@pytest.fixture
def met_wachtwoord(rp):
    """Carla, with a password account, logged in with it."""
    carla = registreer(email="carla@example.nl", wachtwoord=WACHTWOORD, naam="Carla")
    response = rp.post(reverse("login"), {"username": "carla@example.nl", "password": WACHTWOORD})
    assert response.status_code == 302
    return carla


def _koppellink(client) -> str:
    html = client.get(reverse("mijn_gegevens")).content.decode()
    begin = html.index('href="/accounts/instelling/koppelen/?t=')
    return html[begin + 6 : html.index('"', begin + 6)].replace("&amp;", "&")


def _koppel(client, wie) -> object:
    response = client.get(_koppellink(client))
    assert response.status_code == 302
    return client.get(pad(wie.log_in(response["Location"])))


def test_a_password_account_links_explicitly_and_then_logs_in_through_the_institution(
    rp, met_wachtwoord, persoon, oidc_aan, rp_basis
):
    anna = persoon("anna")
    response = _koppel(rp, anna)
    assert response["Location"] == reverse("mijn_gegevens")
    assert int(rp.session["_auth_user_id"]) == met_wachtwoord.pk
    identiteit = InstellingsIdentiteit.objects.get()
    assert (identiteit.gebruiker, identiteit.issuer) == (met_wachtwoord, oidc_aan.issuer)
    pagina = rp.get(response["Location"]).content.decode()
    assert "Je account is gekoppeld aan je instelling." in pagina
    assert "met je wachtwoord of via je instelling" in pagina
    met_wachtwoord.refresh_from_db()
    assert met_wachtwoord.email == "carla@example.nl"  # the login name stays hers

    # Later, in another browser: the institution's login is Carla's account.
    elders = Client(HTTP_HOST=urlsplit(rp_basis).netloc)
    log_in(elders, anna)
    assert int(elders.session["_auth_user_id"]) == met_wachtwoord.pk
    assert get_user_model().objects.count() == 1


def test_linking_is_offered_only_to_a_password_login(rp, persoon):
    log_in(rp, persoon("anna"))
    html = rp.get(reverse("mijn_gegevens")).content.decode()
    assert "/accounts/instelling/koppelen/" not in html
    assert "Je account heeft geen wachtwoord" in html
    assert "Wachtwoord wijzigen" not in html


def test_a_link_of_someone_else_or_tampered_links_nothing(rp, met_wachtwoord, db):
    link = _koppellink(rp)
    ander = registreer(email="dirk@example.nl", wachtwoord=WACHTWOORD)
    rp.force_login(ander)
    for url in (link, link[:-3] + "abc", reverse("oidc_koppelen")):
        response = rp.get(url)
        assert response.status_code == 400
        assert "Deze koppellink werkt niet (meer)" in response.content.decode()
    assert not InstellingsIdentiteit.objects.exists()


def test_an_institution_login_cannot_link_by_itself(rp, persoon, met_wachtwoord):
    link = _koppellink(rp)
    rp.post(reverse("logout"))
    log_in(rp, persoon("anna"))
    eigen = get_user_model().objects.exclude(pk=met_wachtwoord.pk).get()
    rp.force_login(met_wachtwoord, backend="accounts.oidc.InstellingBackend")
    response = rp.get(link)
    assert "Koppelen kan alleen als je met je wachtwoord bent ingelogd" in response.content.decode()
    assert InstellingsIdentiteit.objects.get().gebruiker == eigen


def test_an_identity_with_its_own_account_is_never_moved(rp, persoon, met_wachtwoord, rp_basis):
    anna = persoon("anna")
    elders = Client(HTTP_HOST=urlsplit(rp_basis).netloc)
    log_in(elders, anna)  # Anna's own account, made by her first login
    eigen = InstellingsIdentiteit.objects.get().gebruiker
    response = _koppel(rp, anna)
    assert response.status_code == 400
    assert "Dit instellingsaccount kun je hier niet koppelen" in response.content.decode()
    assert InstellingsIdentiteit.objects.get().gebruiker == eigen
    assert not met_wachtwoord.instellingsidentiteiten.exists()


def test_unlinking_ends_the_institution_login_for_that_account(
    rp, met_wachtwoord, persoon, rp_basis
):
    anna = persoon("anna")
    _koppel(rp, anna)
    response = rp.post(reverse("oidc_ontkoppelen"), follow=True)
    assert "Je account is losgekoppeld van je instelling." in response.content.decode()
    assert not InstellingsIdentiteit.objects.exists()
    elders = Client(HTTP_HOST=urlsplit(rp_basis).netloc)
    log_in(elders, anna)
    assert int(elders.session["_auth_user_id"]) != met_wachtwoord.pk  # a new account


def test_an_account_without_a_password_cannot_unlink(rp, persoon):
    log_in(rp, persoon("anna"))
    response = rp.post(reverse("oidc_ontkoppelen"), follow=True)
    assert "Daarom kun je dit niet ontkoppelen." in response.content.decode()
    assert InstellingsIdentiteit.objects.count() == 1


def test_a_password_reset_never_reaches_an_account_without_a_password(rp, persoon):
    log_in(rp, persoon("anna"))
    rp.post(reverse("logout"))
    response = rp.post(reverse("password_reset"), {"email": "anna@instelling.example"})
    assert response.status_code == 302
    assert mail.outbox == []
