"""Logging in with one's institution (OpenID Connect), on top of mozilla-django-oidc.

What the library does for us (and we checked in its source, 5.0.2):
- `OIDCAuthenticationRequestView` makes a random `state`, `nonce` and PKCE verifier, keeps
  them in the session under `oidc_states` and sends the person to the provider with the
  S256 code challenge;
- `OIDCAuthenticationBackend` trades the code (with the verifier) for tokens, finds the
  signing key in the provider's JWKS by `kid` and `alg`, checks the ID token's signature
  and its nonce.

What it leaves to us, and this module adds:
- configuration from `settings.ZELFSCAN_OIDC` only, with the endpoints read once from the
  provider's discovery document (the library knows only fixed endpoint settings);
- the ID token's audience, issuer and expiry (the library decodes with `verify_aud` off);
- accounts keyed on (issuer, sub) instead of the library's match on e-mail address.

The callback view (accounts.views.instelling) does its own bookkeeping of state, so that
each failure gets its own calm page; the library's callback knows only "failed".
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.utils.translation import gettext_lazy as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from . import services

log = logging.getLogger(__name__)

BACKEND = "accounts.oidc.InstellingBackend"
NODIG = ("authorization_endpoint", "token_endpoint", "jwks_uri")
EINDPUNTEN = (*NODIG, "userinfo_endpoint", "end_session_endpoint")
ONTDEKKING_SECONDEN = 60 * 60 * 24


class AanbiederOnbereikbaar(Exception):
    """The provider's configuration could not be read; the details are in the log."""


@dataclass(frozen=True)
class Aanbieder:
    """The institution's provider as this site uses it: settings plus discovered endpoints."""

    issuer: str
    client_id: str
    client_secret: str
    algoritme: str
    scopes: tuple[str, ...]
    timeout: int
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    userinfo_endpoint: str
    end_session_endpoint: str

    @property
    def vraagt_email(self) -> bool:
        return "email" in self.scopes


def instellingen() -> dict | None:
    return settings.ZELFSCAN_OIDC


def staat_aan() -> bool:
    return instellingen() is not None


def knoptekst() -> str:
    return (instellingen() or {}).get("knoptekst") or str(_("Inloggen met je instelling"))


def vraagt_email() -> bool:
    return bool((instellingen() or {}).get("email"))


def aanbieder() -> Aanbieder:
    """The configured provider, with its endpoints (discovered once, then from the cache).

    Raises AanbiederOnbereikbaar when the discovery document is needed and cannot be read.
    """
    conf = instellingen()
    if conf is None:
        raise AanbiederOnbereikbaar("inloggen met je instelling staat uit")
    eindpunten = {k: conf.get(k, "") for k in EINDPUNTEN}
    if not all(eindpunten[k] for k in NODIG):
        ontdekt = ontdek(conf["issuer"], timeout=conf["timeout"])
        eindpunten = {k: eindpunten[k] or ontdekt.get(k) or "" for k in EINDPUNTEN}
    return Aanbieder(
        issuer=conf["issuer"],
        client_id=conf["client_id"],
        client_secret=conf["client_secret"],
        algoritme=conf["algoritme"],
        scopes=("openid", "email") if conf["email"] else ("openid",),
        timeout=conf["timeout"],
        **eindpunten,
    )


def _cachesleutel(issuer: str) -> str:
    return "accounts.oidc.ontdekking." + hashlib.sha256(issuer.encode()).hexdigest()


def ontdek(issuer: str, *, timeout: int) -> dict:
    """The provider's endpoints from `<issuer>/.well-known/openid-configuration`, read once
    and kept in the cache for a day. The document must name exactly this issuer."""
    sleutel = _cachesleutel(issuer)
    if (bewaard := cache.get(sleutel)) is not None:
        return bewaard
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    try:
        antwoord = requests.get(url, timeout=timeout)
        antwoord.raise_for_status()
        document = antwoord.json()
    except (requests.RequestException, ValueError) as fout:
        log.warning("OIDC discovery at %s failed: %s", url, fout)
        raise AanbiederOnbereikbaar(str(fout)) from fout
    if not isinstance(document, dict) or document.get("issuer") != issuer:
        naam = document.get("issuer") if isinstance(document, dict) else None
        log.warning("OIDC discovery at %s names issuer %r, not %r", url, naam, issuer)
        raise AanbiederOnbereikbaar(f"discovery names issuer {naam!r}")
    eindpunten = {k: document.get(k) for k in EINDPUNTEN if isinstance(document.get(k), str)}
    if ontbreekt := [k for k in NODIG if not eindpunten.get(k)]:
        log.warning("OIDC discovery at %s lacks %s", url, ", ".join(ontbreekt))
        raise AanbiederOnbereikbaar(f"discovery lacks {ontbreekt}")
    cache.set(sleutel, eindpunten, ONTDEKKING_SECONDEN)
    return eindpunten


def vergeet_ontdekking() -> None:
    """Read the discovery document again next time (after a change at the provider)."""
    conf = instellingen()
    if conf is not None:
        cache.delete(_cachesleutel(conf["issuer"]))


# What mozilla-django-oidc reads from settings, answered from our configuration instead.
VAST = {
    "OIDC_USE_PKCE": True,
    "OIDC_PKCE_CODE_CHALLENGE_METHOD": "S256",
    "OIDC_USE_NONCE": True,
    "OIDC_STORE_ACCESS_TOKEN": False,
    "OIDC_STORE_ID_TOKEN": False,
    "OIDC_ALLOW_UNSECURED_JWT": False,
    "OIDC_TOKEN_USE_BASIC_AUTH": False,
    "OIDC_VERIFY_SSL": True,
    "OIDC_PROXY": None,
    "OIDC_AUTH_REQUEST_EXTRA_PARAMS": {},
    "OIDC_REDIRECT_FIELD_NAME": "next",
    "OIDC_AUTHENTICATION_CALLBACK_URL": "oidc_callback",
}


