"""Django's admin is at /beheer/ by default; an institution moves it or switches it off."""

import importlib

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import clear_url_caches

import competentieprofiel.urls
from tests.aanval.test_proxy import _settings


@pytest.fixture
def beheer_pad(settings):
    def zet(pad):
        settings.BEHEER_PAD = pad
        importlib.reload(competentieprofiel.urls)
        clear_url_caches()

    yield zet
    settings.BEHEER_PAD = "beheer/"
    importlib.reload(competentieprofiel.urls)
    clear_url_caches()


def test_the_admin_login_is_at_beheer_by_default(client, db):
    assert client.get("/beheer/login/").status_code == 200


def test_the_admin_moves(client, db, beheer_pad):
    beheer_pad("intern/zelfscan-beheer/")
    assert client.get("/beheer/login/").status_code == 404
    assert client.get("/intern/zelfscan-beheer/login/").status_code == 200


def test_the_admin_switched_off_is_gone(client, db, beheer_pad):
    beheer_pad("")
    assert client.get("/beheer/login/").status_code == 404
    assert client.get("/beheer/").status_code == 404
    assert client.get("/").status_code == 200


def test_the_setting_comes_from_the_environment(monkeypatch):
    assert _settings(monkeypatch)["BEHEER_PAD"] == "beheer/"
    assert _settings(monkeypatch, ZELFSCAN_BEHEER_PAD="uit")["BEHEER_PAD"] == ""
    assert (
        _settings(monkeypatch, ZELFSCAN_BEHEER_PAD="geheim/beheer/")["BEHEER_PAD"]
        == "geheim/beheer/"
    )
    for fout in ("/beheer/", "beheer", "../x/", "a b/"):
        with pytest.raises(ImproperlyConfigured, match="ZELFSCAN_BEHEER_PAD"):
            _settings(monkeypatch, ZELFSCAN_BEHEER_PAD=fout)
