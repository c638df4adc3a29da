"""The lockout page recommends a new password; choosing one through the mailed link ends
the lockout of that account at once (django-axes' reset), not only after 15 minutes."""

import re

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

EMAIL = "ans@example.nl"
OUD = "een-lang-en-goed-wachtwoord"
NIEUW = "Een-nieuw-lang-wachtwoord-77"


@pytest.fixture(autouse=True)
def _lege_cache(db):
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def ans(django_user_model):
    return django_user_model.objects.create_user(username=EMAIL, email=EMAIL, password=OUD)


def inloggen(client, wachtwoord):
    return client.post(reverse("login"), {"username": EMAIL, "password": wachtwoord})


def nieuw_wachtwoord_via_de_mail(client, mailoutbox, wachtwoord):
    assert client.post(reverse("password_reset"), {"email": EMAIL}).status_code == 302
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", mailoutbox[-1].body).group(1)
    formulier = client.get(link, follow=True)
    assert formulier.status_code == 200
    url = formulier.redirect_chain[-1][0]
    return client.post(url, {"new_password1": wachtwoord})


def test_a_password_reset_lifts_the_lockout(client, ans, mailoutbox):
    for _ in range(5):
        inloggen(client, "fout")
    elders = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(5):
        inloggen(elders, "fout")
    assert inloggen(client, OUD).status_code == 429
    response = nieuw_wachtwoord_via_de_mail(client, mailoutbox, NIEUW)
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_complete")
    assert not AccessAttempt.objects.filter(username=EMAIL).exists()
    response = inloggen(client, NIEUW)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(ans.pk)
    assert inloggen(elders, NIEUW).status_code == 302  # from every address


def test_a_failed_reset_leaves_the_lockout(client, ans, mailoutbox):
    for _ in range(5):
        inloggen(client, "fout")
    response = nieuw_wachtwoord_via_de_mail(client, mailoutbox, "kort")  # refused: too short
    assert response.status_code == 200
    assert AccessAttempt.objects.filter(username=EMAIL).exists()
    assert inloggen(client, OUD).status_code == 429


def test_a_reset_of_another_account_leaves_this_lockout(client, ans, django_user_model, mailoutbox):
    for _ in range(5):
        inloggen(client, "fout")
    django_user_model.objects.create_user(
        username="bo@example.nl", email="bo@example.nl", password=OUD
    )
    assert client.post(reverse("password_reset"), {"email": "bo@example.nl"}).status_code == 302
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", mailoutbox[-1].body).group(1)
    url = client.get(link, follow=True).redirect_chain[-1][0]
    assert client.post(url, {"new_password1": NIEUW}).status_code == 302
    assert inloggen(client, OUD).status_code == 429