def bibliotheekinstelling(a: Aanbieder, naam: str, *standaard):
    if naam in VAST:
        return VAST[naam]
    per_aanbieder = {
        "OIDC_RP_CLIENT_ID": a.client_id,
        "OIDC_RP_CLIENT_SECRET": a.client_secret,
        "OIDC_RP_SIGN_ALGO": a.algoritme,
        "OIDC_RP_SCOPES": " ".join(a.scopes),
        "OIDC_TIMEOUT": a.timeout,
        "OIDC_OP_AUTHORIZATION_ENDPOINT": a.authorization_endpoint,
        "OIDC_OP_TOKEN_ENDPOINT": a.token_endpoint,
        "OIDC_OP_JWKS_ENDPOINT": a.jwks_uri,
        "OIDC_OP_USER_ENDPOINT": a.userinfo_endpoint,
    }
    if naam in per_aanbieder:
        return per_aanbieder[naam]
    return import_from_settings(naam, *standaard)


@dataclass(frozen=True)
class Inlog:
    gebruiker: object
    nieuw: bool


class InstellingBackend(OIDCAuthenticationBackend):
    """The library's backend, made to know accounts by (issuer, sub).

    Django calls it for every request of a session that began with the institution's login
    (`get_user`), so it reads no configuration until a login actually happens. It never
    answers django.contrib.auth.authenticate(): only the callback logs in through it
    (`log_in`), after checking state itself. django-axes therefore does not count these
    logins: no password is typed here, and a callback cannot be guessed (its state is
    random, bound to the session and used once).
    """

    def __init__(self, *args, **kwargs):
        self.UserModel = get_user_model()
        self.aanbieder: Aanbieder | None = None

    def get_settings(self, naam, *standaard):
        if self.aanbieder is None:
            return import_from_settings(naam, *standaard)
        return bibliotheekinstelling(self.aanbieder, naam, *standaard)

    def authenticate(self, request, **kwargs):
        return None

    def log_in(
        self, request, *, aanbieder: Aanbieder, nonce: str, code_verifier: str, koppelen_aan=None
    ) -> Inlog | None:
        """Trade the code in the request for tokens, verify the ID token, find or make the
        account (or link it to `koppelen_aan`). Raises requests' errors when the provider
        does not answer or refuses, SuspiciousOperation or jwt's errors for a token that is
        not for us, services.InstellingAlInGebruik when linking finds the identity taken."""
        self.voor(aanbieder)
        self.koppelen_aan = koppelen_aan
        self.inlog: Inlog | None = None
        super().authenticate(request, nonce=nonce, code_verifier=code_verifier)
        return self.inlog

    def voor(self, aanbieder: Aanbieder) -> InstellingBackend:
        """Point the library's machinery at this provider."""
        self.aanbieder = aanbieder
        self.OIDC_OP_TOKEN_ENDPOINT = aanbieder.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = aanbieder.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = aanbieder.jwks_uri
        self.OIDC_RP_CLIENT_ID = aanbieder.client_id
        self.OIDC_RP_CLIENT_SECRET = aanbieder.client_secret
        self.OIDC_RP_SIGN_ALGO = aanbieder.algoritme
        self.OIDC_RP_IDP_SIGN_KEY = None
        return self

    def retrieve_matching_jwk(self, token):
        """The library's key lookup, after refusing a token of another algorithm ("none"
        included) or without a key id, calmly instead of with a KeyError."""
        kop = jwt.get_unverified_header(token)
        if kop.get("alg") != self.aanbieder.algoritme or not kop.get("kid"):
            raise SuspiciousOperation(f"ID token header {kop!r} is not what we accept")
        return super().retrieve_matching_jwk(token)

    def get_payload_data(self, token, key):
        """The ID token's claims, checked in full: signature with the provider's key and only
        the configured algorithm, issued by this issuer, for this client, not expired."""
        a = self.aanbieder
        claims = jwt.decode(
            token,
            key,
            algorithms=[a.algoritme],
            audience=a.client_id,
            issuer=a.issuer,
            options={"require": ["iss", "sub", "aud", "exp", "iat"]},
            leeway=30,
        )
        publiek = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(publiek) > 1 and claims.get("azp") != a.client_id:
            raise SuspiciousOperation("ID token for several audiences without our azp")
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        issuer, sub = payload["iss"], payload["sub"]
        if self.koppelen_aan is not None:
            services.koppel_instelling(gebruiker=self.koppelen_aan, issuer=issuer, sub=sub)
            self.inlog = Inlog(self.koppelen_aan, nieuw=False)
            return self.koppelen_aan
        gebruiker, nieuw = services.account_via_instelling(
            issuer=issuer, sub=sub, email=self._email(access_token, id_token, payload)
        )
        self.inlog = Inlog(gebruiker, nieuw=nieuw)
        return gebruiker

    def _email(self, access_token, id_token, payload) -> str:
        """The e-mail address, only when the email scope was asked for: from the ID token,
        else from the userinfo endpoint (whose `sub` must be the ID token's)."""
        if not self.aanbieder.vraagt_email:
            return ""
        claims = payload
        if "email" not in payload and self.aanbieder.userinfo_endpoint:
            claims = self.get_userinfo(access_token, id_token, payload)
            if claims.get("sub") != payload["sub"]:
                raise SuspiciousOperation("userinfo sub differs from the ID token's")
        if claims.get("email_verified") is False:
            return ""
        email = claims.get("email")
        return email.strip().lower() if isinstance(email, str) else ""
