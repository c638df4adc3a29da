"""The map of a netwerk, on screen and as a praatplaat (PDF) for a team meeting. Both are
the same `Kaart`, which does not depend on who is looking."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from ..models import Dagstand
from ..selectors import bouw_kaart, is_beheerder
from .toegang import lidmaatschap_van


def _kaart(lidmaatschap):
    try:
        return bouw_kaart(lidmaatschap.netwerk)
    except (IntegrityError, Dagstand.DoesNotExist):
        # The netwerk was closed a moment ago, while its map was being read.
        raise Http404 from None


@login_required
def kaart(request, netwerk_id):
    lidmaatschap = lidmaatschap_van(request, netwerk_id)
    return render(
        request,
        "netwerk/kaart.html",
        {
            "kaart": _kaart(lidmaatschap),
            "lidmaatschap": lidmaatschap,
            "beheerder": is_beheerder(lidmaatschap),
            "eigen_bijdragen": lidmaatschap.heeft_bijdragen,
        },
    )


@login_required
def praatplaat(request, netwerk_id):
    # Imported here so WeasyPrint loads only when someone asks for a PDF.
    from ..praatplaat import bestandsnaam, praatplaat_pdf

    lidmaatschap = lidmaatschap_van(request, netwerk_id)
    kaart = _kaart(lidmaatschap)
    response = HttpResponse(
        praatplaat_pdf(kaart, taal=get_language()), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam(kaart)}"'
    response["Cache-Control"] = "private, no-store"
    return response
