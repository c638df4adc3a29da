"""Passwords are stored with Argon2 and must be strong; a session ends after two hours
without activity and its cookie stays out of reach of scripts and other sites.

The test settings swap in a fast hasher (tests/conftest.py), so the real values are read
from the settings file itself.
"""

from __future__ import annotations

import runpy
from datetime import timedelta
from pathlib import Path

from django.contrib.sessions.models import Session
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.services import registreer

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


def test_passwords_are_stored_with_argon2(monkeypatch, db):
    echt = _echt(monkeypatch)
    assert echt["PASSWORD_HASHERS"][0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    with override_settings(PASSWORD_HASHERS=echt["PASSWORD_HASHERS"]):
        gebruiker = registreer(email="argon@example.nl", wachtwoord="Een-lang-wachtwoord-42")
    assert gebruiker.password.startswith("argon2$argon2id$")
    assert {v["NAME"].rsplit(".", 1)[1] for v in echt["AUTH_PASSWORD_VALIDATORS"]} == {
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    }


def test_the_session_settings(monkeypatch):
    echt = _echt(monkeypatch)
    assert echt["SESSION_COOKIE_AGE"] == 2 * 60 * 60
    assert echt["SESSION_SAVE_EVERY_REQUEST"] is True
    assert echt["SESSION_COOKIE_HTTPONLY"] is True
    assert echt["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert _echt(monkeypatch, ZELFSCAN_SESSIE_SECONDEN="600")["SESSION_COOKIE_AGE"] == 600
    productie = _echt(monkeypatch, DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 60)
    assert productie["SESSION_COOKIE_SECURE"] is True
    assert productie["CSRF_COOKIE_SECURE"] is True


def test_every_request_moves_the_end_of_the_session_forward(client, gebruiker):
    client.force_login(gebruiker)
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=5))
    response = client.get(reverse("scans:mijn_scans"))
    assert response.status_code == 200
    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == 2 * 60 * 60
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    [sessie] = Session.objects.all()
    assert sessie.expire_date > timezone.now() + timedelta(minutes=119)


def test_after_two_hours_without_activity_the_session_is_over(client, gebruiker):
    client.force_login(gebruiker)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("scans:mijn_scans"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
