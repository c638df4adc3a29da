"""The ontwikkelrapport's content, built once from stored data.

The look back, the HTML report and the PDF all render the same `Rapport`; nothing here
counts towards a score: it only groups the person's own answers and words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from competentieprofiel.models import Categorie, Groep, Item, Niveau, ProfielVersie, Schaaloptie

from .models import Antwoord, Leerdoel, Notitie, Scan, ScanGroep


@dataclass
class ItemRegel:
    item: Item
    optie: Schaaloptie | None
    ontwikkelen: bool


@dataclass
class AntwoordBlok:
    """Items that share one answer; `optie` None means "nog open"."""

    optie: Schaaloptie | None
    regels: list[ItemRegel]


@dataclass
class NotitieRegel:
    categorie: Categorie
    tekst: str


@dataclass
class GroepRapport:
    groep: Groep
    niveau: Niveau | None
    label_gekozen: bool
    regels: list[ItemRegel]
    blokken: list[AntwoordBlok]
    notities: list[NotitieRegel]
    spreiding: list[tuple[Schaaloptie | None, int]]

    @property
    def ontwikkelen(self) -> list[ItemRegel]:
        return [r for r in self.regels if r.ontwikkelen]

    @property
    def open(self) -> list[ItemRegel]:
        return [r for r in self.regels if r.optie is None]

    @property
    def beantwoord(self) -> int:
        return sum(1 for r in self.regels if r.optie is not None)


@dataclass
class Rapport:
    scan: Scan
    versie: ProfielVersie
    naam: str
    functie: str
    sector: str
    datum: datetime
    tussenstand: bool
    opties: list[Schaaloptie]
    niveaus: list[Niveau]
    groepen: list[GroepRapport]
    leerdoelen: list[Leerdoel]
    gesprekspunten: str
    gebieden: list[Groep] = field(default_factory=list)

    @property
    def labels_gebruikt(self) -> bool:
        return self.scan.labels_aan and bool(self.niveaus)

    @property
    def antwoordvolgorde(self) -> list[Schaaloptie | None]:
        """The answers in the order the report shows them; None is "nog open"."""
        return [*_volgorde_voor_rapport(self.opties), None]


def _volgorde_voor_rapport(opties: list[Schaaloptie]) -> list[Schaaloptie]:
    """What one recognises most first, then what is outside one's role."""
    binnen = [o for o in opties if not o.buiten_rol]
    buiten = [o for o in opties if o.buiten_rol]
    return [*reversed(binnen), *buiten]


def bouw_rapport(scan: Scan) -> Rapport:
    """Everything the report shows, in a fixed number of queries."""
    versie = scan.versie
    opties = list(versie.schaalopties.all())
    niveaus = list(versie.niveaus.all())
    scangroepen = list(
        ScanGroep.objects.filter(scan=scan)
        .select_related("groep", "niveau")
        .order_by("groep__volgorde")
    )
    groep_ids = [sg.groep_id for sg in scangroepen]
    items = list(
        Item.objects.filter(groep_id__in=groep_ids).select_related("categorie").order_by("volgorde")
    )
    antwoorden = {a.item_id: a for a in Antwoord.objects.filter(scan=scan)}
    opties_per_id = {o.pk: o for o in opties}
    notities: dict[tuple[int, int], str] = {
        (n.groep_id, n.categorie_id): n.tekst
        for n in Notitie.objects.filter(scan=scan)
        if n.tekst.strip()
    }

    regels_per_groep: dict[int, list[ItemRegel]] = {gid: [] for gid in groep_ids}
    categorieen_per_groep: dict[int, list[Categorie]] = {gid: [] for gid in groep_ids}
    for item in items:
        antwoord = antwoorden.get(item.pk)
        regels_per_groep[item.groep_id].append(
            ItemRegel(
                item=item,
                optie=opties_per_id.get(antwoord.optie_id) if antwoord else None,
                ontwikkelen=bool(antwoord and antwoord.ontwikkelen),
            )
        )
        if item.categorie not in categorieen_per_groep[item.groep_id]:
            categorieen_per_groep[item.groep_id].append(item.categorie)

    groepen = []
    for sg in scangroepen:
        regels = regels_per_groep[sg.groep_id]
        blokken = [
            AntwoordBlok(optie, [r for r in regels if r.optie == optie])
            for optie in [*_volgorde_voor_rapport(opties), None]
        ]
        groepen.append(
            GroepRapport(
                groep=sg.groep,
                niveau=sg.niveau,
                label_gekozen=sg.label_gekozen,
                regels=regels,
                blokken=[b for b in blokken if b.regels],
                notities=[
                    NotitieRegel(c, notities[(sg.groep_id, c.pk)])
                    for c in categorieen_per_groep[sg.groep_id]
                    if (sg.groep_id, c.pk) in notities
                ],
                spreiding=[
                    (optie, sum(1 for r in regels if r.optie == optie)) for optie in [*opties, None]
                ],
            )
        )

    eigenaar = scan.eigenaar
    return Rapport(
        scan=scan,
        versie=versie,
        naam=eigenaar.first_name,
        functie=scan.functie,
        sector=scan.get_sector_display() if scan.sector else "",
        datum=timezone.localtime(scan.afgerond_op or scan.bijgewerkt_op),
        tussenstand=not scan.is_afgerond,
        opties=opties,
        niveaus=niveaus,
        groepen=groepen,
        leerdoelen=list(Leerdoel.objects.filter(scan=scan)),
        gesprekspunten=scan.gesprekspunten,
        gebieden=[sg.groep for sg in scangroepen if not sg.groep.is_basis],
    )
