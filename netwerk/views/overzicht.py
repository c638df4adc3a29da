"""Mijn netwerken: the netwerken someone is in, and making a new one."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from competentieprofiel.selectors import nieuwste_versies

from .. import services
from ..forms import NetwerkForm
from ..selectors import mijn_lidmaatschappen


@login_required
def mijn_netwerken(request):
    return render(
        request,
        "netwerk/mijn_netwerken.html",
        {"lidmaatschappen": mijn_lidmaatschappen(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def nieuw(request):
    versies = nieuwste_versies()
    if not versies:
        return render(request, "scans/geen_profiel.html", status=503)
    form = NetwerkForm(request.POST if request.method == "POST" else None, versies=versies)
    if request.method == "POST" and form.is_valid():
        netwerk = services.maak_netwerk(
            maker=request.user,
            naam=form.cleaned_data["naam"],
            beschrijving=form.cleaned_data["beschrijving"],
            versie=form.cleaned_data["versie"],
        )
        messages.success(
            request,
            _(
                "Je netwerk is klaar. Deel de link hieronder met de collega's die je wilt uitnodigen."
            ),
        )
        return redirect("netwerk:uitnodigen", netwerk_id=netwerk.pk)
    return render(
        request, "netwerk/nieuw.html", {"form": form, "minimum": settings.NETWERK_MINIMUM}
    )
