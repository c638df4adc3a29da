"""The differencing guard: a netwerk's anonymous counts come from a dagstand, a snapshot
refreshed at most once every 24 hours.

Named statements are on the map the moment someone saves them (they chose to be seen).
Counts without names are not: if they followed every save, a colleague who watched the
map while someone saved could read that one person's change off it. So the counts, and
the number of members who have shared anything (which decides whether counts show at
all), change only when the dagstand is refreshed; each refresh takes in every change of
at least the past day at once. There is no scheduler: the first look at the map after the
dagstand has turned 24 hours old refreshes it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from .models import Bijdrage, Dagstand, Netwerk

VERVERSEN_NA = timedelta(hours=24)


def tel(netwerk: Netwerk) -> tuple[int, dict[str, dict[str, int]]]:
    """Count now: members who shared anything, and per gebied "zet in" and "groeien"
    over every member, with and without name (1 query: a row per member and gebied)."""
    leden = set()
    tellingen: dict[str, dict[str, int]] = {}
    rijen = Bijdrage.objects.filter(lidmaatschap__netwerk=netwerk).values_list(
        "lidmaatschap_id", "groep_id", "zet_in", "groeien"
    )
    for lid, groep, zet_in, groeien in rijen:
        leden.add(lid)
        telling = tellingen.setdefault(str(groep), {"zet_in": 0, "groeien": 0})
        telling["zet_in"] += zet_in
        telling["groeien"] += groeien
    return len(leden), dict(sorted(tellingen.items(), key=lambda t: int(t[0])))


def actuele_dagstand(*, netwerk: Netwerk, nu: datetime | None = None) -> Dagstand:
    """The netwerk's dagstand, refreshed first if it is missing or at least 24 hours old."""
    nu = nu or timezone.now()
    stand = Dagstand.objects.filter(netwerk=netwerk).first()
    if stand is not None and nu - stand.gemaakt_op < VERVERSEN_NA:
        return stand
    return ververs(netwerk=netwerk, gezien=stand, nu=nu)


def ververs(*, netwerk: Netwerk, gezien: Dagstand | None, nu: datetime) -> Dagstand:
    """Replace the dagstand this reader saw (`gezien`, None if there was none) by a count of
    now. When two people open the map at the same moment, only one of them refreshes it:
    the first dagstand is inserted unless one exists by then, and a refresh only applies to
    the dagstand both saw (compare and set); the other reader gets what the first wrote."""
    bijdragers, tellingen = tel(netwerk)
    if gezien is None:
        Dagstand.objects.bulk_create(
            [Dagstand(netwerk=netwerk, gemaakt_op=nu, bijdragers=bijdragers, tellingen=tellingen)],
            ignore_conflicts=True,
        )
    else:
        Dagstand.objects.filter(pk=gezien.pk, gemaakt_op=gezien.gemaakt_op).update(
            gemaakt_op=nu, bijdragers=bijdragers, tellingen=tellingen
        )
    return Dagstand.objects.get(netwerk=netwerk)


def volgende_verversing(stand: Dagstand) -> datetime:
    return stand.gemaakt_op + VERVERSEN_NA
