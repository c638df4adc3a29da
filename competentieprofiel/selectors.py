"""Reads of the framework that build screens: a version and its groups, in a fixed number
of queries whatever the size of the profile."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings

from .inhoud import versie_inhoud
from .models import Categorie, Groep, Item, ProfielVersie


@dataclass
class Onderdeel:
    categorie: Categorie
    items: list[Item] = field(default_factory=list)


@dataclass
class GroepInhoud:
    groep: Groep
    onderdelen: list[Onderdeel] = field(default_factory=list)

    @property
    def items(self) -> list[Item]:
        return [item for onderdeel in self.onderdelen for item in onderdeel.items]


def nieuwste_versies() -> list[ProfielVersie]:
    """The newest version of every loaded profile, the default profile first."""
    versies = ProfielVersie.objects.select_related("profiel").order_by(
        "profiel__sleutel", "-nummer"
    )
    nieuwste: dict[int, ProfielVersie] = {}
    for versie in versies:
        nieuwste.setdefault(versie.profiel_id, versie)
    return sorted(
        nieuwste.values(),
        key=lambda v: (v.profiel.sleutel != settings.STANDAARD_PROFIEL, v.titel),
    )


def huidige_versie(sleutel: str | None = None) -> ProfielVersie | None:
    """The newest version of the given profile, or of the default profile."""
    versies = ProfielVersie.objects.select_related("profiel").order_by("-nummer")
    versie = versies.filter(profiel__sleutel=sleutel or settings.STANDAARD_PROFIEL).first()
    if versie is None and sleutel is None:
        versie = versies.first()
    return versie


def groepen_met_items(
    versie: ProfielVersie, groep_ids: list[int] | None = None
) -> list[GroepInhoud]:
    """Groups of a version with their items split per category, in profile order (from the
    version's content in memory: no query after the first time, see inhoud.py)."""
    uit_geheugen = versie_inhoud(versie)
    groepen = uit_geheugen.groepen
    if groep_ids is not None:
        gevraagd = set(groep_ids)
        groepen = [g for g in groepen if g.pk in gevraagd]
    inhoud = {g.pk: GroepInhoud(g) for g in groepen}
    for groep_id, groep in inhoud.items():
        for item in uit_geheugen.per_groep.get(groep_id, ()):
            if not groep.onderdelen or groep.onderdelen[-1].categorie.pk != item.categorie_id:
                groep.onderdelen.append(Onderdeel(item.categorie))
            groep.onderdelen[-1].items.append(item)
    return list(inhoud.values())
