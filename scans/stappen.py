"""The scan as an explicit list of steps, derived from the scan's groups and the profile.

One step per group and category ("Basiscompetenties: kennis"), a label step after each
gebied when the person turned labels on, then the leerdoelen, which open with a look back
at the answers. The progress indicator and "later verder" both come from this list.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from competentieprofiel.inhoud import versie_inhoud
from competentieprofiel.models import Categorie, Item
from competentieprofiel.taal import ProfielTekst, in_een_taal
from competentieprofiel.templatetags.profieltaal import vertaald

from .models import LeerdoelOpvolging, Scan, ScanGroep

OPVOLGING, ITEMS, LABEL = "opvolging", "items", "label"
LEERDOELEN = "leerdoelen"
# Steps that are gone, and the step that took their place: a scan saved there (or an old
# tab or bookmark) goes on from the newer step. The look back became the top of the
# leerdoelen step (issue 11).
VERVALLEN = {"terugblik": LEERDOELEN}

# An honest time estimate, by the same model as bench/reistijd.py: every statement read once
# at 230 words a minute, 1.5 s per choice (one a statement, a development wish in five),
# 1 s to load a page and 1.5 s for its "volgende", 60 s to write the leerdoel. What the pages
# say besides the statements is counted too: a group's description (open on its first page),
# and, as allowances counted on today's pages and rounded up, what the first step explains
# once (the question, the scale, the wish, the note), a heading and buttons on every page, a
# label step, and the leerdoelen step with its look back.
WOORDEN_PER_MINUUT = 230
SECONDEN_PER_KEUZE = 1.5
SECONDEN_PER_PAGINA = 1.0 + 1.5
WENS_PER = 5
SECONDEN_VOOR_LEERDOEL = 60
WOORDEN_EENMALIG = 140
WOORDEN_PER_PAGINA = 10
WOORDEN_LABELSTAP = 45
WOORDEN_AFSLUITING = 200


@dataclass
class Stap:
    sleutel: str
    soort: str
    titel: str
    # The heading as HTML, where the title holds a profile text that may fall back to its
    # source language (then marked with lang); empty: the heading is the title.
    kop: str = ""
    scangroep: ScanGroep | None = None
    categorie: Categorie | None = None
    item_ids: list[int] = field(default_factory=list)
    nummer: int = 0

    @property
    def groep(self):
        return self.scangroep.groep if self.scangroep else None


@dataclass
class Stappenplan:
    stappen: list[Stap]

    def __len__(self) -> int:
        return len(self.stappen)

    def __iter__(self):
        return iter(self.stappen)

    def zoek(self, sleutel: str) -> Stap | None:
        return next((s for s in self.stappen if s.sleutel == sleutel), None)

    def vervangen(self, sleutel: str) -> Stap | None:
        """The step that took the place of a step that is gone, or None."""
        return self.zoek(VERVALLEN[sleutel]) if sleutel in VERVALLEN else None

    def vorige(self, stap: Stap) -> Stap | None:
        return self.stappen[stap.nummer - 2] if stap.nummer > 1 else None

    def volgende(self, stap: Stap) -> Stap | None:
        return self.stappen[stap.nummer] if stap.nummer < len(self.stappen) else None

    def eerste_van_groep(self, stap: Stap) -> bool:
        """Whether this is its group's first step: there the group's description is shown
        open, on the group's next steps it is folded away."""
        vorige = self.vorige(stap)
        return stap.groep is not None and (vorige is None or vorige.groep != stap.groep)

    @property
    def eerste(self) -> Stap:
        return self.stappen[0]

    def hervat(self, scan: Scan) -> Stap:
        """Where the person left off: the step they last saved (or what replaced it), or
        the first."""
        stap = scan.huidige_stap
        return self.zoek(stap) or self.vervangen(stap) or self.eerste


