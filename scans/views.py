"""Thin views: find the person's own scan, let a form validate, call a service, render."""

from __future__ import annotations

import json
import uuid

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from competentieprofiel.models import Item
from competentieprofiel.selectors import groepen_met_items, huidige_versie, nieuwste_versies

from . import services
from .export import gegevens_van
from .forms import (
    LEEG,
    AccountVerwijderenForm,
    GesprekspuntenForm,
    LabelForm,
    LeerdoelFormSet,
    OpvolgingFormSet,
    PdfOnderdelenForm,
    RegistratieForm,
    StapForm,
    StartForm,
)
from .models import Scan, ScanGroep
from .rapport import bouw_rapport
from .stappen import (
    ITEMS,
    LABEL,
    LEERDOELEN,
    OPVOLGING,
    TERUGBLIK,
    Stap,
    geschatte_minuten,
    stappenplan,
)
from .vergelijking import sinds_vorige, vergelijk, vervolg_instellingen

VORIGE, VOLGENDE, LATER = "vorige", "volgende", "later"


def _scan_van(request, scan_id) -> Scan:
    """The scan with this id if it belongs to the logged-in person; 404 for anyone else."""
    return get_object_or_404(
        Scan.objects.select_related("versie__profiel", "eigenaar"),
        pk=scan_id,
        eigenaar=request.user,
    )


@require_http_methods(["GET", "POST"])
def registreren(request):
    if request.user.is_authenticated:
        return redirect("scans:mijn_scans")
    form = RegistratieForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            gebruiker = services.registreer(
                email=form.cleaned_data["email"],
                wachtwoord=form.cleaned_data["wachtwoord"],
                naam=form.cleaned_data["naam"],
            )
        except IntegrityError:  # the same address registered a moment ago, in another tab
            form.add_error("email", RegistratieForm.BESTAAT_AL)
            return render(request, "registration/registreren.html", {"form": form})
        login(request, gebruiker, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Welkom! Je account is klaar. Kies hieronder waar je over wilt nadenken.")
        )
        return redirect("scans:nieuw")
    return render(request, "registration/registreren.html", {"form": form})


@login_required
def mijn_scans(request):
    scans = (
        Scan.objects.filter(eigenaar=request.user)
        .select_related("versie")
        .prefetch_related(
            Prefetch("scangroepen", queryset=ScanGroep.objects.select_related("groep"))
        )
    )
    return render(request, "scans/mijn_scans.html", {"scans": scans})


def _vorige_scan(request) -> Scan | None:
    """The finished earlier scan a new one starts from (?vanaf=), owner only."""
    vanaf = request.POST.get("vanaf") or request.GET.get("vanaf")
    if not vanaf:
        return None
    try:
        scan_id = uuid.UUID(vanaf)
    except ValueError:
        raise Http404 from None
    return get_object_or_404(
        Scan.objects.select_related("versie__profiel"),
        pk=scan_id,
        eigenaar=request.user,
        status=Scan.Status.AFGEROND,
    )


