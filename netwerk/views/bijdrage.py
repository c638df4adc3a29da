"""What I share in a netwerk, per gebied; optionally pre-ticked from my own last scan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import services
from ..forms import BijdrageForm
from ..selectors import gebieden_van, suggestie_uit_laatste_scan
from .toegang import lidmaatschap_van


@login_required
@require_http_methods(["GET", "POST"])
def mijn_bijdrage(request, netwerk_id):
    lidmaatschap = lidmaatschap_van(request, netwerk_id)
    netwerk = lidmaatschap.netwerk
    gebieden = gebieden_van(netwerk.versie)
    initial = {
        "naam": lidmaatschap.naam,
        "functie": lidmaatschap.functie,
        **BijdrageForm.initial_uit(list(lidmaatschap.bijdragen.all()), gebieden),
    }
    suggestie = None
    if request.method == "GET" and request.GET.get("uit_scan"):
        # Only on this screen: pre-tick what the last scan suggests; nothing is saved.
        suggestie = suggestie_uit_laatste_scan(request.user, netwerk.versie)
        if suggestie is not None:
            for groep_id in suggestie.zet_in:
                initial[f"zet_in_{groep_id}"] = True
            for groep_id in suggestie.groeien:
                initial[f"groeien_{groep_id}"] = True
    form = BijdrageForm(
        request.POST if request.method == "POST" else None, gebieden=gebieden, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.bewaar_bijdrage(
                lidmaatschap=lidmaatschap,
                naam=form.cleaned_data["naam"],
                functie=form.cleaned_data["functie"],
                uitspraken=form.uitspraken(),
            )
        except services.NetwerkFout as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(
                request,
                _(
                    "Bewaard. Wat je met je naam deelt, staat nu op de kaart. Wat alleen "
                    "anoniem meetelt, komt in de tellingen bij de volgende dagstand."
                ),
            )
            return redirect("netwerk:kaart", netwerk_id=netwerk.pk)
    return render(
        request,
        "netwerk/bijdrage.html",
        {
            "form": form,
            "netwerk": netwerk,
            "uit_scan": request.GET.get("uit_scan") and request.method == "GET",
            "suggestie": suggestie,
        },
    )
