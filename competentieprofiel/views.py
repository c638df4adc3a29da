from django.http import Http404
from django.shortcuts import render

from .selectors import groepen_met_items, huidige_versie, nieuwste_versies


def home(request):
    return render(request, "competentieprofiel/home.html", {"versie": huidige_versie()})


def profiel(request, sleutel: str | None = None):
    versie = huidige_versie(sleutel)
    if versie is None:
        raise Http404
    groepen = groepen_met_items(versie)
    return render(
        request,
        "competentieprofiel/profiel.html",
        {
            "versie": versie,
            "basis": [g for g in groepen if g.groep.is_basis],
            "gebieden": [g for g in groepen if not g.groep.is_basis],
            "schaalopties": list(versie.schaalopties.all()),
            "niveaus": list(versie.niveaus.all()),
            "andere_versies": [v for v in nieuwste_versies() if v.pk != versie.pk],
        },
    )
