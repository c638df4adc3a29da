from django.conf import settings
from django.http import Http404
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render

from .selectors import groepen_met_items, huidige_versie, nieuwste_versies
from .taal import actieve_taal


def home(request):
    return render(request, "competentieprofiel/home.html", {"versie": huidige_versie()})


def profiel(request, sleutel: str | None = None):
    versie = huidige_versie(sleutel)
    if versie is None:
        raise Http404
    groepen = groepen_met_items(versie)
    taal = actieve_taal()
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
            "vertaling": versie.vertaling(taal),
            "alleen_brontaal": taal != versie.taal and not versie.vertaling(taal),
        },
    )


def csrf_mislukt(request, reason: str = ""):
    """CSRF_FAILURE_VIEW: the form's token is missing or stale, say so calmly in Dutch."""
    return render(
        request,
        "403_csrf.html",
        {"geen_cookie": reason == REASON_NO_CSRF_COOKIE},
        status=403,
    )


def inlog_geblokkeerd(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: too many wrong passwords for this account from this address,
    or from this address over many accounts (competentieprofiel.ratelimit)."""
    if getattr(request, "inlog_adres_geblokkeerd", False):
        minuten = settings.INLOG_ADRES_MINUTEN
        context = {"minuten": minuten, "per_adres": True}
    else:
        minuten = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        context = {"minuten": minuten}
    response = render(request, "lockout.html", context, status=429)
    response["Retry-After"] = str(minuten * 60)
    return response
