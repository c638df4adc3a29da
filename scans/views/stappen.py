"""The steps of a scan: every button saves, then goes where the person asked."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from competentieprofiel.inhoud import versie_inhoud
from competentieprofiel.templatetags.profieltaal import vertaald

from .. import services
from ..forms import (
    LEEG,
    GesprekspuntenForm,
    LabelForm,
    LeerdoelFormSet,
    OpvolgingFormSet,
    StapForm,
    item_id_uit,
)
from ..models import Scan
from ..stappen import (
    ITEMS,
    LABEL,
    LEERDOELEN,
    OPVOLGING,
    Stap,
    geschatte_minuten_plan,
    stappenplan,
)
from ..terugblik import bouw_terugblik
from .toegang import scan_van

VORIGE, VOLGENDE, LATER = "vorige", "volgende", "later"


@login_required
@require_http_methods(["GET", "POST"])
def stap(request, scan_id, stap: str):
    scan = scan_van(request, scan_id)
    plan = stappenplan(scan)
    huidig = plan.zoek(stap)
    if huidig is None:
        # A step that is gone (an old tab or bookmark): on to the one that replaced it;
        # such a step had nothing to save.
        vervangen = plan.vervangen(stap)
        if vervangen is None:
            raise Http404
        return redirect("scans:stap", scan_id=scan.pk, stap=vervangen.sleutel)
    weergave = {
        OPVOLGING: _opvolgingstap,
        ITEMS: _itemstap,
        LABEL: _labelstap,
        LEERDOELEN: _leerdoelen,
    }
    try:
        return weergave[huidig.soort](request, scan, plan, huidig)
    except services.ScanWeg as fout:
        messages.info(request, str(fout))
        return redirect("scans:mijn_scans")
    except IntegrityError:
        # Only a scan deleted mid-save (in another tab) may end here; anything else is a bug
        # that must not pass for "the scan is gone".
        if Scan.objects.filter(pk=scan.pk).exists():
            raise
        messages.info(request, _("Deze scan bestaat niet meer; er is niets opgeslagen."))
        return redirect("scans:mijn_scans")


def _waarheen(request, plan, huidig: Stap) -> tuple[str, Stap | None]:
    actie = request.POST.get("actie", VOLGENDE)
    if actie == VORIGE:
        doel = plan.vorige(huidig) or huidig
        return VORIGE, doel
    if actie == LATER:
        return LATER, huidig
    return VOLGENDE, plan.volgende(huidig)


def _na_opslaan(request, scan: Scan, actie: str, doel: Stap | None):
    if actie == LATER:
        messages.success(
            request,
            _("Je antwoorden zijn bewaard. Als je terugkomt, ga je verder waar je was."),
        )
        return redirect("scans:mijn_scans")
    if doel is None:
        services.rond_af(scan=scan)
        return redirect("scans:rapport", scan_id=scan.pk)
    return redirect("scans:stap", scan_id=scan.pk, stap=doel.sleutel)


def _gekozen(plan) -> str:
    """'Basiscompetenties en coach': the chosen groups by role name (else title), each in
    the page's language where translated and otherwise marked with its own."""
    namen = dict.fromkeys(vertaald(s.groep, s.groep.naamveld) for s in plan if s.groep)
    en = conditional_escape(pgettext("de laatste twee in een opsomming", "en"))
    return mark_safe(get_text_list(list(namen), en))


def _context(scan, plan, huidig, **extra):
    return {
        "scan": scan,
        "plan": plan,
        "stap": huidig,
        "vorige": plan.vorige(huidig),
        "volgende": plan.volgende(huidig),
        **extra,
    }


