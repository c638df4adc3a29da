"""A person's part of "Download al mijn gegevens": every netwerk they are in, with what they
share there. The accounts export adds this under `netwerken`; the format is in the README.

The invitation link is left out: it is the netwerk's key, not something about the person,
and an export file may end up anywhere.
"""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone

from .models import Bijdrage, Lidmaatschap


def _tijd(waarde):
    return timezone.localtime(waarde).isoformat() if waarde else None


def netwerken_van(gebruiker) -> list[dict]:
    """Every membership with its netwerk and statements, oldest first (2 queries)."""
    eerste_lid = (
        Lidmaatschap.objects.filter(netwerk=OuterRef("netwerk"))
        .order_by("lid_sinds", "pk")
        .values("pk")[:1]
    )
    lidmaatschappen = list(
        Lidmaatschap.objects.filter(lid=gebruiker)
        .annotate(eerste_lid=Subquery(eerste_lid))
        .select_related("netwerk__versie__profiel")
        .prefetch_related(
            Prefetch(
                "bijdragen",
                queryset=Bijdrage.objects.select_related("groep").order_by("groep__volgorde"),
            )
        )
        .order_by("lid_sinds", "pk")
    )
    return [
        {
            "netwerk": {
                "id": str(lm.netwerk_id),
                "naam": lm.netwerk.naam,
                "beschrijving": lm.netwerk.beschrijving,
                "profiel": {
                    "sleutel": lm.netwerk.versie.profiel.sleutel,
                    "titel": lm.netwerk.versie.titel,
                    "versie": lm.netwerk.versie.nummer,
                },
                "aangemaakt_op": _tijd(lm.netwerk.aangemaakt_op),
            },
            "lid_sinds": _tijd(lm.lid_sinds),
            "beheer": lm.eerste_lid == lm.pk,
            "naam": lm.naam,
            "functie": lm.functie,
            "bijdragen": [
                {
                    "gebied": b.groep.sleutel,
                    "titel": b.groep.titel,
                    "zet_in": b.zet_in,
                    "zet_in_met_naam": b.zet_in and b.zet_in_met_naam,
                    "groeien": b.groeien,
                    "groeien_met_naam": b.groeien and b.groeien_met_naam,
                    "benader": b.benader,
                    "bijgewerkt_op": _tijd(b.bijgewerkt_op),
                }
                for b in lm.bijdragen.all()
            ],
        }
        for lm in lidmaatschappen
    ]
