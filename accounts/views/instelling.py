"""Logging in with one's institution: the start, the callback, linking and unlinking an
existing account, and logging out honestly. Every URL here answers 404 while the
ZELFSCAN_OIDC_* settings are absent, as if it did not exist."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import wraps
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import requests
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import View
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from .. import oidc, services

log = logging.getLogger(__name__)

WACHTWOORD_BACKEND = "django.contrib.auth.backends.ModelBackend"
KOPPEL_ZOUT = "accounts.koppelen"
KOPPEL_SECONDEN = 60 * 60


def _alleen_als_aan(view):
    @wraps(view)
    def binnen(request, *args, **kwargs):
        if not oidc.staat_aan():
            raise Http404
        return view(request, *args, **kwargs)

    return binnen


@dataclass(frozen=True)
class Fout:
    kop: str
    uitleg: str
    status: int = 400
    opnieuw: bool = True  # offer to try the institution's login again


FOUTEN = {
    "onbereikbaar": Fout(
        gettext_lazy("De inlogdienst van je instelling is nu niet bereikbaar"),
        gettext_lazy(
            "Er is niets veranderd en er is geen account gemaakt. Probeer het over een paar "
            "minuten opnieuw. Lukt het dan nog niet, log dan in met je e-mailadres en "
            "wachtwoord, of vraag bij je instelling na of de inlogdienst een storing heeft."
        ),
        status=503,
    ),
    "geannuleerd": Fout(
        gettext_lazy("Je hebt het inloggen afgebroken"),
        gettext_lazy(
            "Je bent niet ingelogd en er is niets bewaard. Wil je toch verder? Probeer het "
            "opnieuw, wanneer je wilt."
        ),
        status=200,
    ),
    "sessie": Fout(
        gettext_lazy("Dit inlogverzoek kennen we niet (meer)"),
        gettext_lazy(
            "Misschien kwam je terug via een oude link of een ander tabblad, of duurde het "
            "inloggen te lang. Voor je veiligheid gebruiken we elk inlogverzoek maar één keer. "
            "Er is niets veranderd. Begin gewoon opnieuw."
        ),
    ),
    "code": Fout(
        gettext_lazy("Je instelling heeft het inloggen niet bevestigd"),
        gettext_lazy(
            "De inlogcode was verlopen of al gebruikt. Er is niets veranderd en er is geen "
            "account gemaakt. Probeer het opnieuw."
        ),
    ),
    "aanbieder": Fout(
        gettext_lazy("De inlogdienst van je instelling gaf een foutmelding"),
        gettext_lazy(
            "Er is niets veranderd en er is geen account gemaakt. Probeer het later opnieuw; "
            "blijft dit gebeuren, meld het dan bij de helpdesk van je instelling."
        ),
    ),
    "token": Fout(
        gettext_lazy("We konden niet nagaan wie je bent"),
        gettext_lazy(
            "Het bewijs dat je instelling meestuurde, klopte niet of was niet voor deze "
            "zelfscan bedoeld. Voor je veiligheid ben je niet ingelogd en is er geen account "
            "gemaakt. Probeer het opnieuw; blijft dit gebeuren, meld het dan bij wie de "
            "zelfscan beheert."
        ),
    ),
    "koppellink": Fout(
        gettext_lazy("Deze koppellink werkt niet (meer)"),
        gettext_lazy(
            "Er is niets gekoppeld. Ga terug naar Mijn gegevens en kies daar opnieuw voor "
            "koppelen met je instelling."
        ),
        opnieuw=False,
    ),
    "al_in_gebruik": Fout(
        gettext_lazy("Dit instellingsaccount kun je hier niet koppelen"),
        gettext_lazy("Er is niets gekoppeld."),
        opnieuw=False,
    ),
    "uitgeschakeld": Fout(
        gettext_lazy("Dit account is uitgeschakeld"),
        gettext_lazy(
            "Je bent niet ingelogd. Denk je dat dit niet klopt, vraag het dan na bij wie de "
            "zelfscan beheert."
        ),
        status=403,
        opnieuw=False,
    ),
    "alleen_met_wachtwoord": Fout(
        gettext_lazy("Koppelen kan alleen als je met je wachtwoord bent ingelogd"),
        gettext_lazy(
            "Zo weten we zeker dat het account van jou is. Log uit, log in met je "
            "e-mailadres en wachtwoord, en kies dan op Mijn gegevens voor koppelen."
        ),
        opnieuw=False,
    ),
}


def _fout(request, soort: str, *, melding: str = "", uitleg: str = ""):
    fout = FOUTEN[soort]
    return render(
        request,
        "accounts/instelling_fout.html",
        {"fout": fout, "uitleg": uitleg or fout.uitleg, "melding": melding, "soort": soort},
        status=fout.status,
    )


class _Aanvraag(OIDCAuthenticationRequestView):
    """The library's start of the code flow (state, nonce, PKCE S256 in the session),
    fed with our provider instead of fixed settings."""

    def __init__(self, aanbieder: oidc.Aanbieder, **kwargs):
        View.__init__(self, **kwargs)
        self.aanbieder = aanbieder
        self.OIDC_OP_AUTH_ENDPOINT = aanbieder.authorization_endpoint
        self.OIDC_RP_CLIENT_ID = aanbieder.client_id

    def get_settings(self, naam, *standaard):
        return oidc.bibliotheekinstelling(self.aanbieder, naam, *standaard)


def _naar_aanbieder(request):
    """Send the person to the provider; returns (response, state) or a failure page."""
    try:
        aanbieder = oidc.aanbieder()
    except oidc.AanbiederOnbereikbaar:
        return _fout(request, "onbereikbaar"), None
    aanvraag = _Aanvraag(aanbieder)
    aanvraag.setup(request)
    response = aanvraag.get(request)
    return response, parse_qs(urlsplit(response["Location"]).query)["state"][0]


@_alleen_als_aan
@require_GET
def inloggen(request):
    response, _state = _naar_aanbieder(request)
    return response


@_alleen_als_aan
@require_GET
@login_required
def koppelen(request):
    """Link the account one is logged in to with a password to the institution's login.

    A plain link (Chromium applies CSP form-action to the redirects after a form, so a
    form could not lead to the provider), carrying a signed token that only Mijn gegevens
    of this very account hands out: another site cannot start it for someone.
    """
    try:
        pk = signing.loads(request.GET.get("t", ""), salt=KOPPEL_ZOUT, max_age=KOPPEL_SECONDEN)
    except signing.BadSignature:
        return _fout(request, "koppellink")
    if pk != request.user.pk:
        return _fout(request, "koppellink")
    if request.session.get(BACKEND_SESSION_KEY) != WACHTWOORD_BACKEND:
        return _fout(request, "alleen_met_wachtwoord")
    response, state = _naar_aanbieder(request)
    if state is not None:
        request.session["oidc_koppelen"] = {"state": state, "gebruiker": request.user.pk}
    return response


def koppeltoken(gebruiker) -> str:
    return signing.dumps(gebruiker.pk, salt=KOPPEL_ZOUT)


@_alleen_als_aan
@require_POST
@login_required
def ontkoppelen(request):
    try:
        services.ontkoppel_instelling(gebruiker=request.user)
    except services.AccountFout as fout:
        messages.error(request, str(fout))
    else:
        messages.success(
            request,
            _("Je account is losgekoppeld van je instelling. Log voortaan in met je wachtwoord."),
        )
    return redirect("mijn_gegevens")


def _veilig_verder(request, doel: str | None) -> str:
    if doel and url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return doel
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _foutcode(tekst: str) -> str:
    """A provider's error code, as shown: only the characters the spec allows in one."""
    return re.sub(r"[^a-z0-9_.-]", "", tekst.lower())[:60]


