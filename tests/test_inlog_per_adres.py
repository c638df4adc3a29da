"""Password spraying does not work: one address trying a few passwords against many
accounts is stopped after 20 failed logins in 15 minutes, whatever the accounts, on the
login page and on the admin login, with the same calm Dutch page as the account lockout."""

import ipaddress

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

WACHTWOORD = "een-lang-en-goed-wachtwoord"
PROXY = "10.0.0.1"


@pytest.fixture(autouse=True)
def _lege_cache(db):
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def accounts(django_user_model):
    return [
        django_user_model.objects.create_user(
            username=f"persoon{i}@example.nl", email=f"persoon{i}@example.nl", password=WACHTWOORD
        )
        for i in range(22)
    ]


def inloggen(client, email, wachtwoord="Welkom01!"):
    return client.post(reverse("login"), {"username": email, "password": wachtwoord})


def test_twenty_one_failed_logins_over_twenty_one_accounts_are_stopped_at_the_limit(accounts):
    sproeier = Client(REMOTE_ADDR="203.0.113.5")
    for persoon in accounts[:20]:
        assert inloggen(sproeier, persoon.email).status_code == 200  # the form, with its error
    response = inloggen(sproeier, accounts[20].email)
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "900"
    html = response.content.decode()
    assert "Even wachten met inloggen" in html
    assert "Vanaf dit adres is vaak een verkeerd wachtwoord ingevuld" in html
    assert "over 15 minuten opnieuw inloggen" in html
    # A new password would not end this wait, so the page does not offer one.
    assert "Wachtwoord vergeten" not in html
    # The right password of an untouched account from there waits too...
    assert inloggen(sproeier, accounts[21].email, WACHTWOORD).status_code == 429
    assert "_auth_user_id" not in sproeier.session
    # ... while someone elsewhere logs in to it.
    assert (
        inloggen(Client(REMOTE_ADDR="198.51.100.7"), accounts[21].email, WACHTWOORD).status_code
        == 302
    )


def test_good_logins_do_not_count_and_the_window_ends(accounts, settings):
    settings.INLOG_POGINGEN_PER_ADRES = 3
    kantoor = Client(REMOTE_ADDR="203.0.113.5")
    for persoon in accounts[:3]:
        assert inloggen(kantoor, persoon.email, WACHTWOORD).status_code == 302
        kantoor.logout()
    for persoon in accounts[:3]:
        assert inloggen(kantoor, persoon.email).status_code == 200
    assert inloggen(kantoor, accounts[3].email, WACHTWOORD).status_code == 429
    cache.clear()  # the window's cache entry expired
    assert inloggen(kantoor, accounts[3].email, WACHTWOORD).status_code == 302


def test_the_limit_is_a_setting(monkeypatch):
    from tests.aanval.test_proxy import _settings

    standaard = _settings(monkeypatch)
    assert (standaard["INLOG_POGINGEN_PER_ADRES"], standaard["INLOG_ADRES_MINUTEN"]) == (20, 15)
    eigen = _settings(
        monkeypatch, ZELFSCAN_INLOG_POGINGEN_PER_ADRES="50", ZELFSCAN_INLOG_ADRES_MINUTEN="5"
    )
    assert (eigen["INLOG_POGINGEN_PER_ADRES"], eigen["INLOG_ADRES_MINUTEN"]) == (50, 5)


@override_settings(PROXY_AANTAL=1, PROXY_ADRESSEN=[ipaddress.ip_network("10.0.0.1/32")])
def test_behind_the_proxy_the_limit_counts_per_visitor(accounts):
    sproeier = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.5")
    for persoon in accounts[:20]:
        inloggen(sproeier, persoon.email)
    assert inloggen(sproeier, accounts[20].email).status_code == 429
    # A visitor at another address, through the same proxy, is not held.
    anders = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert inloggen(anders, accounts[21].email, WACHTWOORD).status_code == 302
    # Straight to the app server with a forged header: the header is not believed.
    direct = Client(REMOTE_ADDR="198.51.100.200", HTTP_X_FORWARDED_FOR="192.0.2.44")
    for persoon in accounts[:20]:
        inloggen(direct, persoon.email)
    assert inloggen(direct, accounts[20].email).status_code == 429
    assert (
        inloggen(
            Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.44"),
            accounts[21].email,
            WACHTWOORD,
        ).status_code
        == 302
    )


def test_the_admin_login_falls_under_the_same_limit(accounts, staf):
    sproeier = Client(REMOTE_ADDR="203.0.113.5")
    for persoon in accounts[:20]:
        inloggen(sproeier, persoon.email)
    response = sproeier.post(
        "/beheer/login/",
        {"username": staf.email, "password": "Een-lang-wachtwoord-42", "next": "/beheer/"},
    )
    assert response.status_code == 429
    assert "Vanaf dit adres is vaak een verkeerd wachtwoord ingevuld" in response.content.decode()
