"""The ID token is checked in full: the provider's signature, this issuer, this client,
not expired, the nonce. The library checks signature and nonce; the rest is ours. The
tokens here are real ones from the provider, fetched the way a client does."""

from __future__ import annotations

import base64
import hashlib
import secrets
from urllib.parse import urlencode

import jwt
import pytest
import requests
from django.core.exceptions import SuspiciousOperation

from accounts import oidc

from .aanbieder import ANDERE_CLIENT_ID, CLIENT_ID
from .persoon import query


def _id_token(aanbieder, persoon, client_id: str, nonce: str = "nonce-van-de-test") -> str:
    client = aanbieder.clients[client_id]
    ontdekking = aanbieder.ontdekking()
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    params = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": client["redirect_uris"][0],
        "scope": "openid",
        "state": secrets.token_urlsafe(16),
        "nonce": nonce,
        "code_challenge": challenge.decode().rstrip("="),
        "code_challenge_method": "S256",
    }
    terug = persoon.log_in(f"{ontdekking['authorization_endpoint']}?{urlencode(params)}")
    antwoord = requests.post(
        ontdekking["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": query(terug)["code"],
            "redirect_uri": client["redirect_uris"][0],
            "client_id": client_id,
            "client_secret": client["client_secret"],
            "code_verifier": verifier,
        },
        timeout=10,
    )
    antwoord.raise_for_status()
    return antwoord.json()["id_token"]


@pytest.fixture
def backend(oidc_aan, db):
    return oidc.InstellingBackend().voor(oidc.aanbieder())


def test_a_token_for_this_client_passes_every_check(backend, oidc_aan, persoon):
    claims = backend.verify_token(
        _id_token(oidc_aan, persoon(), CLIENT_ID), nonce="nonce-van-de-test"
    )
    assert claims["aud"] == CLIENT_ID
    assert claims["iss"] == oidc_aan.issuer


def test_an_id_token_for_another_client_is_refused(backend, oidc_aan, persoon):
    token = _id_token(oidc_aan, persoon(), ANDERE_CLIENT_ID)
    assert jwt.decode(token, options={"verify_signature": False})["aud"] == ANDERE_CLIENT_ID
    with pytest.raises(jwt.InvalidAudienceError):
        backend.verify_token(token, nonce="nonce-van-de-test")


def test_the_same_person_has_another_sub_at_another_client(oidc_aan, persoon):
    anna = persoon("anna")
    hier = jwt.decode(_id_token(oidc_aan, anna, CLIENT_ID), options={"verify_signature": False})
    daar = jwt.decode(
        _id_token(oidc_aan, anna, ANDERE_CLIENT_ID), options={"verify_signature": False}
    )
    assert hier["sub"] != daar["sub"]
    assert "anna" not in hier["sub"]


def test_an_id_token_from_another_issuer_is_refused(backend, oidc_aan, persoon):
    backend.aanbieder = oidc.Aanbieder(**{**backend.aanbieder.__dict__, "issuer": "https://ander"})
    with pytest.raises(jwt.InvalidIssuerError):
        backend.verify_token(_id_token(oidc_aan, persoon(), CLIENT_ID), nonce="nonce-van-de-test")


def test_an_id_token_with_another_nonce_is_refused(backend, oidc_aan, persoon):
    with pytest.raises(SuspiciousOperation, match="Nonce"):
        backend.verify_token(_id_token(oidc_aan, persoon(), CLIENT_ID), nonce="een-andere")


def test_an_unsigned_token_is_refused_before_any_key_is_looked_for(backend, oidc_aan, persoon):
    echt = jwt.decode(
        _id_token(oidc_aan, persoon(), CLIENT_ID), options={"verify_signature": False}
    )
    ongetekend = jwt.encode(echt, key=None, algorithm="none")
    with pytest.raises(SuspiciousOperation, match="not what we accept"):
        backend.verify_token(ongetekend, nonce="nonce-van-de-test")


def test_an_expired_token_is_refused_even_with_a_good_signature(backend, oidc_aan, persoon):
    from cryptography.hazmat.primitives.asymmetric import rsa

    echt = jwt.decode(
        _id_token(oidc_aan, persoon(), CLIENT_ID), options={"verify_signature": False}
    )
    sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    verlopen = jwt.encode({**echt, "exp": echt["iat"] - 120}, sleutel, algorithm="RS256")
    with pytest.raises(jwt.ExpiredSignatureError):
        backend.get_payload_data(verlopen, sleutel.public_key())
    # The control: the same claims, not expired, pass with that key.
    geldig = jwt.encode(echt, sleutel, algorithm="RS256")
    assert backend.get_payload_data(geldig, sleutel.public_key())["sub"] == echt["sub"]
