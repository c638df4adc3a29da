"""Attacks on the institution's login, against the real provider: a stolen callback, a
forced login into the attacker's account (login CSRF), someone else's linking link. As an
anonymous visitor, as another person and as a superuser: none of them gets in as the owner,
and the owner's way in keeps working."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import InstellingsIdentiteit
from accounts.services import registreer
from tests.oidc.conftest import start
from tests.oidc.persoon import Persoon, pad

WACHTWOORD = "Een-lang-wachtwoord-42"


@pytest.fixture
def host(rp_basis):
    return urlsplit(rp_basis).netloc


@pytest.fixture(params=["anoniem", "ander", "staf"])
def aanvaller(request, host, oidc_aan, db):
    client = Client(HTTP_HOST=host)
    if request.param != "anoniem":
        wie = registreer(email=f"{request.param}@example.nl", wachtwoord=WACHTWOORD)
        wie.is_staff = wie.is_superuser = request.param == "staf"
        wie.save()
        client.force_login(wie)
    client.wie = request.param
    return client


def _ingelogd_als(client) -> int | None:
    waarde = client.session.get("_auth_user_id")
    return int(waarde) if waarde else None


def test_a_stolen_callback_does_not_log_the_thief_in(aanvaller, host, rp_basis):
    eigenaar = Client(HTTP_HOST=host)
    terug = Persoon(rp_basis, "anna").log_in(start(eigenaar))
    voor = _ingelogd_als(aanvaller)
    response = aanvaller.get(pad(terug))
    assert response.status_code == 400
    assert "Dit inlogverzoek kennen we niet (meer)" in response.content.decode()
    assert _ingelogd_als(aanvaller) == voor
    assert not InstellingsIdentiteit.objects.exists()
    # The code was not spent by the attempt: the owner still comes in with it.
    assert eigenaar.get(pad(terug))["Location"] == reverse("scans:mijn_scans")
    assert InstellingsIdentiteit.objects.count() == 1


def test_a_forced_login_into_the_attackers_account_is_refused(aanvaller, host, rp_basis):
    """Login CSRF: the attacker completes their own login up to the callback and has the
    victim's browser open that URL; the victim's session never asked for that state."""
    slachtoffer = Client(HTTP_HOST=host)
    slachtoffer.force_login(registreer(email="slachtoffer@example.nl", wachtwoord=WACHTWOORD))
    eigen = slachtoffer.session["_auth_user_id"]
    terug = Persoon(rp_basis, "aanvaller").log_in(start(aanvaller))
    response = slachtoffer.get(pad(terug))
    assert response.status_code == 400
    assert slachtoffer.session["_auth_user_id"] == eigen
    assert not InstellingsIdentiteit.objects.exists()


def test_someone_elses_linking_link_links_nothing(aanvaller, host):
    eigenaar = Client(HTTP_HOST=host)
    response = eigenaar.post(
        reverse("login"),
        {
            "username": registreer(email="e@example.nl", wachtwoord=WACHTWOORD).email,
            "password": WACHTWOORD,
        },
    )
    assert response.status_code == 302
    html = eigenaar.get(reverse("mijn_gegevens")).content.decode()
    begin = html.index('href="/accounts/instelling/koppelen/?t=') + 6
    link = html[begin : html.index('"', begin)].replace("&amp;", "&")
    response = aanvaller.get(link)
    if aanvaller.wie == "anoniem":
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == 400
        assert "Deze koppellink werkt niet (meer)" in response.content.decode()
    assert "oidc_koppelen" not in aanvaller.session
    assert not InstellingsIdentiteit.objects.exists()
