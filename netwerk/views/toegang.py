"""The one way a view finds a netwerk: through the visitor's own membership, 404 otherwise."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Bijdrage, Lidmaatschap
from ..selectors import is_beheerder


def lidmaatschap_van(request, netwerk_id) -> Lidmaatschap:
    """The visitor's membership of this netwerk; 404 for anyone who is not a member.
    Read in one query with who manages the netwerk (`eerste_lid`, for `is_beheerder`) and
    whether the visitor shared anything (`heeft_bijdragen`)."""
    eerste_lid = (
        Lidmaatschap.objects.filter(netwerk_id=OuterRef("netwerk_id"))
        .order_by("lid_sinds", "pk")
        .values("pk")[:1]
    )
    return get_object_or_404(
        Lidmaatschap.objects.select_related("netwerk__versie__profiel").annotate(
            eerste_lid=Subquery(eerste_lid),
            heeft_bijdragen=Exists(Bijdrage.objects.filter(lidmaatschap_id=OuterRef("pk"))),
        ),
        netwerk_id=netwerk_id,
        lid=request.user,
    )


def beheer_van(request, netwerk_id) -> Lidmaatschap:
    """As `lidmaatschap_van`, for what only the managing member may do; 404 for others."""
    lidmaatschap = lidmaatschap_van(request, netwerk_id)
    if not is_beheerder(lidmaatschap):
        raise Http404
    return lidmaatschap
