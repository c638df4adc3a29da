"""What the leerdoelen step shows above the leerdoelen: a look back per group at the wishes
(as starting points for a leerdoel), what is still open, the label chosen and the answers.

Read from the step list the page already built, the statements from the version's content in
memory (competentieprofiel.inhoud) and the answers: one query, whatever the number of
statements or gebieden. Nothing is counted towards a
score; it only groups the person's own answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from competentieprofiel.inhoud import versie_inhoud
from competentieprofiel.models import Categorie, Groep, Item, Niveau, Schaaloptie

from .models import Antwoord, Leerdoel, Scan
from .rapport import volgorde_voor_rapport
from .stappen import ITEMS, Stappenplan


@dataclass
class Wens:
    """A statement the person wants to develop in; `leerdoel` is the number of the leerdoel
    made from it, if there is one."""

    item: Item
    leerdoel: int | None = None


@dataclass
class Open:
    """Statements of one step that are still open, with the step to go back to."""

    stap: str
    categorie: Categorie
    aantal: int


@dataclass
class AntwoordBlok:
    optie: Schaaloptie
    items: list[Item]


@dataclass
class TerugblikGroep:
    groep: Groep
    niveau: Niveau | None
    wensen: list[Wens] = field(default_factory=list)
    open: list[Open] = field(default_factory=list)
    blokken: list[AntwoordBlok] = field(default_factory=list)


def bouw_terugblik(
    scan: Scan, plan: Stappenplan, leerdoelen: list[Leerdoel]
) -> list[TerugblikGroep]:
    """Per group of the scan, in the order of the steps, what the look back shows."""
    stappen = [s for s in plan if s.soort == ITEMS]
    item_ids = [i for s in stappen for i in s.item_ids]
    items = versie_inhoud(scan.versie).items
    antwoorden = {
        a.item_id: a
        for a in Antwoord.objects.filter(scan=scan, item_id__in=item_ids).select_related("optie")
    }
    uit_wens = {d.item_id: d.volgorde for d in leerdoelen if d.item_id}
    groepen: dict[int, TerugblikGroep] = {}
    per_optie: dict[int, dict[int, AntwoordBlok]] = {}
    for stap in stappen:
        sg = stap.scangroep
        groep = groepen.setdefault(sg.groep_id, TerugblikGroep(sg.groep, sg.niveau))
        blokken = per_optie.setdefault(sg.groep_id, {})
        open_hier = 0
        for item_id in stap.item_ids:
            item, antwoord = items[item_id], antwoorden.get(item_id)
            if antwoord and antwoord.ontwikkelen:
                groep.wensen.append(Wens(item, uit_wens.get(item_id)))
            if antwoord is None or antwoord.optie is None:
                open_hier += 1
            else:
                blokken.setdefault(
                    antwoord.optie_id, AntwoordBlok(antwoord.optie, [])
                ).items.append(item)
        if open_hier:
            groep.open.append(Open(stap.sleutel, stap.categorie, open_hier))
    for groep_id, groep in groepen.items():
        blokken = per_optie[groep_id]
        groep.blokken = [
            blokken[o.pk]
            for o in volgorde_voor_rapport(
                sorted((b.optie for b in blokken.values()), key=lambda o: o.volgorde)
            )
        ]
    return list(groepen.values())