def _itemstap(request, scan, plan, huidig: Stap):
    inhoud = versie_inhoud(scan.versie)
    items = inhoud.items_van(huidig.item_ids)
    opties = list(inhoud.opties)
    bestaand = {}
    if request.method == "POST":
        form = StapForm(request.POST, items=items, opties=opties)
        if form.is_valid():
            actie, doel = _waarheen(request, plan, huidig)
            per_sleutel = {o.sleutel: o.pk for o in opties}
            keuzes = []
            for item in items:
                getoond = form.getoond(item)
                if getoond is None and not form.ingevuld(item):
                    continue
                keuzes.append(
                    services.ItemKeuze(
                        item_id=item.pk,
                        optie_id=per_sleutel.get(form.cleaned_data[f"item_{item.pk}"]),
                        ontwikkelen=form.cleaned_data[f"ontwikkelen_{item.pk}"],
                        getoond=None
                        if getoond is None
                        else (per_sleutel.get(getoond[0]), getoond[1]),
                    )
                )
            opgeslagen = services.bewaar_itemstap(
                scan=scan,
                stap=huidig,
                keuzes=keuzes,
                notitie=form.cleaned_data["notitie"] if "notitie" in request.POST else None,
                getoonde_notitie=form.getoonde_notitie(),
                volgende=(doel or huidig).sleutel,
            )
            if opgeslagen.notitie_samengevoegd:
                services.ga_naar(scan=scan, stap=huidig.sleutel)
                messages.info(
                    request,
                    _(
                        "Je notitie was intussen ook in een ander venster veranderd; "
                        "beide teksten staan er nu, de nieuwste bovenaan."
                    ),
                )
                return redirect("scans:stap", scan_id=scan.pk, stap=huidig.sleutel)
            return _na_opslaan(request, scan, actie, doel)
    else:
        # Plain rows: (option, wish) per statement, and the note's text.
        bestaand = {
            item_id: (optie_id, ontwikkelen)
            for item_id, optie_id, ontwikkelen in scan.antwoorden.filter(
                item_id__in=huidig.item_ids
            ).values_list("item_id", "optie_id", "ontwikkelen")
        }
        notitie = scan.notities.filter(
            groep_id=huidig.groep.pk, categorie_id=huidig.categorie.pk
        ).values_list("tekst", flat=True)[:1]
        initial = {"notitie": notitie[0] if notitie else ""}
        opties_per_id = {o.pk: o.sleutel for o in opties}
        for item in items:
            optie_id, ontwikkelen = bestaand.get(item.pk, (None, False))
            initial[f"item_{item.pk}"] = opties_per_id.get(optie_id, LEEG)
            initial[f"ontwikkelen_{item.pk}"] = bool(ontwikkelen)
            initial[f"getoond_item_{item.pk}"] = initial[f"item_{item.pk}"]
            initial[f"getoond_ontwikkelen_{item.pk}"] = (
                "1" if initial[f"ontwikkelen_{item.pk}"] else ""
            )
        initial["getoond_notitie"] = initial["notitie"]
        form = StapForm(initial=initial, items=items, opties=opties)
    eerste_itemstap = next(s for s in plan if s.soort == ITEMS)
    eerste_keer = eerste_itemstap.sleutel == huidig.sleutel and not bestaand
    # With more than one gebied, the first step says what the scan holds and its time: the
    # start page gave the time per gebied only (with one, it said this already).
    inleiding = {}
    if eerste_keer and len({s.groep.pk for s in plan if s.groep and not s.groep.is_basis}) > 1:
        inleiding = {
            "aantal_items": sum(len(s.item_ids) for s in plan),
            "minuten": geschatte_minuten_plan(plan, inhoud.items),
            "gekozen": _gekozen(plan),
        }
    return render(
        request,
        "scans/stap.html",
        _context(
            scan,
            plan,
            huidig,
            form=form,
            rijen=form.rijen(),
            ontwikkelen_label=_("Hier wil ik me verder in ontwikkelen"),
            eerste_keer=eerste_keer,
            eerste_van_groep=plan.eerste_van_groep(huidig),
            **inleiding,
        ),
    )


def _opvolgingstap(request, scan, plan, huidig: Stap):
    opvolgingen = list(scan.opvolgingen.all())
    if request.method == "POST":
        formset = OpvolgingFormSet(request.POST, prefix="opvolging")
        if formset.is_valid():
            actie, doel = _waarheen(request, plan, huidig)
            services.bewaar_opvolging(
                scan=scan,
                opvolgingen=[
                    services.Opvolging(
                        o.volgorde, f.cleaned_data["status"], f.cleaned_data["notitie"]
                    )
                    for o, f in zip(opvolgingen, formset.forms, strict=False)
                ],
                volgende=(doel or huidig).sleutel,
            )
            return _na_opslaan(request, scan, actie, doel)
    else:
        formset = OpvolgingFormSet(
            initial=[{"status": o.status, "notitie": o.notitie} for o in opvolgingen],
            prefix="opvolging",
        )
    return render(
        request,
        "scans/opvolging.html",
        _context(
            scan,
            plan,
            huidig,
            rijen=list(zip(opvolgingen, formset.forms, strict=False)),
            formset=formset,
        ),
    )