@_alleen_als_aan
@require_GET
def callback(request):
    """Where the provider sends the person back. Every failure ends on its own page, and
    nothing is stored until the ID token has been verified."""
    staten = request.session.get("oidc_states")
    staten = staten if isinstance(staten, dict) else {}
    state = request.GET.get("state", "")
    bewaard = staten.pop(state, None)  # once only: a replayed state finds nothing
    koppelen = request.session.pop("oidc_koppelen", None)
    if bewaard is not None:
        request.session["oidc_states"] = staten
        request.session.save()
    if koppelen and koppelen.get("state") != state:
        koppelen = None

    if fout := request.GET.get("error"):
        if fout == "access_denied":
            return _fout(request, "geannuleerd")
        return _fout(request, "aanbieder", melding=_foutcode(fout))
    if bewaard is None or not request.GET.get("code"):
        return _fout(request, "sessie")
    try:
        aanbieder = oidc.aanbieder()
    except oidc.AanbiederOnbereikbaar:
        return _fout(request, "onbereikbaar")
    if "iss" in request.GET and request.GET["iss"] != aanbieder.issuer:  # RFC 9207
        return _fout(request, "token")

    koppelen_aan = None
    if koppelen is not None:
        if (
            not request.user.is_authenticated
            or request.user.pk != koppelen.get("gebruiker")
            or request.session.get(BACKEND_SESSION_KEY) != WACHTWOORD_BACKEND
        ):
            return _fout(request, "alleen_met_wachtwoord")
        koppelen_aan = request.user

    backend = oidc.InstellingBackend()
    try:
        inlog = backend.log_in(
            request,
            aanbieder=aanbieder,
            nonce=bewaard.get("nonce"),
            code_verifier=bewaard.get("code_verifier"),
            koppelen_aan=koppelen_aan,
        )
    except requests.HTTPError as fout:
        return _weigering(request, aanbieder, fout)
    except requests.RequestException as fout:
        log.warning("OIDC provider unreachable during login: %s", fout)
        return _fout(request, "onbereikbaar")
    except (SuspiciousOperation, jwt.PyJWTError, KeyError, TypeError, ValueError) as fout:
        log.warning("OIDC ID token refused: %s", fout)
        return _fout(request, "token")
    except services.AccountFout as fout:
        return _fout(request, "al_in_gebruik", uitleg=f"{fout} {FOUTEN['al_in_gebruik'].uitleg}")
    if inlog is None:
        return _fout(request, "token")
    if not inlog.gebruiker.is_active:
        return _fout(request, "uitgeschakeld")

    if koppelen_aan is not None:
        messages.success(
            request,
            _("Je account is gekoppeld aan je instelling. Voortaan kun je ook zo inloggen."),
        )
        return redirect("mijn_gegevens")
    auth.login(request, inlog.gebruiker, backend=oidc.BACKEND)
    if inlog.nieuw:
        messages.success(request, _("Welkom! Je account is klaar. Begin een scan wanneer je wilt."))
    return redirect(_veilig_verder(request, request.session.pop("oidc_login_next", None)))


