"""Anonymous counts appear only once at least ZELFSCAN_NETWERK_MINIMUM members (default 5,
never below 3) have shared something; below that the map says how many more it needs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.urls import reverse

from netwerk.selectors import bouw_kaart

from ..test_deploy_check import ROOT
from .conftest import deel, een_dag_later, nieuw_lid

NAMEN = ["Bram", "Carla", "Daan", "Eva", "Fatma"]


def _vier_of_vijf(netwerk, aantal: int):
    """`aantal` members who each share only anonymously: a wish to grow in coach."""
    for naam in NAMEN[:aantal]:
        deel(nieuw_lid(netwerk, naam), ("coach", {"groeien": True, "groeien_met_naam": False}))
    bouw_kaart(netwerk)  # the dagstand of the first look
    een_dag_later(netwerk)


def _kaart_html(client, netwerk) -> str:
    return client.get(reverse("netwerk:kaart", kwargs={"netwerk_id": netwerk.pk})).content.decode()


def test_the_default_minimum_is_five():
    from competentieprofiel import settings as projectinstellingen

    assert projectinstellingen.NETWERK_MINIMUM == 5


def test_four_contributors_show_no_counts_and_say_one_more_is_needed(ingelogd, netwerk):
    _vier_of_vijf(netwerk, 4)
    kaart = bouw_kaart(netwerk)
    assert kaart.stand.bijdragers == 4
    assert not kaart.tellingen_zichtbaar
    assert [g.telling_groeien for g in kaart.gebieden] == [None] * 5
    html = _kaart_html(ingelogd, netwerk)
    assert "was er nog 1 persoon nodig" in html
    assert "willen hierin groeien" not in html
    assert "wil hierin groeien" not in html


def test_five_contributors_show_the_counts(ingelogd, netwerk):
    _vier_of_vijf(netwerk, 5)
    kaart = bouw_kaart(netwerk)
    assert kaart.tellingen_zichtbaar
    coach = next(g for g in kaart.gebieden if g.groep.sleutel == "coach")
    assert coach.telling_groeien == 5
    assert coach.groeien == []  # nobody named: the count is the only trace
    html = _kaart_html(ingelogd, netwerk)
    assert "5 mensen willen hierin groeien." in html
    assert "toen hadden 5 mensen iets gedeeld" in html


def test_members_who_shared_nothing_do_not_count_towards_the_minimum(netwerk):
    _vier_of_vijf(netwerk, 4)
    for naam in ("Gijs", "Hanna", "Ilse"):
        nieuw_lid(netwerk, naam)
    assert bouw_kaart(netwerk).stand.bijdragers == 4


@pytest.mark.parametrize("minimum", [3, 4])
def test_an_institution_may_lower_the_minimum_to_three(settings, netwerk, minimum):
    settings.NETWERK_MINIMUM = minimum
    _vier_of_vijf(netwerk, 3)
    assert bouw_kaart(netwerk).tellingen_zichtbaar is (minimum == 3)


def _check(**env):
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("ZELFSCAN_")}
    omgeving.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_minimum_below_three_refuses_to_start():
    result = _check(ZELFSCAN_NETWERK_MINIMUM="2")
    assert result.returncode == 1
    assert "ZELFSCAN_NETWERK_MINIMUM moet 3 of meer zijn, niet 2" in result.stderr
    assert "Traceback" not in result.stderr
    assert _check(ZELFSCAN_NETWERK_MINIMUM="3").returncode == 0
