"""Behind a TLS proxy every request arrives from the proxy's address. The login lockout
(django-axes) and the password reset limit then count per visitor all the same: the
visitor is the right-most X-Forwarded-For entry that our own proxies did not add, and what
a visitor writes into that header further left changes nothing.
"""

from __future__ import annotations

import ipaddress
import os
import runpy
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from competentieprofiel.ratelimit import client_ip

PROXY = "10.0.0.1"  # what REMOTE_ADDR says for everyone behind the proxy
EIGEN_PROXY = [ipaddress.ip_network("10.0.0.1/32")]  # ZELFSCAN_PROXY_ADRESSEN=10.0.0.1
EMAIL = "achter.proxy@example.nl"
WACHTWOORD = "een-lang-en-goed-wachtwoord"
SETTINGS = Path(__file__).resolve().parents[2] / "competentieprofiel" / "settings.py"


def _ip(xff: str | None, *, remote: str = PROXY) -> str:
    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return client_ip(RequestFactory().get("/", **meta))


@override_settings(PROXY_AANTAL=0)
def test_without_a_proxy_the_header_is_ignored():
    assert _ip("203.0.113.5", remote="198.51.100.9") == "198.51.100.9"


@override_settings(PROXY_AANTAL=1, PROXY_ADRESSEN=EIGEN_PROXY)
@pytest.mark.parametrize(
    ("xff", "verwacht"),
    [
        ("203.0.113.5", "203.0.113.5"),
        ("6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the left entry is the visitor's own lie
        ("6.6.6.6,7.7.7.7 ,  203.0.113.5", "203.0.113.5"),
        ("2001:db8::1", "2001:db8::1"),
        (None, PROXY),  # no header: the proxy's address, stricter, never looser
        ("", PROXY),
        ("niet-een-adres", PROXY),
        ("203.0.113.5, onzin", PROXY),
        ("203.0.113.5:443", PROXY),
    ],
)
def test_behind_one_proxy_the_right_most_entry_is_the_visitor(xff, verwacht):
    assert _ip(xff) == verwacht


@override_settings(PROXY_AANTAL=2, PROXY_ADRESSEN=EIGEN_PROXY)
def test_behind_two_proxies_the_second_entry_from_the_right_is_the_visitor():
    assert _ip("6.6.6.6, 203.0.113.5, 10.0.0.2") == "203.0.113.5"
    assert _ip("10.0.0.2") == PROXY  # shorter than the chain of proxies: not trusted


def _settings(monkeypatch, **env) -> dict:
    """The settings module as the environment `env` (and nothing else) makes it."""
    for naam in list(os.environ):
        if naam.startswith(("DJANGO_", "ZELFSCAN_")):
            monkeypatch.delenv(naam)
    for naam, waarde in env.items():
        monkeypatch.setenv(naam, waarde)
    return runpy.run_path(str(SETTINGS))


def test_the_settings_take_the_proxy_count_from_the_environment(monkeypatch):
    zonder = _settings(monkeypatch)
    assert zonder["PROXY_AANTAL"] == 0
    assert "SECURE_PROXY_SSL_HEADER" not in zonder
    achter = _settings(monkeypatch, DJANGO_BEHIND_TLS_PROXY="1")
    assert achter["PROXY_AANTAL"] == 1
    assert achter["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert (
        _settings(monkeypatch, DJANGO_BEHIND_TLS_PROXY="1", ZELFSCAN_PROXY_AANTAL="2")[
            "PROXY_AANTAL"
        ]
        == 2
    )
    # Without the proxy setting a count means nothing: the header is not to be believed.
    assert _settings(monkeypatch, ZELFSCAN_PROXY_AANTAL="2")["PROXY_AANTAL"] == 0
    assert achter["AXES_CLIENT_IP_CALLABLE"] == "competentieprofiel.ratelimit.client_ip"
    with pytest.raises(ImproperlyConfigured, match="ZELFSCAN_PROXY_AANTAL"):
        _settings(monkeypatch, DJANGO_BEHIND_TLS_PROXY="1", ZELFSCAN_PROXY_AANTAL="-1")
    with pytest.raises(ImproperlyConfigured, match="ZELFSCAN_PROXY_AANTAL"):
        _settings(monkeypatch, DJANGO_BEHIND_TLS_PROXY="1", ZELFSCAN_PROXY_AANTAL="twee")


def _bezoeker(ip: str) -> Client:
    """A browser at `ip`, reaching us through the proxy, which appends `ip` to the header."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ip)


def _inloggen(client: Client, wachtwoord: str):
    return client.post(reverse("login"), {"username": EMAIL, "password": wachtwoord})


@pytest.fixture
def account(django_user_model):
    return django_user_model.objects.create_user(username=EMAIL, email=EMAIL, password=WACHTWOORD)


@override_settings(PROXY_AANTAL=1, PROXY_ADRESSEN=EIGEN_PROXY)
def test_a_lockout_behind_the_proxy_holds_only_the_guesser(account):
    raden = _bezoeker("203.0.113.5")
    for _ in range(5):
        _inloggen(raden, "fout")
    assert _inloggen(raden, WACHTWOORD).status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}
    # What the guesser puts into the header left of the proxy's entry changes nothing.
    vervalst = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.5")
    assert _inloggen(vervalst, WACHTWOORD).status_code == 429
    # The real owner, elsewhere, behind the same proxy, logs in.
    response = _inloggen(_bezoeker("198.51.100.7"), WACHTWOORD)
    assert response.status_code == 302


@override_settings(PROXY_AANTAL=1, PROXY_ADRESSEN=EIGEN_PROXY)
def test_the_password_reset_limit_behind_the_proxy_counts_per_visitor(account, mailoutbox):
    url = reverse("password_reset")
    veel = _bezoeker("203.0.113.5")
    for _ in range(5):
        assert veel.post(url, {"email": EMAIL}).status_code == 302
    assert veel.post(url, {"email": EMAIL}).status_code == 429
    vervalst = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.5")
    assert vervalst.post(url, {"email": EMAIL}).status_code == 429
    assert _bezoeker("198.51.100.7").post(url, {"email": EMAIL}).status_code == 302
    assert len(mailoutbox) == 6


@override_settings(PROXY_AANTAL=0)
def test_without_the_proxy_setting_a_forged_header_does_not_escape_the_limits(account):
    raden = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(5):
        _inloggen(raden, "fout")
    for vals in ("198.51.100.7", "192.0.2.1"):
        anders = Client(REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=vals)
        assert _inloggen(anders, WACHTWOORD).status_code == 429


# The header is believed only from one of our own proxies (ZELFSCAN_PROXY_ADRESSEN).


@override_settings(PROXY_AANTAL=1, PROXY_ADRESSEN=EIGEN_PROXY)
def test_from_an_address_that_is_not_our_proxy_the_header_is_ignored():
    assert _ip("203.0.113.5", remote="198.51.100.9") == "198.51.100.9"
    assert _ip("203.0.113.5", remote="10.0.0.2") == "10.0.0.2"
    assert _ip("203.0.113.5", remote="") == ""  # a unix socket is not configured here


@override_settings(
    PROXY_AANTAL=1,
    PROXY_ADRESSEN=[ipaddress.ip_network("10.0.0.0/24"), ipaddress.ip_network("fd00::/64"), "unix"],
)
def test_proxies_may_be_networks_and_the_unix_socket():
    assert _ip("203.0.113.5", remote="10.0.0.77") == "203.0.113.5"
    assert _ip("203.0.113.5", remote="fd00::5") == "203.0.113.5"
    assert _ip("203.0.113.5", remote="") == "203.0.113.5"  # gunicorn on a unix socket
    assert _ip("203.0.113.5", remote="10.0.1.1") == "10.0.1.1"


def test_the_proxy_addresses_come_from_the_environment(monkeypatch):
    standaard = _settings(monkeypatch, DJANGO_BEHIND_TLS_PROXY="1")["PROXY_ADRESSEN"]
    assert standaard == [
        ipaddress.ip_network("127.0.0.1/32"),
        ipaddress.ip_network("::1/128"),
        "unix",
    ]
    eigen = _settings(
        monkeypatch, DJANGO_BEHIND_TLS_PROXY="1", ZELFSCAN_PROXY_ADRESSEN="10.1.2.3, 10.9.0.0/16"
    )["PROXY_ADRESSEN"]
    assert eigen == [ipaddress.ip_network("10.1.2.3/32"), ipaddress.ip_network("10.9.0.0/16")]
    with pytest.raises(ImproperlyConfigured, match="ZELFSCAN_PROXY_ADRESSEN"):
        _settings(monkeypatch, DJANGO_BEHIND_TLS_PROXY="1", ZELFSCAN_PROXY_ADRESSEN="proxy.local")


@override_settings(PROXY_AANTAL=1, PROXY_ADRESSEN=EIGEN_PROXY)
def test_a_forged_header_sent_straight_to_the_app_server_neither_unlocks_nor_resets(account):
    raden = _bezoeker("203.0.113.5")
    for _ in range(5):
        _inloggen(raden, "fout")
    assert _inloggen(raden, WACHTWOORD).status_code == 429
    # Straight to gunicorn, past the proxy, claiming to be someone else: still the
    # guesser's own address, locked; and its further guesses count there only.
    direct = Client(REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert _inloggen(direct, WACHTWOORD).status_code == 429
    for _ in range(3):
        _inloggen(direct, "fout")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}
    # The forged address was never touched: its counters did not move.
    assert AccessAttempt.objects.filter(ip_address="198.51.100.7").count() == 0
    assert _inloggen(_bezoeker("198.51.100.7"), WACHTWOORD).status_code == 302


@override_settings(PROXY_AANTAL=1, PROXY_ADRESSEN=EIGEN_PROXY)
def test_a_forged_header_does_not_escape_the_password_reset_limit(account, mailoutbox):
    url = reverse("password_reset")
    for i in range(5):
        vals = Client(REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}")
        assert vals.post(url, {"email": EMAIL}).status_code == 302
    vals = Client(REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert vals.post(url, {"email": EMAIL}).status_code == 429
    assert len(mailoutbox) == 5
