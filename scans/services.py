"""Every write of a person's reflection: keyword-only functions, atomic where they touch
several rows. Views call these; forms only validate."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competentieprofiel.models import Groep, Niveau, ProfielVersie

from .models import Antwoord, Leerdoel, LeerdoelOpvolging, Notitie, RapportPdf, Scan, ScanGroep
from .stappen import Stap

MAX_LEERDOELEN = 3


class ScanFout(Exception):
    """A request that does not fit the scan; the message is Dutch and safe to show."""


@transaction.atomic
def start_scan(
    *,
    eigenaar,
    versie: ProfielVersie,
    gebieden: list[Groep],
    labels_aan: bool = False,
    functie: str = "",
    sector: str = "",
    vorige: Scan | None = None,
) -> Scan:
    """Start a scan on a version: its basis groups plus the chosen gebieden.

    With `vorige`, the new scan follows an earlier one of the same person: its answers are
    not copied (a fresh look), but its leerdoelen come along to reflect on.
    """
    if any(g.versie_id != versie.pk or g.is_basis for g in gebieden):
        raise ScanFout(_("Kies alleen competentiegebieden uit dit profiel."))
    if vorige is not None and vorige.eigenaar_id != eigenaar.pk:
        raise ScanFout(_("Je kunt alleen verder vanaf een eigen scan."))
    scan = Scan.objects.create(
        eigenaar=eigenaar,
        versie=versie,
        labels_aan=labels_aan,
        functie=functie.strip(),
        sector=sector,
        vorige_scan=vorige,
    )
    basis = list(versie.groepen.filter(soort=Groep.Soort.BASIS))
    ScanGroep.objects.bulk_create(ScanGroep(scan=scan, groep=g) for g in [*basis, *gebieden])
    if vorige is not None:
        LeerdoelOpvolging.objects.bulk_create(
            LeerdoelOpvolging(scan=scan, volgorde=d.volgorde, leerdoel=d.wat)
            for d in vorige.leerdoelen.all()
        )
    return scan


@dataclass(frozen=True)
class Opvolging:
    volgorde: int
    status: str
    notitie: str


@transaction.atomic
def bewaar_opvolging(*, scan: Scan, opvolgingen: list[Opvolging], volgende: str) -> None:
    """Store what became of each earlier leerdoel (bereikt, mee bezig, losgelaten, anders)."""
    for o in opvolgingen:
        LeerdoelOpvolging.objects.filter(scan=scan, volgorde=o.volgorde).update(
            status=o.status, notitie=o.notitie.strip()
        )
    _vergeet_pdf(scan)
    _ga_naar(scan, volgende)


@transaction.atomic
def kies_pdf_onderdelen(*, scan: Scan, onderdelen: dict[str, bool]) -> None:
    """Remember which optional sections the person wants in the PDF of this scan."""
    Scan.objects.filter(pk=scan.pk).update(pdf_onderdelen=onderdelen)
    scan.pdf_onderdelen = onderdelen


@dataclass(frozen=True)
class ItemKeuze:
    item_id: int
    optie_id: int | None
    ontwikkelen: bool


@transaction.atomic
def bewaar_itemstap(
    *, scan: Scan, stap: Stap, keuzes: list[ItemKeuze], notitie: str | None, volgende: str
) -> None:
    """Save what is on one step's page; items not on the page are left as they were.

    Saving is an upsert per item, so the same form posted twice, from an old tab or after
    the back button, ends in the answers of the last post and never in an error.
    """
    toegestaan = set(stap.item_ids)
    rijen = [
        Antwoord(scan=scan, item_id=k.item_id, optie_id=k.optie_id, ontwikkelen=k.ontwikkelen)
        for k in keuzes
        if k.item_id in toegestaan
    ]
    Antwoord.objects.bulk_create(
        rijen,
        update_conflicts=True,
        unique_fields=["scan", "item"],
        update_fields=["optie", "ontwikkelen", "bijgewerkt_op"],
    )
    if notitie is not None:
        Notitie.objects.bulk_create(
            [Notitie(scan=scan, groep=stap.groep, categorie=stap.categorie, tekst=notitie.strip())],
            update_conflicts=True,
            unique_fields=["scan", "groep", "categorie"],
            update_fields=["tekst", "bijgewerkt_op"],
        )
    _vergeet_pdf(scan)
    _ga_naar(scan, volgende)


@transaction.atomic
def bewaar_label(*, scan: Scan, stap: Stap, niveau: Niveau | None, volgende: str) -> None:
    """Store the label the person chose for a gebied, or that they chose none."""
    if niveau is not None and niveau.versie_id != scan.versie_id:
        raise ScanFout(_("Dit label hoort niet bij dit profiel."))
    ScanGroep.objects.filter(pk=stap.scangroep.pk, scan=scan).update(
        niveau=niveau, label_gekozen=True
    )
    _vergeet_pdf(scan)
    _ga_naar(scan, volgende)


@transaction.atomic
def bewaar_leerdoelen(
    *, scan: Scan, leerdoelen: list[dict], gesprekspunten: str, volgende: str
) -> None:
    """Replace the scan's leerdoelen with the filled-in ones (at most three), in order."""
    gevuld = [d for d in leerdoelen if (d.get("wat") or "").strip()][:MAX_LEERDOELEN]
    Leerdoel.objects.filter(scan=scan).delete()
    Leerdoel.objects.bulk_create(
        Leerdoel(
            scan=scan,
            volgorde=i,
            wat=d["wat"].strip(),
            waarom=(d.get("waarom") or "").strip(),
            eerste_stap=(d.get("eerste_stap") or "").strip(),
            hulp=(d.get("hulp") or "").strip(),
            wanneer=(d.get("wanneer") or "").strip(),
        )
        for i, d in enumerate(gevuld, start=1)
    )
    Scan.objects.filter(pk=scan.pk).update(gesprekspunten=gesprekspunten.strip())
    scan.gesprekspunten = gesprekspunten.strip()
    _vergeet_pdf(scan)
    _ga_naar(scan, volgende)


