"""Every write of a person's reflection: keyword-only functions, atomic where they touch
several rows. Views call these; forms only validate."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competentieprofiel.models import Groep, Item, Niveau, ProfielVersie

from .models import Antwoord, Leerdoel, LeerdoelOpvolging, Notitie, RapportPdf, Scan, ScanGroep
from .stappen import Stap

MAX_LEERDOELEN = 3


class ScanFout(Exception):
    """A request that does not fit the scan; the message is Dutch and safe to show."""


class ScanWeg(ScanFout):
    """The scan was deleted (for instance in another tab) before this save could store it."""


def _vergrendel(scan: Scan) -> None:
    """Lock the scan's row for this transaction (PostgreSQL), so saves of one scan from
    several tabs take turns; raise ScanWeg when the scan no longer exists."""
    if not Scan.objects.select_for_update().filter(pk=scan.pk).exists():
        raise ScanWeg(_("Deze scan bestaat niet meer; er is niets opgeslagen."))


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
    antwoorden_meenemen: bool = False,
) -> Scan:
    """Start a scan on a version: its basis groups plus the chosen gebieden.

    With `vorige`, the new scan follows an earlier one of the same person and its
    leerdoelen come along to reflect on. Its answers start empty (a fresh look), unless
    the person chose `antwoorden_meenemen`: then they are copied (see `_neem_antwoorden_mee`).
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
    groepen = [*basis, *gebieden]
    ScanGroep.objects.bulk_create(ScanGroep(scan=scan, groep=g) for g in groepen)
    if vorige is not None:
        LeerdoelOpvolging.objects.bulk_create(
            LeerdoelOpvolging(scan=scan, volgorde=d.volgorde, leerdoel=d.wat)
            for d in vorige.leerdoelen.all()
        )
        if antwoorden_meenemen:
            _neem_antwoorden_mee(scan=scan, vorige=vorige, groepen=groepen)
    return scan


def _neem_antwoorden_mee(*, scan: Scan, vorige: Scan, groepen: list[Groep]) -> None:
    """Copy the earlier scan's answers (choice and wish) into the new one, for the
    statements of the new scan's groups. Statements and scale options are matched by their
    stable keys, as the comparison matches them, so this works across profile versions: a
    statement the new version dropped stays behind, a new one starts empty, and a choice
    whose option the new version no longer has starts open. Notes are not copied: they
    belong to the moment they were written. Answers stay stored per scan, so the comparison
    at the end still shows what moved."""
    eerder = {
        item: (optie, ontwikkelen)
        for item, optie, ontwikkelen in Antwoord.objects.filter(scan=vorige).values_list(
            "item__sleutel", "optie__sleutel", "ontwikkelen"
        )
        if optie is not None or ontwikkelen
    }
    if not eerder:
        return
    items = Item.objects.filter(groep__in=groepen, sleutel__in=eerder.keys()).values_list(
        "pk", "sleutel"
    )
    opties = dict(scan.versie.schaalopties.values_list("sleutel", "pk"))
    rijen = [
        Antwoord(
            scan=scan,
            item_id=pk,
            optie_id=opties.get(eerder[sleutel][0]),
            ontwikkelen=eerder[sleutel][1],
        )
        for pk, sleutel in items
    ]
    Antwoord.objects.bulk_create(r for r in rijen if r.optie_id is not None or r.ontwikkelen)


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
    """One statement as posted: the choice and the wish, and what the page showed of them.

    `getoond` is None for a post that does not say what it showed (an old form): then the
    posted values are stored as they are.
    """

    item_id: int
    optie_id: int | None
    ontwikkelen: bool
    getoond: tuple[int | None, bool] | None = None


@dataclass(frozen=True)
class Opgeslagen:
    """What a step's save did beyond storing: whether a note met a newer one."""

    notitie_samengevoegd: bool = False


def notitiescheiding() -> str:
    return "\n\n" + _("——— ook geschreven, in een ander venster ———") + "\n\n"


