"""The ontwikkelrapport on screen and as PDF, and two scans side by side."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from .. import services
from ..forms import PdfOnderdelenForm
from ..vergelijking import rapport_met_vorige, vergelijk
from .toegang import scan_van, twee_scans_van


@login_required
def rapport(request, scan_id):
    scan = scan_van(request, scan_id, met_vorige=True)
    rapport, vergelijking = rapport_met_vorige(scan)
    return render(
        request,
        "scans/rapport.html",
        {
            "rapport": rapport,
            "scan": scan,
            "vergelijking": vergelijking,
            "pdf_keuze": PdfOnderdelenForm(initial=scan.pdf_keuze()),
        },
    )


@login_required
def vergelijken(request, scan_id, ander_id):
    nu, eerder = twee_scans_van(request, scan_id, ander_id)
    return render(
        request,
        "scans/vergelijken.html",
        {"scan": nu, "vergelijking": vergelijk(eerder, nu)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def rapport_pdf(request, scan_id):
    """The ontwikkelrapport as a PDF download, also for an unfinished scan (a tussenstand)."""
    # Imported here so WeasyPrint loads only when someone asks for a PDF.
    from django.utils.translation import get_language

    from ..pdf import bestandsnaam, bewaarde_rapport_pdf

    scan = scan_van(request, scan_id, met_vorige=True, met_pdf=True)
    if request.method == "POST":
        # The form on the report page: remember what goes in, then download.
        keuze = PdfOnderdelenForm(request.POST)
        if keuze.is_valid():
            services.kies_pdf_onderdelen(scan=scan, onderdelen=keuze.cleaned_data)
    rapport, vergelijking = rapport_met_vorige(scan)
    pdf = bewaarde_rapport_pdf(
        scan,
        rapport,
        taal=get_language(),
        onderdelen=scan.pdf_keuze(),
        vergelijking=vergelijking,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam(rapport)}"'
    response["Cache-Control"] = "private, no-store"
    return response
