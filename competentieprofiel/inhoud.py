"""What a page needs of a profile version, read once per process.

A profile version never changes once it is loaded: `laad_profiel` stores any change as a
new version and the admin is read-only. So its scale options, labels, groups and statements
(with their category) can be kept in memory, and a step page or report asks the database only for the
person's own rows. The key holds the version's id, content hash and load time, so a version
that was removed and another loaded in its place (as between two tests) is never mistaken
for it. Every app server keeps its own copy; nothing is shared, nothing goes stale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from .models import Groep, Item, Niveau, ProfielVersie, Schaaloptie

# A handful of versions live at once (two profiles, a new version beside the old one).
VERSIES_IN_GEHEUGEN = 16


@dataclass(frozen=True)
class VersieInhoud:
    """A version's scale options, labels (niveaus), groups and statements (with
    categorie), each in order."""

    opties: tuple[Schaaloptie, ...]
    niveaus: tuple[Niveau, ...]
    groepen: tuple[Groep, ...]
    items: dict[int, Item]
    per_groep: dict[int, tuple[Item, ...]] = field(default_factory=dict)

    @property
    def heeft_niveaus(self) -> bool:
        return bool(self.niveaus)

    def items_van(self, item_ids) -> list[Item]:
        return [self.items[pk] for pk in item_ids]


def versie_inhoud(versie: ProfielVersie) -> VersieInhoud:
    """The options and statements of `versie`; from memory after the first time."""
    return _lees(versie.pk, versie.inhoud_hash, versie.geladen_op)


@lru_cache(maxsize=VERSIES_IN_GEHEUGEN)
def _lees(versie_id: int, inhoud_hash: str, geladen_op: datetime) -> VersieInhoud:
    opties = tuple(Schaaloptie.objects.filter(versie_id=versie_id).order_by("volgorde"))
    niveaus = tuple(Niveau.objects.filter(versie_id=versie_id).order_by("volgorde"))
    groepen = tuple(Groep.objects.filter(versie_id=versie_id).order_by("volgorde"))
    items = list(
        Item.objects.filter(versie_id=versie_id).select_related("categorie").order_by("volgorde")
    )
    per_groep: dict[int, list[Item]] = {}
    for item in items:
        per_groep.setdefault(item.groep_id, []).append(item)
    return VersieInhoud(
        opties=opties,
        niveaus=niveaus,
        groepen=groepen,
        items={item.pk: item for item in items},
        per_groep={groep_id: tuple(reeks) for groep_id, reeks in per_groep.items()},
    )