@transaction.atomic
def bewaar_itemstap(
    *,
    scan: Scan,
    stap: Stap,
    keuzes: list[ItemKeuze],
    notitie: str | None,
    volgende: str,
    getoonde_notitie: str | None = None,
) -> Opgeslagen:
    """Save what the person changed on one step's page; nothing else is touched.

    A field whose posted value equals what the page showed was not changed here, so it
    keeps whatever the database holds now (perhaps a newer answer from another tab). A
    note changed here while another tab changed it too keeps both texts: this one first,
    the other below a line. Saving is an upsert per item, so the same form posted twice,
    from an old tab or after the back button, never ends in an error.
    """
    _vergrendel(scan)
    toegestaan = set(stap.item_ids)
    nu = {a.item_id: a for a in Antwoord.objects.filter(scan=scan, item_id__in=stap.item_ids)}
    rijen = []
    for k in keuzes:
        if k.item_id not in toegestaan:
            continue
        oud = nu.get(k.item_id)
        optie, ontwikkelen = (oud.optie_id, oud.ontwikkelen) if oud else (None, False)
        if k.getoond is None:
            optie, ontwikkelen = k.optie_id, k.ontwikkelen
        else:
            if k.optie_id != k.getoond[0]:
                optie = k.optie_id
            if k.ontwikkelen != k.getoond[1]:
                ontwikkelen = k.ontwikkelen
            if (optie, ontwikkelen) == ((oud.optie_id, oud.ontwikkelen) if oud else (None, False)):
                continue
        rijen.append(
            Antwoord(scan=scan, item_id=k.item_id, optie_id=optie, ontwikkelen=ontwikkelen)
        )
    Antwoord.objects.bulk_create(
        rijen,
        update_conflicts=True,
        unique_fields=["scan", "item"],
        update_fields=["optie", "ontwikkelen", "bijgewerkt_op"],
    )
    samengevoegd = False
    if notitie is not None:
        tekst = notitie.strip()
        getoond = None if getoonde_notitie is None else getoonde_notitie.strip()
        if getoond is None or tekst != getoond:
            bestaand = getoond is not None and (
                Notitie.objects.filter(scan=scan, groep=stap.groep, categorie=stap.categorie)
                .values_list("tekst", flat=True)
                .first()
            )
            elders = (bestaand or "").strip()
            if getoond is not None and elders not in (getoond, tekst, ""):
                # Changed in another tab since this page was shown: keep both texts.
                samengevoegd = True
                tekst = tekst + notitiescheiding() + elders if tekst else elders
            Notitie.objects.bulk_create(
                [Notitie(scan=scan, groep=stap.groep, categorie=stap.categorie, tekst=tekst)],
                update_conflicts=True,
                unique_fields=["scan", "groep", "categorie"],
                update_fields=["tekst", "bijgewerkt_op"],
            )
    _vergeet_pdf(scan)
    _ga_naar(scan, volgende)
    return Opgeslagen(notitie_samengevoegd=samengevoegd)


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


@dataclass(frozen=True)
class UitWens:
    """Where a wish went that the person turned into a leerdoel: the number of its
    leerdoel, or None when all three places were taken; `nieuw` is False when the wish
    was a leerdoel already (then it was not added twice)."""

    volgorde: int | None
    nieuw: bool = False


LEERDOELVELDEN = ("wat", "waarom", "eerste_stap", "hulp", "wanneer")


@transaction.atomic
def bewaar_leerdoelen(
    *,
    scan: Scan,
    leerdoelen: list[dict],
    gesprekspunten: str,
    volgende: str,
    uit_wens: int | None = None,
) -> UitWens | None:
    """Replace the scan's leerdoelen with the filled-in ones (at most three), in order.

    Each leerdoel may carry `item_id`, the statement it started from (kept only for a
    statement of this scan). With `uit_wens` (a statement's id) the statement also becomes a
    leerdoel, its text in the reader's language as "wat", in the first place without a
    "wat"; everything typed so far is saved with it. Returns where it went (None without
    `uit_wens` or for a statement that is not in this scan).

    The scan's row is locked first, so two tabs saving at once take turns (on PostgreSQL
    the second would otherwise insert beside the first's rows and fail on uniek_leerdoel).
    """
    _vergrendel(scan)
    plekken = [
        {
            **{veld: (d.get(veld) or "").strip() for veld in LEERDOELVELDEN},
            "item_id": d.get("item_id") or None,
        }
        for d in leerdoelen[:MAX_LEERDOELEN]
    ]
    gevraagd = {d["item_id"] for d in plekken if d["item_id"]} | {uit_wens} - {None}
    items = (
        {
            i.pk: i
            for i in Item.objects.filter(
                pk__in=gevraagd,
                groep_id__in=ScanGroep.objects.filter(scan=scan).values("groep_id"),
            )
        }
        if gevraagd
        else {}
    )
    for d in plekken:
        if d["item_id"] not in items:
            d["item_id"] = None
    uit = None
    if uit_wens in items:
        al = next((d for d in plekken if d["wat"] and d["item_id"] == uit_wens), None)
        vrij = next((d for d in plekken if not d["wat"]), None)
        if vrij is None and al is None and len(plekken) < MAX_LEERDOELEN:
            vrij = dict.fromkeys(LEERDOELVELDEN, "") | {"item_id": None}
            plekken.append(vrij)
        if al is None and vrij is not None:
            vrij.update(wat=str(items[uit_wens].in_taal("tekst")), item_id=uit_wens)
        uit = UitWens(volgorde=None, nieuw=al is None and vrij is not None)
    gevuld = [d for d in plekken if d["wat"]]
    if uit is not None:
        plek = next((i for i, d in enumerate(gevuld, 1) if d["item_id"] == uit_wens), None)
        uit = UitWens(volgorde=plek, nieuw=uit.nieuw)
    Leerdoel.objects.filter(scan=scan).delete()
    Leerdoel.objects.bulk_create(
        Leerdoel(scan=scan, volgorde=i, **d) for i, d in enumerate(gevuld, start=1)
    )
    Scan.objects.filter(pk=scan.pk).update(gesprekspunten=gesprekspunten.strip())
    scan.gesprekspunten = gesprekspunten.strip()
    _vergeet_pdf(scan)
    _ga_naar(scan, volgende)
    return uit


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
