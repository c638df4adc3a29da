"""Logging in with one's institution against a real provider: the code flow with PKCE,
state and nonce, and accounts known by (issuer, sub), never by e-mail address."""

from __future__ import annotations

import base64
import hashlib
import re

from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.urls import reverse

from accounts.models import InstellingsIdentiteit

from .conftest import log_in, start
from .persoon import query


def test_the_first_login_makes_an_account_known_by_issuer_and_sub(rp, persoon, oidc_aan):
    response = log_in(rp, persoon("anna"))
    assert response["Location"] == reverse("scans:mijn_scans")
    gebruiker = get_user_model().objects.get()
    identiteit = InstellingsIdentiteit.objects.get()
    assert identiteit.gebruiker == gebruiker
    assert identiteit.issuer == oidc_aan.issuer
    assert re.fullmatch(r"[0-9a-f]{64}", identiteit.sub)  # pairwise, not the login name
    assert gebruiker.email == "anna@instelling.example"
    assert not gebruiker.has_usable_password()
    assert rp.session[BACKEND_SESSION_KEY] == "accounts.oidc.InstellingBackend"
    welkom = rp.get(response["Location"]).content.decode()
    assert "Welkom! Je account is klaar." in welkom


def test_the_authorization_request_carries_pkce_s256_state_nonce_and_only_the_scopes_needed(
    rp, oidc_aan
):
    url = start(rp)
    assert url.startswith(oidc_aan.ontdekking()["authorization_endpoint"] + "?")
    params = query(url)
    assert params["response_type"] == "code"
    assert params["client_id"] == "zelfscan"
    assert params["scope"] == "openid email"
    assert params["redirect_uri"].endswith("/accounts/instelling/callback/")
    assert params["code_challenge_method"] == "S256"
    bewaard = rp.session["oidc_states"][params["state"]]
    assert bewaard["nonce"] == params["nonce"] and len(params["nonce"]) >= 32
    assert len(params["state"]) >= 32
    verifier = bewaard["code_verifier"]
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    assert params["code_challenge"] == challenge.decode().rstrip("=")


def test_without_the_email_setting_only_openid_is_asked_and_no_address_kept(
    rp, persoon, settings, oidc_aan
):
    settings.ZELFSCAN_OIDC = {**settings.ZELFSCAN_OIDC, "email": False}
    assert query(start(rp))["scope"] == "openid"
    log_in(rp, persoon("anna"))
    assert get_user_model().objects.get().email == ""


def test_logging_in_again_is_the_same_account(rp, persoon):
    anna = persoon("anna")
    log_in(rp, anna)
    eerste = get_user_model().objects.get()
    rp.post(reverse("logout"))
    response = log_in(rp, anna)  # the provider remembers her: no login page, no consent
    assert response["Location"] == reverse("scans:mijn_scans")
    assert get_user_model().objects.get() == eerste
    assert int(rp.session["_auth_user_id"]) == eerste.pk


def test_another_sub_with_the_same_email_is_another_account(rp, persoon):
    log_in(rp, persoon("anna"))
    rp.post(reverse("logout"))
    log_in(rp, persoon("anna-tweede"))
    anna, tweede = get_user_model().objects.order_by("pk")
    assert anna.email == tweede.email == "anna@instelling.example"
    assert anna != tweede
    assert int(rp.session["_auth_user_id"]) == tweede.pk


def test_an_email_address_never_finds_a_password_account(rp, persoon):
    from accounts.services import registreer

    bestaand = registreer(email="anna@instelling.example", wachtwoord="Een-lang-wachtwoord-42")
    log_in(rp, persoon("anna"))
    assert get_user_model().objects.count() == 2
    assert not bestaand.instellingsidentiteiten.exists()
    assert int(rp.session["_auth_user_id"]) != bestaand.pk


def test_no_token_is_kept_after_login(rp, persoon):
    log_in(rp, persoon("anna"))
    sessie = dict(rp.session.items())
    assert not [k for k in sessie if "token" in k]
    assert not re.search(r"eyJ[\w-]+\.[\w-]+\.", repr(sessie))  # no JWT anywhere in it
    assert sessie["oidc_states"] == {}


def test_next_is_followed_on_this_site_only(rp, persoon):
    terug = reverse("mijn_gegevens")
    assert log_in(rp, persoon("anna"), next=terug)["Location"] == terug
    rp.post(reverse("logout"))
    response = log_in(rp, persoon("anna"), next="https://aanvaller.example/")
    assert response["Location"] == reverse("scans:mijn_scans")