def stappenplan(scan: Scan) -> Stappenplan:
    """Build the step list for a scan in one query: its groups (for a follow-up scan with
    whether it looks back on earlier leerdoelen). The statements and whether the version
    has labels come from the version's content in memory (competentieprofiel.inhoud)."""
    inhoud = versie_inhoud(scan.versie)
    scangroepen = ScanGroep.objects.filter(scan=scan)
    if scan.vorige_scan_id:
        scangroepen = scangroepen.annotate(
            heeft_opvolgingen=Exists(LeerdoelOpvolging.objects.filter(scan_id=OuterRef("scan_id")))
        )
    # The groups and chosen labels themselves from memory, in the profile's order.
    groepen = {g.pk: g for g in inhoud.groepen}
    niveaus = {n.pk: n for n in inhoud.niveaus}
    scangroepen = list(scangroepen)
    for sg in scangroepen:
        sg.groep = groepen[sg.groep_id]
        if sg.niveau_id in niveaus:
            sg.niveau = niveaus[sg.niveau_id]
    scangroepen.sort(key=lambda sg: sg.groep.volgorde)
    per_groep: dict[int, dict[int, tuple[Categorie, list[int]]]] = {}
    for sg in scangroepen:
        onderdelen = per_groep.setdefault(sg.groep_id, {})
        for item in inhoud.per_groep.get(sg.groep_id, ()):
            onderdelen.setdefault(item.categorie_id, (item.categorie, []))[1].append(item.id)

    heeft_niveaus = scan.labels_aan and inhoud.heeft_niveaus
    stappen: list[Stap] = []
    if scan.vorige_scan_id and scangroepen and scangroepen[0].heeft_opvolgingen:
        stappen.append(Stap(OPVOLGING, OPVOLGING, str(_("Je vorige leerdoelen"))))
    for sg in scangroepen:
        for categorie, item_ids in per_groep.get(sg.groep_id, {}).values():
            # Group and category from one language: never "Core competences: kennis". A
            # gebied goes by the role name people chose it by on the start page ("Coach:
            # kennis"); its full title is on the start page and in the report.
            groep, onderdeel = in_een_taal(
                None, (sg.groep, sg.groep.naamveld), (categorie, "titel")
            )
            titel = ProfielTekst(f"{capfirst(groep)}: {onderdeel.lower()}", groep.taal)
            stappen.append(
                Stap(
                    sleutel=f"{sg.groep.sleutel}.{categorie.sleutel}",
                    soort=ITEMS,
                    titel=titel,
                    kop=vertaald(titel),
                    scangroep=sg,
                    categorie=categorie,
                    item_ids=item_ids,
                )
            )
        if heeft_niveaus and not sg.groep.is_basis:
            naam = sg.groep.in_taal(sg.groep.naamveld)
            gebied = ProfielTekst(capfirst(naam), naam.taal)
            zin = str(_("%(gebied)s: jouw label"))
            stappen.append(
                Stap(
                    sleutel=f"label.{sg.groep.sleutel}",
                    soort=LABEL,
                    titel=zin % {"gebied": gebied},
                    kop=mark_safe(conditional_escape(zin) % {"gebied": vertaald(gebied)}),
                    scangroep=sg,
                )
            )
    stappen.append(Stap(LEERDOELEN, LEERDOELEN, str(_("Leerdoelen en gesprekspunten"))))
    for nummer, stap in enumerate(stappen, start=1):
        stap.nummer = nummer
    return Stappenplan(stappen)


def woorden_in(tekst: str) -> int:
    """Words a reader reads: anything between spaces with a letter or digit in it (as the
    benchmark counts them)."""
    return sum(1 for deel in str(tekst).split() if any(c.isalnum() for c in deel))


def geschatte_minuten(
    aantal_items: int,
    *,
    woorden: int,
    itemstappen: int,
    groepswoorden: int,
    labelstappen: int = 0,
) -> int:
    """An honest estimate of a scan's time in whole minutes, rounded up: `woorden` in the
    statements, spread over `itemstappen` pages, `groepswoorden` in the groups'
    descriptions, plus `labelstappen` label steps, then the leerdoelen. The start page
    itself and the report are not counted."""
    paginas = itemstappen + labelstappen + 1  # the leerdoelen, with the look back on top
    gelezen = (
        woorden
        + groepswoorden
        + WOORDEN_EENMALIG
        + paginas * WOORDEN_PER_PAGINA
        + labelstappen * WOORDEN_LABELSTAP
        + WOORDEN_AFSLUITING
    )
    keuzes = aantal_items + math.ceil(aantal_items / WENS_PER) + labelstappen
    seconden = (
        gelezen / WOORDEN_PER_MINUUT * 60
        + keuzes * SECONDEN_PER_KEUZE
        + paginas * SECONDEN_PER_PAGINA
        + SECONDEN_VOOR_LEERDOEL
    )
    return math.ceil(seconden / 60)


def geschatte_minuten_voor(groepen, *, labels: bool = False) -> int:
    """The estimate for a scan of these groups (GroepInhoud, items loaded: no queries),
    counting the words of the statements and descriptions as the person reads them, in
    their language."""
    items = [item for g in groepen for item in g.items]
    return geschatte_minuten(
        len(items),
        woorden=sum(woorden_in(item.in_taal("tekst")) for item in items),
        itemstappen=sum(len(g.onderdelen) for g in groepen),
        groepswoorden=sum(woorden_in(g.groep.in_taal("korte_beschrijving")) for g in groepen),
        labelstappen=sum(1 for g in groepen if not g.groep.is_basis) if labels else 0,
    )


def geschatte_minuten_plan(plan: Stappenplan, items: dict[int, Item]) -> int:
    """The same estimate for a scan's step list, with its statements at hand (`items` by
    id, e.g. `versie_inhoud(...).items`: no queries), label steps included; the step pages
    say the same as the start page did."""
    itemstappen = [s for s in plan if s.soort == ITEMS]
    ids = [pk for s in itemstappen for pk in s.item_ids]
    groepen = {s.scangroep.groep_id: s.scangroep.groep for s in itemstappen}
    return geschatte_minuten(
        len(ids),
        woorden=sum(woorden_in(items[pk].in_taal("tekst")) for pk in ids),
        itemstappen=len(itemstappen),
        groepswoorden=sum(woorden_in(g.in_taal("korte_beschrijving")) for g in groepen.values()),
        labelstappen=sum(1 for s in plan if s.soort == LABEL),
    )
