"""The one way a view finds a scan: only the owner's, 404 for anyone else."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from ..models import Scan


def scan_van(request, scan_id) -> Scan:
    """The scan with this id if it belongs to the logged-in person; 404 for anyone else."""
    return get_object_or_404(
        Scan.objects.select_related("versie__profiel", "eigenaar"),
        pk=scan_id,
        eigenaar=request.user,
    )
