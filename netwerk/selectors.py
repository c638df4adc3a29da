"""Reads that build a netwerk's screens, in a fixed number of queries however many members.

`bouw_kaart` takes the netwerk and nothing about who is looking: everyone in a netwerk
sees exactly the same map, whoever made it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Q

from competentieprofiel.models import Groep, ProfielVersie

from .dagstand import actuele_dagstand, volgende_verversing
from .models import Bijdrage, Dagstand, Lidmaatschap, Netwerk


def is_beheerder(lidmaatschap: Lidmaatschap) -> bool:
    """The member who joined first (at the start: whoever made the netwerk) manages it.
    A membership read by `toegang.lidmaatschap_van` already knows who that is."""
    if getattr(lidmaatschap, "eerste_lid", None) is not None:
        return lidmaatschap.eerste_lid == lidmaatschap.pk
    eerste = (
        Lidmaatschap.objects.filter(netwerk_id=lidmaatschap.netwerk_id)
        .order_by("lid_sinds", "pk")
        .values_list("pk", flat=True)
        .first()
    )
    return eerste == lidmaatschap.pk


UITNODIGING = re.compile(r"[A-Za-z0-9_-]{1,64}")


def netwerk_bij_uitnodiging(token: str) -> Netwerk | None:
    """The netwerk this invitation link belongs to, or None for an old or made-up link.

    A token is URL-safe base64; anything else (a NUL byte, which PostgreSQL cannot even
    compare, or 5000 characters) is refused before it reaches the database."""
    if not UITNODIGING.fullmatch(token or ""):
        return None
    return Netwerk.objects.select_related("versie").filter(uitnodiging=token).first()


def mijn_lidmaatschappen(gebruiker) -> list[Lidmaatschap]:
    return list(
        Lidmaatschap.objects.filter(lid=gebruiker)
        .select_related("netwerk__versie")
        .order_by("netwerk__naam", "pk")
    )


def gebieden_van(versie: ProfielVersie) -> list[Groep]:
    """The competentiegebieden of a version, in profile order; the basis is not mapped."""
    return list(Groep.objects.filter(versie=versie, soort=Groep.Soort.GEBIED).order_by("volgorde"))


@dataclass(frozen=True)
class Persoon:
    naam: str
    functie: str


@dataclass
class GebiedOpKaart:
    groep: Groep
    zet_in: list[Persoon] = field(default_factory=list)
    benader: list[Persoon] = field(default_factory=list)
    groeien: list[Persoon] = field(default_factory=list)
    # From the dagstand, over everyone with and without name; None while below the minimum.
    telling_zet_in: int | None = None
    telling_groeien: int | None = None

    @property
    def open_vraag(self) -> bool:
        """Nobody (as far as the map may tell) puts this gebied into practice."""
        return not self.zet_in and not self.telling_zet_in


@dataclass
class Kaart:
    netwerk: Netwerk
    gebieden: list[GebiedOpKaart]
    stand: Dagstand
    minimum: int
    volgende_stand: datetime

    @property
    def tellingen_zichtbaar(self) -> bool:
        return self.stand.bijdragers >= self.minimum

    @property
    def nog_nodig(self) -> int:
        return max(0, self.minimum - self.stand.bijdragers)

    @property
    def open_vragen(self) -> list[GebiedOpKaart]:
        return [g for g in self.gebieden if g.open_vraag]


def _sorteer(personen: list[Persoon]) -> list[Persoon]:
    return sorted(personen, key=lambda p: (p.naam.casefold(), p.functie.casefold()))


def bouw_kaart(netwerk: Netwerk, *, nu: datetime | None = None) -> Kaart:
    """The map of a netwerk: named statements as they are now, anonymous counts from the
    dagstand (refreshed first if it is a day old). 2 queries plus the dagstand's 1 to 5."""
    gebieden = {g.pk: GebiedOpKaart(g) for g in gebieden_van(netwerk.versie)}
    met_naam = (
        Bijdrage.objects.filter(lidmaatschap__netwerk=netwerk)
        .filter(
            Q(zet_in=True, zet_in_met_naam=True)
            | Q(groeien=True, groeien_met_naam=True)
            | Q(benader=True)
        )
        .exclude(lidmaatschap__naam="")
        .select_related("lidmaatschap")
    )
    for bijdrage in met_naam:
        gebied = gebieden.get(bijdrage.groep_id)
        if gebied is None:
            continue
        persoon = Persoon(bijdrage.lidmaatschap.naam, bijdrage.lidmaatschap.functie)
        if bijdrage.zet_in and bijdrage.zet_in_met_naam:
            gebied.zet_in.append(persoon)
        if bijdrage.benader:
            gebied.benader.append(persoon)
        if bijdrage.groeien and bijdrage.groeien_met_naam:
            gebied.groeien.append(persoon)
    stand = actuele_dagstand(netwerk=netwerk, nu=nu)
    minimum = settings.NETWERK_MINIMUM
    for gebied in gebieden.values():
        gebied.zet_in = _sorteer(gebied.zet_in)
        gebied.benader = _sorteer(gebied.benader)
        gebied.groeien = _sorteer(gebied.groeien)
        if stand.bijdragers >= minimum:
            telling = stand.tellingen.get(str(gebied.groep.pk), {})
            gebied.telling_zet_in = telling.get("zet_in", 0)
            gebied.telling_groeien = telling.get("groeien", 0)
    return Kaart(
        netwerk=netwerk,
        gebieden=list(gebieden.values()),
        stand=stand,
        minimum=minimum,
        volgende_stand=volgende_verversing(stand),
    )


@dataclass(frozen=True)
class ScanSuggestie:
    """What the person's own last finished scan suggests, per gebied of the netwerk."""

    afgerond_op: datetime
    zet_in: frozenset[int]  # gebieden chosen in that scan
    groeien: frozenset[int]  # gebieden with at least one "hier wil ik me verder in ontwikkelen"


def suggestie_uit_laatste_scan(gebruiker, versie: ProfielVersie) -> ScanSuggestie | None:
    """Read (never copy) the person's last finished scan on this profile: which gebieden
    they chose and where they marked a wish. Gebieden match by their stable key, so a scan
    on an older version of the profile still helps. None without a finished scan."""
    from scans.models import Antwoord, Scan, ScanGroep

    scan = (
        Scan.objects.filter(
            eigenaar=gebruiker, status=Scan.Status.AFGEROND, versie__profiel_id=versie.profiel_id
        )
        .order_by("-afgerond_op", "-aangemaakt_op")
        .first()
    )
    if scan is None:
        return None
    per_sleutel = {g.sleutel: g.pk for g in gebieden_van(versie)}
    gekozen = ScanGroep.objects.filter(scan=scan, groep__soort=Groep.Soort.GEBIED).values_list(
        "groep__sleutel", flat=True
    )
    wensen = (
        Antwoord.objects.filter(scan=scan, ontwikkelen=True, item__groep__soort=Groep.Soort.GEBIED)
        .values_list("item__groep__sleutel", flat=True)
        .distinct()
    )
    return ScanSuggestie(
        afgerond_op=scan.afgerond_op,
        zet_in=frozenset(per_sleutel[s] for s in gekozen if s in per_sleutel),
        groeien=frozenset(per_sleutel[s] for s in wensen if s in per_sleutel),
    )
