"""The one way a view finds a scan: only the owner's, 404 for anyone else."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from ..models import Scan


def scan_van(request, scan_id, *, met_vorige: bool = False) -> Scan:
    """The scan with this id if it belongs to the logged-in person; 404 for anyone else.
    `met_vorige` reads the scan it follows (and its profile version) in the same query."""
    gerelateerd = ["versie__profiel", "eigenaar"]
    if met_vorige:
        gerelateerd.append("vorige_scan__versie__profiel")
    return get_object_or_404(
        Scan.objects.select_related(*gerelateerd),
        pk=scan_id,
        eigenaar=request.user,
    )