def _weigering(request, aanbieder: oidc.Aanbieder, fout: requests.HTTPError):
    """The provider answered with an error: a refused code, or something else."""
    antwoord = fout.response
    if antwoord is not None and antwoord.url.split("?")[0] == aanbieder.token_endpoint:
        try:
            code = antwoord.json().get("error", "")
        except ValueError:
            code = ""
        log.warning("OIDC token request refused: %s %s", antwoord.status_code, code)
        if code == "invalid_grant":
            return _fout(request, "code")
        return _fout(request, "aanbieder", melding=_foutcode(str(code)))
    log.warning("OIDC provider answered with an error: %s", fout)
    return _fout(request, "onbereikbaar")


@require_POST
def uitloggen(request):
    """End the session here. After an institution's login, say honestly that the
    institution's own session may still be open, and offer its logout if it has one."""
    via_instelling = request.session.get(BACKEND_SESSION_KEY) == oidc.BACKEND
    einde = _einde_sessie_url(request) if via_instelling and oidc.staat_aan() else ""
    auth.logout(request)
    if not via_instelling or not oidc.staat_aan():
        return redirect(settings.LOGOUT_REDIRECT_URL)
    request.session["uitgelogd_via_instelling"] = {"einde": einde}
    return redirect("uitgelogd")


def _einde_sessie_url(request) -> str:
    try:
        aanbieder = oidc.aanbieder()
    except oidc.AanbiederOnbereikbaar:
        return ""
    if not aanbieder.end_session_endpoint:
        return ""
    terug = request.build_absolute_uri(reverse("home"))
    query = urlencode({"client_id": aanbieder.client_id, "post_logout_redirect_uri": terug})
    scheiding = "&" if "?" in aanbieder.end_session_endpoint else "?"
    return f"{aanbieder.end_session_endpoint}{scheiding}{query}"


@_alleen_als_aan
@require_GET
def uitgelogd(request):
    via = request.session.pop("uitgelogd_via_instelling", None)
    return render(
        request,
        "accounts/uitgelogd.html",
        {"via_instelling": via is not None, "einde": (via or {}).get("einde", "")},
    )
