"""The praatplaat: the map as an A4 landscape PDF for a team meeting, tagged and titled,
in the reader's language, with only what the map shows and questions for the conversation,
rendered with the ontwikkelrapport's safe fetcher (nothing from elsewhere)."""

from __future__ import annotations

import socket
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from netwerk.praatplaat import NAMEN_NAAST_ELKAAR, praatplaat_pdf
from netwerk.selectors import bouw_kaart

from .conftest import deel, een_dag_later, nieuw_lid

A4_LIGGEND = (842, 595)  # points, rounded


def _lees(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(BytesIO(pdf))


def _tekst(lezer: PdfReader) -> str:
    return " ".join(" ".join(p.extract_text() for p in lezer.pages).split())


@pytest.fixture
def gedeeld(netwerk, gebruiker):
    deel(
        gebruiker.lidmaatschappen.get(),
        ("coach", {"zet_in": True, "benader": True}),
        functie="i-coach",
    )
    for naam in ("Bram", "Carla", "Daan", "Eva"):
        deel(nieuw_lid(netwerk, naam), ("innovator", {"groeien": True}))
    bouw_kaart(netwerk)
    een_dag_later(netwerk)
    return netwerk


def test_it_is_an_a4_landscape_download_for_members(client, gedeeld, gebruiker):
    client.force_login(gebruiker)
    response = client.get(reverse("netwerk:praatplaat", kwargs={"netwerk_id": gedeeld.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="praatplaat-')
    assert response["Cache-Control"] == "private, no-store"
    lezer = _lees(response.content)
    for pagina in lezer.pages:
        assert (
            round(float(pagina.mediabox.width)),
            round(float(pagina.mediabox.height)),
        ) == A4_LIGGEND


def test_it_holds_what_the_map_shows_and_questions_for_the_conversation(gedeeld):
    tekst = _tekst(_lees(praatplaat_pdf(bouw_kaart(gedeeld))))
    assert "i-coaches Zorg & Welzijn" in tekst
    assert "Anna (i-coach)" in tekst
    assert "4 mensen willen hierin groeien." in tekst
    assert "toen hadden 5 mensen iets gedeeld" in tekst
    assert (
        "In dit netwerk zet nog niemand dit gebied in: wie weet waar we dat kunnen vinden?" in tekst
    )
    assert "Voor jullie gesprek" in tekst
    assert "Wie wil ergens in groeien, en wie kan daarbij meekijken" in tekst
    assert "Niets uit iemands scan" in tekst
    for naam in ("Bram", "Carla", "Daan", "Eva"):  # they only counted anonymously
        assert naam not in tekst


def test_it_is_tagged_titled_and_in_the_readers_language(gedeeld):
    for taal, titel, vraag in (
        ("nl", "Praatplaat: i-coaches Zorg & Welzijn", "Voor jullie gesprek"),
        ("en", "Conversation poster: i-coaches Zorg & Welzijn", "For your conversation"),
    ):
        lezer = _lees(praatplaat_pdf(bouw_kaart(gedeeld), taal=taal))
        assert lezer.metadata.title == titel
        katalogus = lezer.trailer["/Root"]
        assert katalogus["/Lang"] == taal
        assert "/StructTreeRoot" in katalogus
        assert katalogus["/MarkInfo"]["/Marked"]
        assert vraag in _tekst(lezer)


def test_the_map_is_on_one_page_for_a_team(gedeeld):
    lezer = _lees(praatplaat_pdf(bouw_kaart(gedeeld)))
    assert len(lezer.pages) == 2  # the map, then the conversation
    assert "Richting geven aan" in lezer.pages[0].extract_text()
    assert "Voor jullie gesprek" in lezer.pages[1].extract_text()


def test_a_netwerk_with_many_names_runs_on_over_pages_and_loses_none(netwerk):
    namen = [f"Collega {i:02d}" for i in range(NAMEN_NAAST_ELKAAR * 3)]
    for naam in namen:
        deel(nieuw_lid(netwerk, naam), ("coach", {"zet_in": True, "benader": True}))
    lezer = _lees(praatplaat_pdf(bouw_kaart(netwerk)))
    tekst = _tekst(lezer)
    assert len(lezer.pages) > 2
    assert all(tekst.count(naam) == 2 for naam in namen)  # under "zet in" and "benader"


def test_rendering_opens_no_connection(monkeypatch, gedeeld):
    """The report's fetcher serves our own files from disk; any socket would be a leak."""

    def geen_netwerk(*args, **kwargs):
        raise AssertionError("de praatplaat probeerde iets van buiten te halen")

    monkeypatch.setattr(socket.socket, "connect", geen_netwerk)
    assert praatplaat_pdf(bouw_kaart(gedeeld)).startswith(b"%PDF-")
