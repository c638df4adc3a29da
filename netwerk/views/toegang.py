"""The one way a view finds a netwerk: through the visitor's own membership, 404 otherwise."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Lidmaatschap
from ..selectors import is_beheerder


def lidmaatschap_van(request, netwerk_id) -> Lidmaatschap:
    """The visitor's membership of this netwerk; 404 for anyone who is not a member."""
    return get_object_or_404(
        Lidmaatschap.objects.select_related("netwerk__versie__profiel"),
        netwerk_id=netwerk_id,
        lid=request.user,
    )


def beheer_van(request, netwerk_id) -> Lidmaatschap:
    """As `lidmaatschap_van`, for what only the managing member may do; 404 for others."""
    lidmaatschap = lidmaatschap_van(request, netwerk_id)
    if not is_beheerder(lidmaatschap):
        raise Http404
    return lidmaatschap
