"""Being in a netwerk: joining by invitation after reading what is shared, the invitation
link and its renewal, leaving, and closing the netwerk."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import services
from ..models import Lidmaatschap
from ..selectors import is_beheerder, netwerk_bij_uitnodiging
from .toegang import beheer_van, lidmaatschap_van


def _ongeldig(request):
    return render(request, "netwerk/uitnodiging_ongeldig.html", status=404)


@login_required
@require_http_methods(["GET", "POST"])
def doe_mee(request, uitnodiging):
    netwerk = netwerk_bij_uitnodiging(uitnodiging)
    if netwerk is None:
        return _ongeldig(request)
    if Lidmaatschap.objects.filter(netwerk=netwerk, lid=request.user).exists():
        return redirect("netwerk:kaart", netwerk_id=netwerk.pk)
    if request.method == "POST":
        try:
            services.doe_mee(netwerk=netwerk, gebruiker=request.user)
        except IntegrityError:  # the netwerk was closed a moment ago
            return _ongeldig(request)
        messages.success(
            request,
            _("Welkom in het netwerk. Kies hieronder wat je wilt delen; alles is optioneel."),
        )
        return redirect("netwerk:bijdrage", netwerk_id=netwerk.pk)
    return render(
        request,
        "netwerk/doe_mee.html",
        {"netwerk": netwerk, "minimum": settings.NETWERK_MINIMUM},
    )


@login_required
def uitnodigen(request, netwerk_id):
    lidmaatschap = lidmaatschap_van(request, netwerk_id)
    netwerk = lidmaatschap.netwerk
    link = request.build_absolute_uri(reverse("netwerk:doe_mee", args=[netwerk.uitnodiging]))
    return render(
        request,
        "netwerk/uitnodigen.html",
        {"netwerk": netwerk, "link": link, "beheerder": is_beheerder(lidmaatschap)},
    )


@login_required
def vernieuwen(request, netwerk_id):
    lidmaatschap = beheer_van(request, netwerk_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.vernieuw_uitnodiging(lidmaatschap=lidmaatschap)
    messages.success(request, _("Er is een nieuwe link. De oude werkt niet meer."))
    return redirect("netwerk:uitnodigen", netwerk_id=lidmaatschap.netwerk_id)


@login_required
@require_http_methods(["GET", "POST"])
def verlaten(request, netwerk_id):
    lidmaatschap = lidmaatschap_van(request, netwerk_id)
    if request.method == "POST":
        naam = lidmaatschap.netwerk.naam
        services.verlaat(lidmaatschap=lidmaatschap)
        messages.success(
            request,
            _("Je bent uit %(netwerk)s. Wat je er deelde, is verwijderd.") % {"netwerk": naam},
        )
        return redirect("netwerk:mijn_netwerken")
    return render(
        request,
        "netwerk/verlaten.html",
        {"netwerk": lidmaatschap.netwerk, "beheerder": is_beheerder(lidmaatschap)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def sluiten(request, netwerk_id):
    lidmaatschap = beheer_van(request, netwerk_id)
    if request.method == "POST":
        naam = lidmaatschap.netwerk.naam
        services.sluit(lidmaatschap=lidmaatschap)
        messages.success(
            request,
            _("%(netwerk)s is gesloten en met alles erin verwijderd.") % {"netwerk": naam},
        )
        return redirect("netwerk:mijn_netwerken")
    return render(request, "netwerk/sluiten.html", {"netwerk": lidmaatschap.netwerk})
