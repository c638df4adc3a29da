"""Deleting the account leaves nothing of it in any table."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from scans.demo import maak_demo


def _aantallen() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


def test_deleting_the_account_leaves_nothing_of_it_in_any_table(client, npuls):
    voor = _aantallen()
    # failed logins and a second session of the same person, then the account goes
    client.post(reverse("login"), {"username": "demo@zelfscan.local", "password": "fout"})
    gebruiker, scan, _ = maak_demo(npuls)
    client.post(reverse("login"), {"username": "demo@zelfscan.local", "password": "nog fout"})
    from django.test import Client

    tweede = Client()
    tweede.force_login(gebruiker)
    client.force_login(gebruiker)
    assert _aantallen() != voor

    response = client.post(
        reverse("account_verwijderen"), {"wachtwoord": "demo-zelfscan-2026", "zeker": "on"}
    )
    assert response["Location"] == reverse("home")
    assert _aantallen() == {**voor, "sessions.Session": _aantallen()["sessions.Session"]}
    # the only session left is the anonymous one carrying the goodbye message
    from django.contrib.sessions.models import Session

    for sessie in Session.objects.all():
        assert "_auth_user_id" not in sessie.get_decoded()
    assert not get_user_model().objects.exists()


def test_deleting_the_account_needs_the_password_and_a_clear_yes(client, gebruiker):
    client.force_login(gebruiker)
    response = client.post(reverse("account_verwijderen"), {"wachtwoord": "fout", "zeker": "on"})
    assert "Dit wachtwoord klopt niet." in response.content.decode()
    response = client.post(reverse("account_verwijderen"), {"wachtwoord": "Een-lang-wachtwoord-42"})
    assert response.status_code == 200
    assert get_user_model().objects.filter(pk=gebruiker.pk).exists()
