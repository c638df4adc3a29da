"""Mijn scans: the list, starting a new scan (also from an earlier one), resuming, deleting."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from competentieprofiel.inhoud import versie_inhoud
from competentieprofiel.selectors import groepen_met_items, huidige_versie, nieuwste_versies
from competentieprofiel.taal import actieve_taal

from .. import services
from ..forms import StartForm
from ..models import Scan, ScanGroep
from ..stappen import geschatte_minuten_voor, stappenplan
from ..vergelijking import vervolg_instellingen
from .toegang import scan_van


@login_required
def mijn_scans(request):
    scans = (
        Scan.objects.filter(eigenaar=request.user)
        .select_related("versie")
        .prefetch_related(
            Prefetch("scangroepen", queryset=ScanGroep.objects.select_related("groep"))
        )
    )
    return render(request, "scans/mijn_scans.html", {"scans": scans})


def _vorige_scan(request) -> Scan | None:
    """The finished earlier scan a new one starts from (?vanaf=), owner only."""
    vanaf = request.POST.get("vanaf") or request.GET.get("vanaf")
    if not vanaf:
        return None
    try:
        scan_id = uuid.UUID(vanaf)
    except ValueError:
        raise Http404 from None
    return get_object_or_404(
        Scan.objects.select_related("versie__profiel"),
        pk=scan_id,
        eigenaar=request.user,
        status=Scan.Status.AFGEROND,
    )


@login_required
@require_http_methods(["GET", "POST"])
def nieuwe_scan(request):
    versies = nieuwste_versies()
    vorige = _vorige_scan(request)
    gekozen = request.POST.get("profiel") or request.GET.get("profiel")
    if not gekozen and vorige is not None:
        gekozen = vorige.versie.profiel.sleutel
    versie = next((v for v in versies if v.profiel.sleutel == gekozen), None) or huidige_versie()
    if versie is None:
        return render(request, "scans/geen_profiel.html", status=503)
    initial = vervolg_instellingen(vorige, versie) if vorige else None
    niveaus = list(versie_inhoud(versie).niveaus)
    form = StartForm(
        request.POST if request.method == "POST" else None,
        versie=versie,
        vervolg=vorige is not None,
        heeft_labels=bool(niveaus),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        scan = services.start_scan(
            eigenaar=request.user,
            versie=versie,
            gebieden=list(form.cleaned_data["gebieden"]),
            labels_aan=form.cleaned_data.get("labels_aan", False),
            functie=form.cleaned_data["functie"],
            sector=form.cleaned_data["sector"],
            vorige=vorige,
            antwoorden_meenemen=form.cleaned_data.get("antwoorden_meenemen", False),
        )
        return redirect("scans:hervat", scan_id=scan.pk)
    groepen = groepen_met_items(versie)
    basis = [g for g in groepen if g.groep.is_basis]
    gebieden = [
        {
            "inhoud": g,
            "veld": next(w for w in form["gebieden"] if str(w.data["value"]) == str(g.groep.pk)),
            "aantal": len(g.items),
            "minuten": geschatte_minuten_voor([*basis, g]),
        }
        for g in groepen
        if not g.groep.is_basis
    ]
    eerdere = (
        []
        if vorige
        else list(
            Scan.objects.filter(eigenaar=request.user, status=Scan.Status.AFGEROND).select_related(
                "versie"
            )[:5]
        )
    )
    return render(
        request,
        "scans/start.html",
        {
            "form": form,
            "versie": versie,
            "vertaling": versie.vertaling(actieve_taal()),
            "alleen_brontaal": actieve_taal() != versie.taal
            and not versie.vertaling(actieve_taal()),
            "versies": versies,
            "vorige": vorige,
            "vorige_leerdoelen": list(vorige.leerdoelen.all()) if vorige else [],
            "eerdere": eerdere,
            "basis": basis,
            "basis_minuten": geschatte_minuten_voor(basis),
            "gebieden": gebieden,
            "niveaus": niveaus,
        },
    )


@login_required
def hervat(request, scan_id):
    scan = scan_van(request, scan_id)
    stap = stappenplan(scan).hervat(scan)
    return redirect("scans:stap", scan_id=scan.pk, stap=stap.sleutel)


@login_required
@require_http_methods(["GET", "POST"])
def verwijderen(request, scan_id):
    scan = scan_van(request, scan_id)
    if request.method == "POST":
        services.verwijder_scan(scan=scan)
        messages.success(request, _("Je scan is verwijderd, met alles wat erin stond."))
        return redirect("scans:mijn_scans")
    return render(request, "scans/verwijderen.html", {"scan": scan})
