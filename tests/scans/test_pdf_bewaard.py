"""A second download of an unchanged report costs no rendering: the last PDF of a scan is
kept, keyed on exactly what it shows (content, chosen sections, language). It goes when the
scan changes, and with the scan and the account."""

from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from accounts.services import verwijder_account
from scans import pdf as pdf_module
from scans import services
from scans.models import RapportPdf
from tests.conftest import beantwoord_twee_items


@pytest.fixture
def renders(monkeypatch):
    """How many times WeasyPrint really rendered (the real function, counted)."""
    echt = pdf_module.pdf_van_html
    teller = []

    def tel(html):
        teller.append(1)
        return echt(html)

    monkeypatch.setattr(pdf_module, "pdf_van_html", tel)
    return teller


def _url(scan):
    return reverse("scans:rapport_pdf", kwargs={"scan_id": scan.pk})


def _tekst(response) -> str:
    lezer = PdfReader(BytesIO(response.content))
    return " ".join(" ".join(p.extract_text() for p in lezer.pages).split())


def test_a_second_download_of_an_unchanged_report_is_not_rendered_again(ingelogd, scan, renders):
    eerste = ingelogd.get(_url(scan))
    tweede = ingelogd.get(_url(scan))
    assert eerste.status_code == tweede.status_code == 200
    assert len(renders) == 1
    assert tweede.content == eerste.content
    assert tweede["Content-Type"] == "application/pdf"
    assert tweede["Cache-Control"] == "private, no-store"
    assert RapportPdf.objects.filter(scan=scan).count() == 1


def test_saving_a_step_removes_the_stored_pdf_and_the_next_one_shows_the_change(
    ingelogd, scan, renders
):
    ingelogd.get(_url(scan))
    assert RapportPdf.objects.filter(scan=scan).exists()
    beantwoord_twee_items(scan, notitie="Een nieuwe gedachte over coaching")
    assert not RapportPdf.objects.filter(scan=scan).exists()
    response = ingelogd.get(_url(scan))
    assert len(renders) == 2
    assert "Een nieuwe gedachte over coaching" in _tekst(response)


def test_leerdoelen_and_finishing_remove_it_too(ingelogd, scan):
    ingelogd.get(_url(scan))
    services.bewaar_leerdoelen(
        scan=scan, leerdoelen=[{"wat": "Luisteren"}], gesprekspunten="", volgende="leerdoelen"
    )
    assert not RapportPdf.objects.filter(scan=scan).exists()
    ingelogd.get(_url(scan))
    services.rond_af(scan=scan)
    assert not RapportPdf.objects.filter(scan=scan).exists()


def test_other_sections_or_another_language_make_their_own_pdf(ingelogd, scan, renders):
    beantwoord_twee_items(scan, notitie="Mijn notitie bij kennis")
    volledig = ingelogd.get(_url(scan))
    zonder = ingelogd.post(_url(scan), {"labels": "on", "vergelijking": "on"})
    assert len(renders) == 2
    assert "Mijn notitie bij kennis" in _tekst(volledig)
    assert "Mijn notitie bij kennis" not in _tekst(zonder)
    ingelogd.post(reverse("set_language"), {"language": "en", "next": "/"})
    engels = ingelogd.get(_url(scan))
    assert len(renders) == 3
    assert engels.content != zonder.content
    assert PdfReader(BytesIO(engels.content)).trailer["/Root"]["/Lang"] == "en"
    assert PdfReader(BytesIO(zonder.content)).trailer["/Root"]["/Lang"] == "nl"
    assert ingelogd.get(_url(scan)).content == engels.content
    assert len(renders) == 3


def test_the_stored_pdf_goes_with_the_scan(ingelogd, scan):
    ingelogd.get(_url(scan))
    services.verwijder_scan(scan=scan)
    assert not RapportPdf.objects.exists()


def test_the_stored_pdf_goes_with_the_account(ingelogd, scan, gebruiker):
    ingelogd.get(_url(scan))
    verwijder_account(gebruiker=gebruiker)
    assert not RapportPdf.objects.exists()
