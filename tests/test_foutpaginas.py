"""When something goes wrong the visitor gets a calm Dutch page on our own layout, and
never a trace of what went wrong inside."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.test import Client
from django.urls import include, path, reverse

GEHEIM = "geheim-detail-uit-de-code"


def kapot(request):
    raise RuntimeError(GEHEIM)


def verdacht(request):
    raise SuspiciousOperation(GEHEIM)


def verboden(request):
    raise PermissionDenied(GEHEIM)


def weg(request):
    raise Http404(GEHEIM)


# Test-only URLs: the real site plus views that fail on purpose.
urlpatterns = [
    path("test/kapot/", kapot),
    path("test/verdacht/", verdacht),
    path("test/verboden/", verboden),
    path("test/weg/", weg),
    path("", include("competentieprofiel.urls")),
]


def assert_eigen_opmaak(html):
    assert '<html lang="nl">' in html
    assert "/static/css/zelfscan.css" in html
    assert 'class="site-header"' in html
    assert 'href="/"' in html  # a way home


@pytest.mark.django_db
def test_an_unknown_address_gets_a_dutch_404_on_our_layout(client):
    response = client.get("/deze-pagina-bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Resolver404" not in html
    assert (
        "Deze pagina bestaat niet (meer). Misschien is de scan verwijderd, "
        "of klopt het adres niet." in html
    )
    assert_eigen_opmaak(html)


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_a_crash_gets_a_dutch_500_without_debug_information(client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    response = client.get("/test/kapot/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis aan onze kant" in html
    assert "Wat je al had opgeslagen, is bewaard." in html
    assert_eigen_opmaak(html)
    for lek in (GEHEIM, "RuntimeError", "Traceback", "kapot", "settings"):
        assert lek not in html


@pytest.mark.urls(__name__)
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "status", "tekst"),
    [
        ("/test/verdacht/", 400, "Dit konden we niet verwerken"),
        ("/test/verboden/", 403, "Deze pagina kun je niet openen"),
        ("/test/weg/", 404, "Deze pagina bestaat niet (meer)."),
    ],
)
def test_400_403_and_404_are_dutch_and_keep_the_reason_to_themselves(client, url, status, tekst):
    response = client.get(url)
    assert response.status_code == status
    html = response.content.decode()
    assert tekst in html
    assert GEHEIM not in html
    assert_eigen_opmaak(html)


@pytest.mark.django_db
def test_a_form_without_csrf_token_gets_a_dutch_403():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("login"), {"username": "ans@example.nl", "password": "wat-dan-ook"}
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert (
        "Je formulier is verlopen. Ga terug, ververs de pagina en probeer het opnieuw; "
        "wat je al had opgeslagen is bewaard." in html
    )
    assert "CSRF" not in html  # no jargon
    # This client has no CSRF cookie at all, so the page also says cookies are needed.
    assert "Staan cookies uit in je browser?" in html
    assert_eigen_opmaak(html)