@login_required
@require_http_methods(["GET", "POST"])
def nieuwe_scan(request):
    versies = nieuwste_versies()
    vorige = _vorige_scan(request)
    gekozen = request.POST.get("profiel") or request.GET.get("profiel")
    if not gekozen and vorige is not None:
        gekozen = vorige.versie.profiel.sleutel
    versie = next((v for v in versies if v.profiel.sleutel == gekozen), None) or huidige_versie()
    if versie is None:
        return render(request, "scans/geen_profiel.html", status=503)
    initial = vervolg_instellingen(vorige, versie) if vorige else None
    form = StartForm(
        request.POST if request.method == "POST" else None, versie=versie, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        scan = services.start_scan(
            eigenaar=request.user,
            versie=versie,
            gebieden=list(form.cleaned_data["gebieden"]),
            labels_aan=form.cleaned_data.get("labels_aan", False),
            functie=form.cleaned_data["functie"],
            sector=form.cleaned_data["sector"],
            vorige=vorige,
        )
        return redirect("scans:hervat", scan_id=scan.pk)
    groepen = groepen_met_items(versie)
    basis = [g for g in groepen if g.groep.is_basis]
    basis_items = sum(len(g.items) for g in basis)
    gebieden = [
        {
            "inhoud": g,
            "veld": next(w for w in form["gebieden"] if str(w.data["value"]) == str(g.groep.pk)),
            "aantal": len(g.items),
            "minuten": geschatte_minuten(basis_items + len(g.items)),
        }
        for g in groepen
        if not g.groep.is_basis
    ]
    eerdere = (
        []
        if vorige
        else list(
            Scan.objects.filter(eigenaar=request.user, status=Scan.Status.AFGEROND).select_related(
                "versie"
            )[:5]
        )
    )
    return render(
        request,
        "scans/start.html",
        {
            "form": form,
            "versie": versie,
            "versies": versies,
            "vorige": vorige,
            "vorige_leerdoelen": list(vorige.leerdoelen.all()) if vorige else [],
            "eerdere": eerdere,
            "basis": basis,
            "basis_items": basis_items,
            "basis_minuten": geschatte_minuten(basis_items),
            "alle_minuten": geschatte_minuten(sum(len(g.items) for g in groepen)),
            "gebieden": gebieden,
            "niveaus": list(versie.niveaus.all()),
        },
    )


@login_required
def hervat(request, scan_id):
    scan = _scan_van(request, scan_id)
    stap = stappenplan(scan).hervat(scan)
    return redirect("scans:stap", scan_id=scan.pk, stap=stap.sleutel)


@login_required
@require_http_methods(["GET", "POST"])
def stap(request, scan_id, stap: str):
    scan = _scan_van(request, scan_id)
    plan = stappenplan(scan)
    huidig = plan.zoek(stap)
    if huidig is None:
        raise Http404
    weergave = {
        OPVOLGING: _opvolgingstap,
        ITEMS: _itemstap,
        LABEL: _labelstap,
        TERUGBLIK: _terugblik,
        LEERDOELEN: _leerdoelen,
    }
    try:
        return weergave[huidig.soort](request, scan, plan, huidig)
    except IntegrityError:
        # The scan was deleted while this step was being saved (for instance in another tab).
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
    items = list(Item.objects.filter(pk__in=huidig.item_ids).order_by("volgorde"))
    opties = list(scan.versie.schaalopties.all())
    bestaand = {}
    if request.method == "POST":
        form = StapForm(request.POST, items=items, opties=opties)
        if form.is_valid():
            actie, doel = _waarheen(request, plan, huidig)
            per_sleutel = {o.sleutel: o.pk for o in opties}
            keuzes = [
                services.ItemKeuze(
                    item_id=item.pk,
                    optie_id=per_sleutel.get(form.cleaned_data[f"item_{item.pk}"]),
                    ontwikkelen=form.cleaned_data[f"ontwikkelen_{item.pk}"],
                )
                for item in items
                if form.ingevuld(item)
            ]
            services.bewaar_itemstap(
                scan=scan,
                stap=huidig,
                keuzes=keuzes,
                notitie=form.cleaned_data["notitie"] if "notitie" in request.POST else None,
                volgende=(doel or huidig).sleutel,
            )
            return _na_opslaan(request, scan, actie, doel)
    else:
        bestaand = {a.item_id: a for a in scan.antwoorden.filter(item_id__in=huidig.item_ids)}
        notitie = scan.notities.filter(groep=huidig.groep, categorie=huidig.categorie).first()
        initial = {"notitie": notitie.tekst if notitie else ""}
        opties_per_id = {o.pk: o.sleutel for o in opties}
        for item in items:
            antwoord = bestaand.get(item.pk)
            initial[f"item_{item.pk}"] = (
                opties_per_id.get(antwoord.optie_id, LEEG) if antwoord else LEEG
            )
            initial[f"ontwikkelen_{item.pk}"] = bool(antwoord and antwoord.ontwikkelen)
        form = StapForm(initial=initial, items=items, opties=opties)
    eerste_itemstap = next(s for s in plan if s.soort == ITEMS)
    eerste_keer = eerste_itemstap.sleutel == huidig.sleutel and not bestaand
    return render(
        request,
        "scans/stap.html",
        _context(
            scan,
            plan,
            huidig,
            form=form,
            rijen=[form.rij(item) for item in items],
            buiten_rol={o.sleutel for o in opties if o.buiten_rol},
            aantal_items=sum(len(s.item_ids) for s in plan),
            minuten=geschatte_minuten(sum(len(s.item_ids) for s in plan)),
            eerste_keer=eerste_keer,
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
    niveaus = list(scan.versie.niveaus.all())
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


def _terugblik(request, scan, plan, huidig: Stap):
    if request.method == "POST":
        actie, doel = _waarheen(request, plan, huidig)
        services.ga_naar(scan=scan, stap=(doel or huidig).sleutel)
        return _na_opslaan(request, scan, actie, doel)
    return render(
        request,
        "scans/terugblik.html",
        _context(scan, plan, huidig, rapport=bouw_rapport(scan)),
    )


def _leerdoelen(request, scan, plan, huidig: Stap):
    if request.method == "POST":
        formset = LeerdoelFormSet(request.POST, prefix="leerdoel")
        gesprek = GesprekspuntenForm(request.POST)
        if formset.is_valid() and gesprek.is_valid():
            actie, doel = _waarheen(request, plan, huidig)
            services.bewaar_leerdoelen(
                scan=scan,
                leerdoelen=[f.cleaned_data for f in formset.forms],
                gesprekspunten=gesprek.cleaned_data["gesprekspunten"],
                volgende=(doel or huidig).sleutel,
            )
            return _na_opslaan(request, scan, actie, doel)
    else:
        bestaande = [
            {
                "wat": d.wat,
                "waarom": d.waarom,
                "eerste_stap": d.eerste_stap,
                "hulp": d.hulp,
                "wanneer": d.wanneer,
            }
            for d in scan.leerdoelen.all()
        ]
        formset = LeerdoelFormSet(initial=bestaande, prefix="leerdoel")
        gesprek = GesprekspuntenForm(initial={"gesprekspunten": scan.gesprekspunten})
    rapport = bouw_rapport(scan)
    return render(
        request,
        "scans/leerdoelen.html",
        _context(
            scan,
            plan,
            huidig,
            formset=formset,
            gesprek=gesprek,
            rapport=rapport,
        ),
    )


@login_required
def rapport(request, scan_id):
    scan = _scan_van(request, scan_id)
    rapport = bouw_rapport(scan)
    return render(
        request,
        "scans/rapport.html",
        {
            "rapport": rapport,
            "scan": scan,
            "vergelijking": sinds_vorige(scan, rapport),
            "pdf_keuze": PdfOnderdelenForm(initial=scan.pdf_keuze()),
        },
    )


@login_required
def vergelijken(request, scan_id, ander_id):
    nu = _scan_van(request, scan_id)
    eerder = _scan_van(request, ander_id)
    return render(
        request,
        "scans/vergelijken.html",
        {"scan": nu, "vergelijking": vergelijk(eerder, nu)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def verwijderen(request, scan_id):
    scan = _scan_van(request, scan_id)
    if request.method == "POST":
        services.verwijder_scan(scan=scan)
        messages.success(request, _("Je scan is verwijderd, met alles wat erin stond."))
        return redirect("scans:mijn_scans")
    return render(request, "scans/verwijderen.html", {"scan": scan})


@login_required
def mijn_gegevens(request):
    return render(request, "scans/mijn_gegevens.html", {"aantal_scans": request.user.scans.count()})


@login_required
def gegevens_downloaden(request):
    inhoud = json.dumps(gegevens_van(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(inhoud, content_type="application/json; charset=utf-8")
    datum = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mijn-zelfscan-gegevens-{datum}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_verwijderen(request):
    form = AccountVerwijderenForm(
        request.POST if request.method == "POST" else None, gebruiker=request.user
    )
    if request.method == "POST" and form.is_valid():
        services.verwijder_account(gebruiker=request.user)
        logout(request)
        messages.success(request, _("Je account en al je gegevens zijn verwijderd. Dank je wel."))
        return redirect("home")
    return render(request, "scans/account_verwijderen.html", {"form": form})


def privacy(request):
    return render(request, "scans/privacy.html")


@login_required
@require_http_methods(["GET", "POST"])
def rapport_pdf(request, scan_id):
    """The ontwikkelrapport as a PDF download, also for an unfinished scan (a tussenstand)."""
    # Imported here so WeasyPrint loads only when someone asks for a PDF.
    from django.http import HttpResponse
    from django.utils.translation import get_language

    from .pdf import bestandsnaam
    from .pdf import rapport_pdf as maak_pdf

    scan = _scan_van(request, scan_id)
    if request.method == "POST":
        # The form on the report page: remember what goes in, then download.
        keuze = PdfOnderdelenForm(request.POST)
        if keuze.is_valid():
            services.kies_pdf_onderdelen(scan=scan, onderdelen=keuze.cleaned_data)
    rapport = bouw_rapport(scan)
    pdf = maak_pdf(
        rapport,
        taal=get_language(),
        onderdelen=scan.pdf_keuze(),
        vergelijking=sinds_vorige(scan, rapport),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam(rapport)}"'
    response["Cache-Control"] = "private, no-store"
    return response


def toegankelijkheid(request):
    """The accessibility statement, with the hosting institution's contact if configured."""
    from django.conf import settings

    return render(
        request,
        "toegankelijkheid.html",
        {"contact_email": settings.ZELFSCAN_CONTACT_EMAIL},
    )
