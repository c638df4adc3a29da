"""`make load` checks in the database that every answer the server acknowledged is stored
exactly; that check must notice an answer that went missing or changed (bench/load.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from scans import services
from scans.models import Antwoord, Leerdoel
from scans.stappen import stappenplan

LOAD = Path(__file__).resolve().parents[2] / "bench" / "load.py"


@pytest.fixture(scope="module")
def load():
    spec = importlib.util.spec_from_file_location("bench_load", LOAD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _verslag(tmp_path, regels) -> Path:
    pad = tmp_path / "verstuurd.jsonl"
    pad.write_text("".join(json.dumps(r | {"volgnummer": i}) + "\n" for i, r in enumerate(regels)))
    return pad


@pytest.fixture
def bewaard(scan, tmp_path):
    """Two saves of one step (the second changes an answer) and a leerdoel, as sent."""
    stap = stappenplan(scan).zoek("basis.kennis")
    eerste, tweede = stap.item_ids[:2]
    opties = {o.sleutel: o.pk for o in scan.versie.schaalopties.all()}
    regels = []
    for antwoord in ("herken", "bezig"):
        services.bewaar_itemstap(
            scan=scan,
            stap=stap,
            notitie="Mijn eigen woorden.",
            volgende=stap.sleutel,
            keuzes=[
                services.ItemKeuze(eerste, opties["herken"], True),
                services.ItemKeuze(tweede, opties[antwoord], False),
            ],
        )
        regels.append(
            {
                "scan": str(scan.pk),
                "stap": stap.sleutel,
                "antwoorden": {str(eerste): ["herken", True], str(tweede): [antwoord, False]},
                "notitie": "Mijn eigen woorden.",
                "wat": [],
            }
        )
    Leerdoel.objects.create(scan=scan, volgorde=0, wat="Feedback leren geven.")
    regels.append(
        {
            "scan": str(scan.pk),
            "stap": "leerdoelen",
            "antwoorden": {},
            "wat": ["Feedback leren geven."],
        }
    )
    return _verslag(tmp_path, regels), eerste, tweede


def test_everything_stored_as_sent_is_no_loss(load, bewaard):
    pad, _, tweede = bewaard
    verwacht = load.lees_verslag(pad)
    # The later save wins, as it does in the database.
    [scan] = verwacht.values()
    assert scan["antwoorden"][tweede] == ("bezig", False)
    assert load.controleer(verwacht) == []


def test_a_missing_answer_a_changed_wish_a_lost_note_and_leerdoel_are_each_reported(
    load, bewaard, scan
):
    pad, eerste, tweede = bewaard
    Antwoord.objects.filter(scan=scan, item_id=tweede).delete()
    Antwoord.objects.filter(scan=scan, item_id=eerste).update(ontwikkelen=False)
    scan.notities.update(tekst="")
    Leerdoel.objects.filter(scan=scan).delete()
    verloren = load.controleer(load.lees_verslag(pad))
    assert len(verloren) == 4, verloren
    assert any(f"item {tweede}: verstuurd ('bezig', False), opgeslagen None" in r for r in verloren)
    assert any(f"item {eerste}: verstuurd ('herken', True)" in r for r in verloren)
    assert any("notitie bij basis.kennis" in r for r in verloren)
    assert any("Feedback leren geven." in r for r in verloren)
