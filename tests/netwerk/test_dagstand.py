"""The differencing guard: one person's change is never readable off the map at the moment
it happens. Anonymous counts come from a dagstand refreshed at most once every 24 hours;
named statements, which people chose to show, are live."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from netwerk import services
from netwerk.dagstand import VERVERSEN_NA, actuele_dagstand, ververs
from netwerk.models import Dagstand
from netwerk.selectors import bouw_kaart

from .conftest import bijna_een_dag_later, deel, een_dag_later, nieuw_lid

ANONIEM_GROEIEN = {"groeien": True, "groeien_met_naam": False}


@pytest.fixture
def vijf(netwerk):
    """Five members who shared, and the map looked at once: the counts are visible."""
    leden = [nieuw_lid(netwerk, naam) for naam in ("Bram", "Carla", "Daan", "Eva", "Fatma")]
    for lid in leden:
        deel(lid, ("coach", {"zet_in": True, "zet_in_met_naam": False}))
    bouw_kaart(netwerk)
    een_dag_later(netwerk)
    assert bouw_kaart(netwerk).tellingen_zichtbaar
    return leden


def _gebied(kaart, sleutel):
    return next(g for g in kaart.gebieden if g.groep.sleutel == sleutel)


def test_an_anonymous_change_does_not_show_until_a_day_has_passed(netwerk, vijf):
    voor = _gebied(bouw_kaart(netwerk), "innovator").telling_groeien
    deel(vijf[0], ("innovator", ANONIEM_GROEIEN))
    assert _gebied(bouw_kaart(netwerk), "innovator").telling_groeien == voor == 0
    bijna_een_dag_later(netwerk)
    assert _gebied(bouw_kaart(netwerk), "innovator").telling_groeien == 0
    een_dag_later(netwerk)
    assert _gebied(bouw_kaart(netwerk), "innovator").telling_groeien == 1


def test_withdrawing_an_anonymous_statement_does_not_show_at_once_either(netwerk, vijf):
    # (Something else stays shared, so Bram still counts towards the minimum.)
    deel(vijf[0], ("coach", {"zet_in": False}), ("didacticus", ANONIEM_GROEIEN))
    assert _gebied(bouw_kaart(netwerk), "coach").telling_zet_in == 5
    een_dag_later(netwerk)
    assert _gebied(bouw_kaart(netwerk), "coach").telling_zet_in == 4


def test_a_change_in_who_shared_anything_does_not_show_at_once(netwerk, vijf):
    nieuw = nieuw_lid(netwerk, "Gijs")
    deel(nieuw, ("didacticus", ANONIEM_GROEIEN))
    kaart = bouw_kaart(netwerk)
    assert kaart.stand.bijdragers == 5
    assert _gebied(kaart, "didacticus").telling_groeien == 0
    een_dag_later(netwerk)
    kaart = bouw_kaart(netwerk)
    assert kaart.stand.bijdragers == 6


def test_a_named_statement_shows_at_once_because_its_author_chose_that(netwerk, vijf):
    deel(vijf[0], ("adviseur", {"zet_in": True, "zet_in_met_naam": True}))
    adviseur = _gebied(bouw_kaart(netwerk), "adviseur")
    assert [p.naam for p in adviseur.zet_in] == ["Bram"]
    assert adviseur.telling_zet_in == 0  # the count follows at the next dagstand


def test_turning_a_named_statement_anonymous_removes_the_name_and_keeps_the_count(netwerk, vijf):
    deel(vijf[0], ("adviseur", {"zet_in": True, "zet_in_met_naam": True}))
    een_dag_later(netwerk)
    assert _gebied(bouw_kaart(netwerk), "adviseur").telling_zet_in == 1
    deel(vijf[0], ("adviseur", {"zet_in": True, "zet_in_met_naam": False}))
    adviseur = _gebied(bouw_kaart(netwerk), "adviseur")
    assert adviseur.zet_in == []
    assert adviseur.telling_zet_in == 1  # counts hold everyone, with and without name
    een_dag_later(netwerk)
    assert _gebied(bouw_kaart(netwerk), "adviseur").telling_zet_in == 1


def test_a_leaving_member_leaves_the_counts_at_the_next_dagstand(netwerk, vijf):
    services.verlaat(lidmaatschap=vijf[0])
    kaart = bouw_kaart(netwerk)
    assert kaart.stand.bijdragers == 5
    assert _gebied(kaart, "coach").telling_zet_in == 5
    een_dag_later(netwerk)
    kaart = bouw_kaart(netwerk)
    assert kaart.stand.bijdragers == 4
    assert not kaart.tellingen_zichtbaar  # four left: below the minimum again


def test_the_dagstand_is_refreshed_at_most_once_per_24_hours(netwerk, vijf):
    stand = Dagstand.objects.get(netwerk=netwerk)
    gemaakt = stand.gemaakt_op
    for uren in (0, 1, 12, 23):
        nu = gemaakt + timedelta(hours=uren)
        assert actuele_dagstand(netwerk=netwerk, nu=nu).gemaakt_op == gemaakt
    later = gemaakt + VERVERSEN_NA
    assert actuele_dagstand(netwerk=netwerk, nu=later).gemaakt_op == later
    assert actuele_dagstand(netwerk=netwerk, nu=later + timedelta(hours=23)).gemaakt_op == later


def test_two_refreshes_that_saw_the_same_old_dagstand_write_it_once(netwerk, vijf):
    """Compare and set: a second reader that saw the same old dagstand changes nothing,
    even if something changed in between."""
    oud = Dagstand.objects.get(netwerk=netwerk)
    nu = oud.gemaakt_op + VERVERSEN_NA
    eerste = ververs(netwerk=netwerk, gezien=oud, nu=nu)
    deel(vijf[0], ("innovator", ANONIEM_GROEIEN))
    tweede = ververs(netwerk=netwerk, gezien=oud, nu=nu + timedelta(seconds=1))
    assert (tweede.gemaakt_op, tweede.tellingen) == (eerste.gemaakt_op, eerste.tellingen)
    assert Dagstand.objects.get(netwerk=netwerk).tellingen == eerste.tellingen


def test_two_first_looks_at_once_make_one_dagstand(netwerk, vijf):
    """Both readers saw no dagstand; the second finds the first one's and keeps it."""
    Dagstand.objects.filter(netwerk=netwerk).delete()
    nu = timezone.now()
    eerste = ververs(netwerk=netwerk, gezien=None, nu=nu)
    deel(vijf[0], ("innovator", ANONIEM_GROEIEN))
    tweede = ververs(netwerk=netwerk, gezien=None, nu=nu + timedelta(seconds=1))
    assert Dagstand.objects.filter(netwerk=netwerk).count() == 1
    assert (tweede.gemaakt_op, tweede.tellingen) == (eerste.gemaakt_op, eerste.tellingen)
