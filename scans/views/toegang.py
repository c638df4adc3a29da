"""The one way a view finds a scan: only the owner's, 404 for anyone else."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Scan


def scan_van(request, scan_id, *, met_vorige: bool = False, met_pdf: bool = False) -> Scan:
    """The scan with this id if it belongs to the logged-in person; 404 for anyone else.
    `met_vorige` reads the scan it follows (and its profile version) in the same query,
    `met_pdf` its stored PDF (models.RapportPdf). The owner is the visitor, so the user is
    not read again."""
    gerelateerd = ["versie__profiel"]
    if met_vorige:
        gerelateerd.append("vorige_scan__versie__profiel")
    if met_pdf:
        gerelateerd.append("bewaarde_pdf")
    scan = get_object_or_404(
        Scan.objects.select_related(*gerelateerd),
        pk=scan_id,
        eigenaar=request.user,
    )
    scan.eigenaar = request.user
    return scan


def twee_scans_van(request, scan_id, ander_id) -> tuple[Scan, Scan]:
    """Two scans of the logged-in person, read in one query; 404 if either is not theirs."""
    scans = {
        s.pk: s
        for s in Scan.objects.select_related("versie__profiel").filter(
            pk__in=[scan_id, ander_id], eigenaar=request.user
        )
    }
    if scan_id not in scans or ander_id not in scans:
        raise Http404
    for scan in scans.values():
        scan.eigenaar = request.user
    return scans[scan_id], scans[ander_id]
