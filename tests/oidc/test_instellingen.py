"""Off unless configured: without ZELFSCAN_OIDC_* the site is as it was (no button, no URL
that answers). Configured only from the environment, in settings.py; a half or insecure
configuration stops the start with a Dutch message; check --deploy stays clean."""

from __future__ import annotations

import secrets

import pytest
from django.core.cache import cache
from django.urls import reverse

from accounts import oidc
from tests.test_deploy_check import manage

OIDC_URLS = ["oidc_inloggen", "oidc_callback", "oidc_koppelen", "oidc_ontkoppelen", "uitgelogd"]
PRODUCTIE = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
    "DJANGO_ALLOWED_HOSTS": "zelfscan.example.nl",
}


def _inhoud(response) -> str:
    """The page's main part (the header differs only in its form token and `next`)."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_without_settings_there_is_no_button_and_no_oidc_url_answers(client, gebruiker, settings):
    assert settings.ZELFSCAN_OIDC is None
    html = client.get(reverse("login")).content.decode()
    assert "Inloggen met je instelling" not in html
    assert "/accounts/instelling/" not in html
    onbekend = client.get("/accounts/bestaat-niet/")
    for ingelogd in (False, True):
        if ingelogd:
            client.force_login(gebruiker)
            assert "instelling" not in client.get(reverse("mijn_gegevens")).content.decode()
        for naam in OIDC_URLS:
            for methode in (client.get, client.post):
                response = methode(reverse(naam))
                assert response.status_code == 404, naam
                assert _inhoud(response) == _inhoud(onbekend)


def test_with_settings_the_login_page_offers_the_institution_first(client, oidc_aan, settings):
    html = client.get(reverse("login"), {"next": "/scans/"}).content.decode()
    assert f'href="{reverse("oidc_inloggen")}?next=/scans/">Inloggen met je instelling</a>' in html
    settings.ZELFSCAN_OIDC = {**settings.ZELFSCAN_OIDC, "knoptekst": "Inloggen met SURFconext"}
    assert "Inloggen met SURFconext" in client.get(reverse("login")).content.decode()


def test_discovery_is_read_once_then_kept(settings, rp_basis, db):
    from .aanbieder import start_aanbieder

    cache.clear()
    tijdelijk = start_aanbieder(rp_basis)
    settings.ZELFSCAN_OIDC = tijdelijk.instelling()
    eerst = oidc.aanbieder()
    assert eerst.token_endpoint == tijdelijk.ontdekking()["token_endpoint"]
    tijdelijk.stop()
    assert oidc.aanbieder() == eerst  # from the cache: the provider is gone
    oidc.vergeet_ontdekking()
    with pytest.raises(oidc.AanbiederOnbereikbaar):
        oidc.aanbieder()


def test_explicit_endpoints_need_no_discovery(rp, persoon, settings, oidc_aan):
    from .conftest import log_in

    ontdekt = oidc_aan.ontdekking()
    settings.ZELFSCAN_OIDC = {
        **oidc_aan.instelling(),
        **{k: ontdekt[k] for k in ("authorization_endpoint", "token_endpoint", "jwks_uri")},
        "userinfo_endpoint": ontdekt["userinfo_endpoint"],
    }
    cache.clear()
    assert log_in(rp, persoon("anna"))["Location"] == reverse("scans:mijn_scans")
    assert cache.get(oidc._cachesleutel(oidc_aan.issuer)) is None


@pytest.mark.parametrize(
    ("omgeving", "melding"),
    [
        (
            {"ZELFSCAN_OIDC_ISSUER": "https://connect.test.example"},
            "Inloggen met je instelling is half ingesteld: ZELFSCAN_OIDC_CLIENT_ID, "
            "ZELFSCAN_OIDC_CLIENT_SECRET ontbreekt.",
        ),
        (
            {
                "ZELFSCAN_OIDC_ISSUER": "http://connect.test.example",
                "ZELFSCAN_OIDC_CLIENT_ID": "zelfscan",
                "ZELFSCAN_OIDC_CLIENT_SECRET": "geheim",
            },
            "ZELFSCAN_OIDC_ISSUER moet met https:// beginnen",
        ),
    ],
    ids=["half", "no-https"],
)
def test_a_half_or_insecure_configuration_stops_the_start_in_dutch(omgeving, melding):
    resultaat = manage("check", **PRODUCTIE, **omgeving)
    assert resultaat.returncode == 1
    assert melding in resultaat.stderr
    assert "Traceback" not in resultaat.stderr


def test_the_deploy_check_stays_clean_with_the_institution_login_on():
    resultaat = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTIE,
        ZELFSCAN_OIDC_ISSUER="https://connect.test.example",
        ZELFSCAN_OIDC_CLIENT_ID="zelfscan",
        ZELFSCAN_OIDC_CLIENT_SECRET=secrets.token_urlsafe(32),
        ZELFSCAN_OIDC_EMAIL="1",
    )
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    assert "System check identified no issues" in resultaat.stdout


def test_the_check_command_reads_the_provider_or_says_why_not(settings, oidc_aan, capsys):
    from django.core.management import CommandError, call_command

    call_command("controleer_oidc")
    uit = capsys.readouterr().out
    assert f"issuer                  {oidc_aan.issuer}" in uit
    assert "end_session_endpoint    (geen)" in uit
    assert "De inlogdienst is bereikbaar en klopt." in uit
    settings.ZELFSCAN_OIDC = {**settings.ZELFSCAN_OIDC, "issuer": "http://127.0.0.1:9"}
    with pytest.raises(CommandError, match="niet te lezen"):
        call_command("controleer_oidc")
    settings.ZELFSCAN_OIDC = None
    with pytest.raises(CommandError, match="staat uit"):
        call_command("controleer_oidc")


def test_the_content_security_policy_is_unchanged_with_the_button(client, oidc_aan, settings):
    uit = client.get(reverse("home"))["Content-Security-Policy"]
    response = client.get(reverse("login"))
    assert response["Content-Security-Policy"] == uit
    assert "unsafe-inline" not in uit and "form-action 'self'" in uit
    html = response.content.decode()
    # The button is a plain link: no form posts to the provider, nothing inline.
    assert oidc_aan.issuer not in html
    assert "<script>" not in html and " style=" not in html
