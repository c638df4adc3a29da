"""Every page is sent with the hardened headers: CSP without inline code, no framing, no
referrer to other sites, no MIME sniffing and no browser features."""

import re

import pytest
from django.urls import reverse

PAGINAS = ["home", "profiel"]


def csp_directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {
        naam: waarden
        for naam, *waarden in (deel.split() for deel in policy.split(";") if deel.strip())
    }


@pytest.mark.parametrize("pagina", PAGINAS)
def test_the_content_security_policy_allows_only_our_own_files(client, npuls, pagina):
    response = client.get(reverse(pagina))
    assert response.status_code == 200
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]
    assert csp_directives(response) == {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "font-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }


@pytest.mark.parametrize("pagina", PAGINAS)
def test_pages_cannot_be_framed_sniffed_or_leak_the_referrer(client, npuls, pagina):
    response = client.get(reverse(pagina))
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("pagina", PAGINAS)
def test_the_permissions_policy_denies_camera_microphone_location_and_payment(
    client, npuls, pagina
):
    response = client.get(reverse(pagina))
    features = dict(
        deel.strip().split("=", 1) for deel in response.headers["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"):
        assert features[feature] == "()"


@pytest.mark.django_db
def test_error_pages_carry_the_headers_too(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "Permissions-Policy" in response.headers
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_pages_themselves_use_no_inline_script_or_style(client, npuls):
    # The policy would block them; make sure nothing in our templates depends on them.
    for pagina in PAGINAS:
        html = client.get(reverse(pagina)).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline <script>"
        assert "<style" not in html
        assert not re.search(r"\son[a-z]+=", html), "inline event handler"
        assert " style=" not in html
