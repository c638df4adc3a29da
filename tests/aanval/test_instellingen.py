"""Passwords are stored with Argon2id (a server profile) and must be strong; a session ends
after two hours without activity (to within five minutes) and its cookie stays out of reach of scripts and other sites.

The test settings swap in a fast hasher (tests/conftest.py), so the real values are read
from the settings file itself.
"""

from __future__ import annotations

import runpy
import time
from datetime import timedelta
from pathlib import Path

from django.contrib.auth.hashers import Argon2PasswordHasher, check_password
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.services import registreer
from competentieprofiel.middleware import SessieVerversenMiddleware

SETTINGS = Path(__file__).resolve().parents[2] / "competentieprofiel" / "settings.py"


def _echt(monkeypatch, **env) -> dict:
    """The settings module as the environment `env` (and nothing else) makes it."""
    import os

    for naam in list(os.environ):
        if naam.startswith(("DJANGO_", "ZELFSCAN_")):
            monkeypatch.delenv(naam)
    for naam, waarde in env.items():
        monkeypatch.setenv(naam, waarde)
    return runpy.run_path(str(SETTINGS))


def test_passwords_are_stored_with_argon2id_on_the_server_profile(monkeypatch, db):
    echt = _echt(monkeypatch)
    assert echt["PASSWORD_HASHERS"][0] == "accounts.hashers.ServerArgon2PasswordHasher"
    with override_settings(PASSWORD_HASHERS=echt["PASSWORD_HASHERS"]):
        gebruiker = registreer(email="argon@example.nl", wachtwoord="Een-lang-wachtwoord-42")
        # OWASP's Argon2id profile: 19 MiB, 2 iterations, 1 lane, read from the hash itself.
        assert gebruiker.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
        assert check_password("Een-lang-wachtwoord-42", gebruiker.password)
    assert {v["NAME"].rsplit(".", 1)[1] for v in echt["AUTH_PASSWORD_VALIDATORS"]} == {
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    }


def test_a_hash_with_django_defaults_still_works_and_is_upgraded_at_login(monkeypatch, client, db):
    echt = _echt(monkeypatch)
    with override_settings(PASSWORD_HASHERS=echt["PASSWORD_HASHERS"]):
        gebruiker = registreer(email="oud@example.nl", wachtwoord="Een-lang-wachtwoord-42")
        gebruiker.password = Argon2PasswordHasher().encode("Een-lang-wachtwoord-42", "zoutzoutzout")
        gebruiker.save(update_fields=["password"])
        assert "m=102400,t=2,p=8" in gebruiker.password
        response = client.post(
            reverse("login"), {"username": "oud@example.nl", "password": "Een-lang-wachtwoord-42"}
        )
        assert response.status_code == 302
    gebruiker.refresh_from_db()
    assert gebruiker.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


def test_the_session_settings(monkeypatch):
    echt = _echt(monkeypatch)
    assert echt["SESSION_COOKIE_AGE"] == 2 * 60 * 60
    # Not written on every request; SessieVerversenMiddleware keeps the idle expiry.
    assert echt["SESSION_SAVE_EVERY_REQUEST"] is False
    assert echt["SESSIE_VERVERSEN_SECONDEN"] == 5 * 60
    i = echt["MIDDLEWARE"].index("django.contrib.sessions.middleware.SessionMiddleware")
    assert echt["MIDDLEWARE"][i + 1] == "competentieprofiel.middleware.SessieVerversenMiddleware"
    assert echt["SESSION_COOKIE_HTTPONLY"] is True
    assert echt["SESSION_COOKIE_SAMESITE"] == "Lax"
    kort = _echt(monkeypatch, ZELFSCAN_SESSIE_SECONDEN="600")
    assert kort["SESSION_COOKIE_AGE"] == 600
    assert kort["SESSIE_VERVERSEN_SECONDEN"] == 60
    productie = _echt(monkeypatch, DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 60)
    assert productie["SESSION_COOKIE_SECURE"] is True
    assert productie["CSRF_COOKIE_SECURE"] is True


def _zet_ververst(seconden_geleden: int, verloopt_over: timedelta) -> None:
    [sessie] = Session.objects.all()
    data = SessionStore().decode(sessie.session_data)
    data[SessieVerversenMiddleware.SLEUTEL] = int(time.time()) - seconden_geleden
    sessie.session_data = SessionStore().encode(data)
    sessie.expire_date = timezone.now() + verloopt_over
    sessie.save()


def test_activity_moves_the_end_of_the_session_forward(client, gebruiker):
    client.force_login(gebruiker)
    # Last written six minutes ago (more than the five-minute margin): this request writes.
    _zet_ververst(6 * 60, timedelta(minutes=114))
    response = client.get(reverse("scans:mijn_scans"))
    assert response.status_code == 200
    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == 2 * 60 * 60
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    [sessie] = Session.objects.all()
    assert sessie.expire_date > timezone.now() + timedelta(minutes=119)


def test_a_page_view_soon_after_the_last_write_does_not_write_the_session(client, gebruiker):
    client.force_login(gebruiker)
    _zet_ververst(60, timedelta(minutes=119))
    [voor] = Session.objects.all()
    response = client.get(reverse("scans:mijn_scans"))
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    [na] = Session.objects.all()
    assert (na.session_data, na.expire_date) == (voor.session_data, voor.expire_date)


def test_an_anonymous_visitor_gets_no_session(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert not Session.objects.exists()


def test_logging_out_leaves_no_session_behind(client, gebruiker):
    client.force_login(gebruiker)
    client.post(reverse("logout"))
    assert not Session.objects.exists()


def test_after_two_hours_without_activity_the_session_is_over(client, gebruiker):
    client.force_login(gebruiker)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("scans:mijn_scans"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
