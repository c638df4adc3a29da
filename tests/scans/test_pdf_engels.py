"""The ontwikkelrapport in English: the PDF of the demo scan holds the English of every
profile text it shows and none of the Dutch, while the Dutch PDF stays Dutch; the
person's own words are printed as written, in either language."""

import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from scans.demo import NOTITIES, maak_demo
from scans.pdf import rapport_pdf
from scans.rapport import bouw_rapport
from tests.taalcontrole import profielteksten

# Shorter texts ("Kennis", "Expert") are too likely to occur inside other words or to be the
# same in both languages; every statement, suggestion and description is longer.
MINSTE_LENGTE = 25


def _plat(tekst: str) -> str:
    """Whitespace collapsed, and a line broken after a hyphen ("design- oriented") joined."""
    return re.sub(r"(\w)- (\w)", r"\1-\2", " ".join(tekst.split()))


def _pdf_tekst(pdf: bytes) -> str:
    return _plat(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages))


def _verschillend(versie) -> list[tuple[str, str]]:
    """(Dutch, English) for every profile text whose translation differs."""
    nl, en = profielteksten(versie), profielteksten(versie, "en")
    return [
        (_plat(a), _plat(b))
        for plaats in nl
        for a, b in zip(nl[plaats], en[plaats], strict=True)
        if a != b and len(a) >= MINSTE_LENGTE
    ]


@pytest.fixture
def demo(npuls):
    _, scan, _ = maak_demo(npuls)
    return scan


@pytest.fixture
def paren(npuls):
    return _verschillend(npuls)


def test_the_english_pdf_of_the_demo_scan_contains_no_dutch_profile_text(demo, paren):
    tekst = _pdf_tekst(rapport_pdf(bouw_rapport(demo), taal="en"))
    nederlands = [nl for nl, _ in paren if nl in tekst]
    assert nederlands == []
    # It is not empty for want of texts: the English of what the demo answered is there.
    engels = {en for _, en in paren if en in tekst}
    for regel in (r for g in bouw_rapport(demo).groepen for r in g.regels if r.optie):
        assert _plat(regel.item.in_taal("tekst", "en")) in engels, regel.item.sleutel
    assert "Development report" in tekst


def test_the_dutch_pdf_of_the_demo_scan_stays_dutch(demo, paren):
    tekst = _pdf_tekst(rapport_pdf(bouw_rapport(demo), taal="nl"))
    assert [en for _, en in paren if en in tekst] == []
    for regel in (r for g in bouw_rapport(demo).groepen for r in g.regels if r.optie):
        assert _plat(regel.item.tekst) in tekst, regel.item.sleutel


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_the_persons_own_words_are_printed_as_written_in_either_language(demo, taal):
    tekst = _pdf_tekst(rapport_pdf(bouw_rapport(demo), taal=taal))
    for notitie in NOTITIES:
        assert _plat(notitie) in tekst
    for doel in demo.leerdoelen.all():
        assert _plat(doel.wat) in tekst
