"""One's own account: registering, Mijn gegevens, correcting one's name, the JSON export,
deleting everything."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import PasswordResetConfirmView
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import oidc, services
from ..export import gegevens_van
from ..forms import AccountVerwijderenForm, NaamForm, NieuwWachtwoordForm, RegistratieForm
from .instelling import WACHTWOORD_BACKEND, koppeltoken


def _gevraagd_doel(request) -> str:
    """Where the person was going before they needed an account (an invitation to a
    netwerk, say), when that is a page of this site; else ""."""
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return doel
    return ""


class NieuwWachtwoordView(PasswordResetConfirmView):
    """A new password from the link in the mail; it also ends the login lockout."""

    form_class = NieuwWachtwoordForm

    def form_valid(self, form):
        response = super().form_valid(form)
        services.hef_inlogblokkade_op(gebruiker=form.user)
        return response


@require_http_methods(["GET", "POST"])
def registreren(request):
    doel = _gevraagd_doel(request)
    if request.user.is_authenticated:
        return redirect(doel or "scans:mijn_scans")
    context = {"next": doel}
    form = RegistratieForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            gebruiker = services.registreer(
                email=form.cleaned_data["email"],
                wachtwoord=form.cleaned_data["wachtwoord"],
            )
        except IntegrityError:  # the same address registered a moment ago, in another tab
            form.add_error("email", RegistratieForm.BESTAAT_AL)
            return render(request, "registration/registreren.html", {"form": form, **context})
        login(request, gebruiker, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welkom! Je account is klaar."))
        return redirect(doel or "scans:nieuw")
    return render(request, "registration/registreren.html", {"form": form, **context})


def _mijn_gegevens(request, naam_form: NaamForm):
    gebruiker = request.user
    identiteit = koppel_url = None
    if oidc.staat_aan():
        identiteit = gebruiker.instellingsidentiteiten.first()
        met_wachtwoord = request.session.get(BACKEND_SESSION_KEY) == WACHTWOORD_BACKEND
        if identiteit is None and met_wachtwoord:
            koppel_url = reverse("oidc_koppelen") + "?" + urlencode({"t": koppeltoken(gebruiker)})
    return render(
        request,
        "accounts/mijn_gegevens.html",
        {
            "aantal_scans": gebruiker.scans.count(),
            "naam_form": naam_form,
            "met_wachtwoord": gebruiker.has_usable_password(),
            "identiteit": identiteit,
            "koppel_url": koppel_url,
        },
    )


@login_required
def mijn_gegevens(request):
    return _mijn_gegevens(request, NaamForm(initial={"naam": request.user.first_name}))


@login_required
@require_POST
def naam_wijzigen(request):
    form = NaamForm(request.POST)
    if not form.is_valid():
        return _mijn_gegevens(request, form)
    services.wijzig_naam(gebruiker=request.user, naam=form.cleaned_data["naam"])
    if request.user.first_name:
        messages.success(request, _("Je naam is aangepast."))
    else:
        messages.success(request, _("Je naam is weggehaald."))
    return redirect("mijn_gegevens")


@login_required
def gegevens_downloaden(request):
    inhoud = json.dumps(gegevens_van(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(inhoud, content_type="application/json; charset=utf-8")
    datum = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mijn-zelfscan-gegevens-{datum}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_verwijderen(request):
    form = AccountVerwijderenForm(
        request.POST if request.method == "POST" else None, gebruiker=request.user
    )
    if request.method == "POST" and form.is_valid():
        services.verwijder_account(gebruiker=request.user)
        logout(request)
        messages.success(request, _("Je account en al je gegevens zijn verwijderd. Dank je wel."))
        return redirect("home")
    return render(request, "accounts/account_verwijderen.html", {"form": form})
