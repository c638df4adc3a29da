"""Guessing passwords does not work: after five wrong passwords for one account from one
address the login waits a quarter of an hour, and password reset mails are rate limited."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.views import PasswordResetView
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import include, path, reverse
from django.utils import timezone

from competentieprofiel.ratelimit import beperk_wachtwoordherstel

EMAIL = "ans@example.nl"
WACHTWOORD = "een-lang-en-goed-wachtwoord"
GEBLOKKEERD = "Om je account te beschermen kun je over 15 minuten opnieuw inloggen."


def dummy(request):
    return HttpResponse("verstuurd")


# Test-only URLs: the real site plus the rate limit around a dummy view and around
# Django's own password reset view.
urlpatterns = [
    path("test/dummy/", beperk_wachtwoordherstel(dummy)),
    path("test/herstel/", beperk_wachtwoordherstel(PasswordResetView.as_view())),
    path("", include("competentieprofiel.urls")),
]


@pytest.fixture(autouse=True)
def _lege_cache(db):
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def ans(django_user_model):
    return django_user_model.objects.create_user(username=EMAIL, email=EMAIL, password=WACHTWOORD)


def inloggen(client, wachtwoord, email=EMAIL):
    return client.post(reverse("login"), {"username": email, "password": wachtwoord})


def test_five_wrong_passwords_lock_the_account_with_a_dutch_page(client, ans):
    for _ in range(4):
        response = inloggen(client, "fout")
        assert response.status_code == 200  # the form again, with its error
    response = inloggen(client, "fout")
    assert response.status_code == 429
    response = inloggen(client, "fout")  # the sixth
    assert response.status_code == 429
    html = response.content.decode()
    assert GEBLOKKEERD in html
    assert "Even wachten met inloggen" in html
    assert 'class="site-header"' in html  # our own page, on our own layout


def test_the_right_password_is_refused_while_locked_out(client, ans):
    for _ in range(5):
        inloggen(client, "fout")
    response = inloggen(client, WACHTWOORD)
    assert response.status_code == 429
    assert GEBLOKKEERD in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_account_and_address(client, ans, django_user_model):
    for _ in range(5):
        inloggen(client, "fout")
    django_user_model.objects.create_user(username="bo@example.nl", password=WACHTWOORD)
    assert inloggen(client, WACHTWOORD, email="bo@example.nl").status_code == 302
    anders = client.__class__(REMOTE_ADDR="10.0.0.8")
    assert inloggen(anders, WACHTWOORD).status_code == 302


def test_after_fifteen_minutes_the_login_works_again(client, ans):
    for _ in range(5):
        inloggen(client, "fout")

    def na(minuten):
        AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=minuten))

    na(14)
    assert inloggen(client, WACHTWOORD).status_code == 429
    na(16)
    response = inloggen(client, WACHTWOORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(ans.pk)


def test_a_good_login_forgets_earlier_mistakes(client, ans):
    for _ in range(4):
        inloggen(client, "fout")
    assert inloggen(client, WACHTWOORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert inloggen(client, "fout").status_code == 200


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_the_rate_limit_allows_five_posts_per_address_then_answers_in_dutch(client, settings):
    for _ in range(5):
        assert client.post("/test/dummy/").status_code == 200
    response = client.post("/test/dummy/")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "900"
    html = response.content.decode()
    assert "Je hebt al een nieuw wachtwoord aangevraagd" in html
    assert "Probeer het dan over 15 minuten opnieuw." in html
    # Reading the form is never limited, and another address has its own count.
    assert client.get("/test/dummy/").status_code == 200
    assert client.__class__(REMOTE_ADDR="10.0.0.8").post("/test/dummy/").status_code == 200


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_the_rate_limit_window_ends(client, settings):
    settings.WACHTWOORDHERSTEL_POGINGEN = 1
    client.post("/test/dummy/")
    assert client.post("/test/dummy/").status_code == 429
    cache.clear()  # the window's cache entry expired
    assert client.post("/test/dummy/").status_code == 200


@pytest.mark.urls(__name__)
def test_password_reset_is_rate_limited_without_an_error(client, ans, mailoutbox):
    for _ in range(5):
        assert client.post("/test/herstel/", {"email": EMAIL}).status_code == 302
    response = client.post("/test/herstel/", {"email": EMAIL})
    assert response.status_code == 429
    assert "Je hebt al een nieuw wachtwoord aangevraagd" in response.content.decode()
    assert len(mailoutbox) == 5


def test_the_real_password_reset_page_is_rate_limited(client, ans, mailoutbox):
    for _ in range(5):
        assert client.post(reverse("password_reset"), {"email": EMAIL}).status_code == 302
    response = client.post(reverse("password_reset"), {"email": EMAIL})
    assert response.status_code == 429
    assert "Je hebt al een nieuw wachtwoord aangevraagd" in response.content.decode()