def _vergeet_pdf(scan: Scan) -> None:
    """The scan changed: its stored PDF (scans.pdf.bewaarde_rapport_pdf) is gone with it."""
    RapportPdf.objects.filter(scan_id=scan.pk).delete()


def ga_naar(*, scan: Scan, stap: str) -> None:
    """Remember where the person is, so "later verder" resumes exactly there."""
    _ga_naar(scan, stap)


def _ga_naar(scan: Scan, stap: str) -> None:
    Scan.objects.filter(pk=scan.pk).update(huidige_stap=stap, bijgewerkt_op=timezone.now())
    scan.huidige_stap = stap


def rond_af(*, scan: Scan) -> None:
    """Mark a scan finished. It can still be changed afterwards; the report follows.

    An update rather than a save: if another tab deleted the scan a moment ago, there is
    nothing left to mark, and that is not an error.
    """
    if not scan.is_afgerond:
        nu = timezone.now()
        Scan.objects.filter(pk=scan.pk).update(
            status=Scan.Status.AFGEROND, afgerond_op=nu, bijgewerkt_op=nu
        )
        scan.status, scan.afgerond_op, scan.bijgewerkt_op = Scan.Status.AFGEROND, nu, nu
        _vergeet_pdf(scan)


@transaction.atomic
def verwijder_scan(*, scan: Scan) -> None:
    """Delete a scan with everything in it.

    The scan's row is locked first (PostgreSQL), so a save of this scan that is in flight
    either commits before the delete looks for rows, or fails on the vanished scan; it can
    never add a row in between and make the delete fail on its foreign key.
    """
    list(Scan.objects.select_for_update().filter(pk=scan.pk).values_list("pk"))
    # A later scan's PDF may compare with this one ("Sinds je vorige scan"): it goes too.
    RapportPdf.objects.filter(scan__vorige_scan=scan).delete()
    Scan.objects.filter(pk=scan.pk).delete()


@transaction.atomic
def verwijder_scans_van(*, eigenaar) -> None:
    """Delete every scan of a person, with everything in it (part of deleting an account).

    As in verwijder_scan, the rows are locked first: a save in flight cannot slip a row in
    while the scans go.
    """
    list(Scan.objects.select_for_update().filter(eigenaar=eigenaar).values_list("pk"))
    Scan.objects.filter(eigenaar=eigenaar).delete()