def _labelstap(request, scan, plan, huidig: Stap):
    niveaus = list(versie_inhoud(scan.versie).niveaus)
    if request.method == "POST":
        form = LabelForm(request.POST, niveaus=niveaus)
        if form.is_valid():
            actie, doel = _waarheen(request, plan, huidig)
            services.bewaar_label(
                scan=scan,
                stap=huidig,
                niveau=form.gekozen_niveau(),
                volgende=(doel or huidig).sleutel,
            )
            return _na_opslaan(request, scan, actie, doel)
    else:
        sg = huidig.scangroep
        gekozen = sg.niveau.sleutel if sg.niveau else (LEEG if sg.label_gekozen else None)
        form = LabelForm(initial={"niveau": gekozen}, niveaus=niveaus)
    return render(
        request,
        "scans/label.html",
        _context(scan, plan, huidig, form=form, niveaus=niveaus),
    )


UIT_WENS = "leerdoel_uit_wens"  # the session key: the leerdoel a wish just filled


def _leerdoelen(request, scan, plan, huidig: Stap):
    """The leerdoelen, below a look back at the answers. Each wish has a button that saves
    what is typed and makes the wish a leerdoel (no JavaScript needed)."""
    if request.method == "POST":
        wens = _wens_id(request, plan)
        formset = LeerdoelFormSet(
            request.POST, prefix="leerdoel", wens_plek=_wens_plek(request, wens)
        )
        gesprek = GesprekspuntenForm(request.POST)
        if formset.is_valid() and gesprek.is_valid():
            actie, doel = _waarheen(request, plan, huidig)
            if wens is not None:
                doel = huidig
            uit = services.bewaar_leerdoelen(
                scan=scan,
                leerdoelen=[
                    {**f.cleaned_data, "item_id": f.cleaned_data.get("item")} for f in formset.forms
                ],
                gesprekspunten=gesprek.cleaned_data["gesprekspunten"],
                volgende=(doel or huidig).sleutel,
                uit_wens=wens,
            )
            if wens is not None:
                return _terug_bij_wens(request, scan, huidig, uit)
            return _na_opslaan(request, scan, actie, doel)
        leerdoelen = list(scan.leerdoelen.all())
    else:
        leerdoelen = list(scan.leerdoelen.all())
        formset = LeerdoelFormSet(
            initial=[
                {veld: getattr(d, veld) for veld in services.LEERDOELVELDEN}
                | {"item": d.item_id or ""}
                for d in leerdoelen
            ],
            prefix="leerdoel",
        )
        gesprek = GesprekspuntenForm(initial={"gesprekspunten": scan.gesprekspunten})
    uit_wens = request.session.pop(UIT_WENS, None) if request.method == "GET" else None
    # The first place and every filled-in one are open; the empty others wait under "nog
    # een leerdoel", so the page asks for one at a time.
    open_, dicht = [], []
    for nummer, f in enumerate(formset.forms, start=1):
        (dicht if nummer > 1 and f.leeg and not f.errors else open_).append((nummer, f))
    return render(
        request,
        "scans/leerdoelen.html",
        _context(
            scan,
            plan,
            huidig,
            formset=formset,
            gesprek=gesprek,
            terugblik=bouw_terugblik(scan, plan, leerdoelen),
            leerdoelen_open=open_,
            leerdoelen_dicht=dicht,
            uit_wens=uit_wens,
        ),
    )


def _wens_id(request, plan) -> int | None:
    """The statement whose "maak er een leerdoel van" button was pressed, if it is one of
    this scan's."""
    item_id = item_id_uit(request.POST.get("uit_wens"))
    return item_id if item_id is not None and any(item_id in s.item_ids for s in plan) else None


def _wens_plek(request, wens: int | None) -> int | None:
    """The place the wish will fill: the first without a "wat" (perhaps with a first step
    typed already), unless the wish is a leerdoel on this page already."""
    if wens is None:
        return None
    plekken = range(services.MAX_LEERDOELEN)
    if any(request.POST.get(f"leerdoel-{i}-item") == str(wens) for i in plekken):
        return None
    return next((i for i in plekken if not request.POST.get(f"leerdoel-{i}-wat", "").strip()), None)


def _terug_bij_wens(request, scan, huidig: Stap, uit: services.UitWens | None):
    adres = reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": huidig.sleutel})
    if uit is None or uit.volgorde is None:
        messages.info(
            request,
            _(
                "Alles wat je schreef is bewaard. Er is geen plek meer vrij: je hebt al drie "
                "leerdoelen. Wil je deze wens toch kiezen? Maak dan een van de drie leeg, of "
                "schrijf de wens erbij."
            ),
        )
        return redirect(adres)  # at the top, where the message is
    if uit.nieuw:
        # Said in the leerdoel itself, where the page opens (not at the top).
        request.session[UIT_WENS] = uit.volgorde
    else:
        messages.info(
            request,
            _("Deze wens staat al bij leerdoel %(nummer)s.") % {"nummer": uit.volgorde},
        )
    return redirect(f"{adres}#leerdoel-{uit.volgorde}")
