"""The person chooses which optional sections go into the PDF; the choice is remembered."""

import re
from io import BytesIO

from django.urls import reverse
from pypdf import PdfReader

from scans import services
from scans.demo import maak_demo
from scans.stappen import stappenplan


def _tekst(response) -> str:
    return " ".join(p.extract_text() for p in PdfReader(BytesIO(response.content)).pages)


def _volgende_scan(gebruiker, npuls, vorige):
    scan = services.start_scan(
        eigenaar=gebruiker,
        versie=npuls,
        gebieden=[npuls.groepen.get(sleutel="coach")],
        labels_aan=True,
        vorige=vorige,
    )
    services.bewaar_label(
        scan=scan,
        stap=next(s for s in stappenplan(scan) if s.soort == "label"),
        niveau=npuls.niveaus.get(sleutel="expert"),
        volgende="terugblik",
    )
    services.bewaar_leerdoelen(
        scan=scan,
        leerdoelen=[{"wat": "Opnieuw beginnen"}],
        gesprekspunten="Mijn geheime gesprekspunt",
        volgende="leerdoelen",
    )
    return scan


def test_by_default_everything_is_in_the_pdf(client, npuls):
    gebruiker, vorige, _ = maak_demo(npuls)
    scan = _volgende_scan(gebruiker, npuls, vorige)
    client.force_login(gebruiker)
    tekst = _tekst(client.get(reverse("scans:rapport_pdf", kwargs={"scan_id": scan.pk})))
    assert "Sinds je vorige scan" in tekst
    assert "Mijn geheime gesprekspunt" in tekst
    assert "Jouw eigen label" in tekst


def test_unticked_sections_are_left_out_and_the_choice_is_remembered(client, npuls):
    gebruiker, vorige, _ = maak_demo(npuls)
    client.force_login(gebruiker)
    url = reverse("scans:rapport_pdf", kwargs={"scan_id": vorige.pk})
    notitie = vorige.notities.exclude(tekst="").first().tekst
    assert notitie.split()[0] in _tekst(client.get(url))

    response = client.post(url, {"labels": "on", "vergelijking": "on"})  # no notes, no points
    assert response["Content-Disposition"].startswith("attachment;")
    tekst = _tekst(response)
    assert vorige.gesprekspunten.splitlines()[0] not in tekst
    assert "In je eigen woorden" not in tekst
    assert "Jouw eigen label" in tekst

    # The next download (from Mijn scans, a plain GET) remembers the choice.
    vorige.refresh_from_db()
    assert vorige.pdf_keuze() == {
        "labels": True,
        "notities": False,
        "vergelijking": True,
        "gesprekspunten": False,
    }
    assert "In je eigen woorden" not in _tekst(client.get(url))
    html = client.get(reverse("scans:rapport", kwargs={"scan_id": vorige.pk})).content.decode()
    assert re.search(r'<input[^>]*name="notities"[^>]*>', html)
    assert not re.search(r'<input[^>]*name="notities"[^>]*checked', html)
    assert re.search(r'<input[^>]*name="labels"[^>]*checked', html)


def test_the_comparison_can_be_left_out(client, npuls):
    gebruiker, vorige, _ = maak_demo(npuls)
    scan = _volgende_scan(gebruiker, npuls, vorige)
    client.force_login(gebruiker)
    url = reverse("scans:rapport_pdf", kwargs={"scan_id": scan.pk})
    tekst = _tekst(client.post(url, {"labels": "on", "notities": "on", "gesprekspunten": "on"}))
    assert "Sinds je vorige scan" not in tekst
    assert "Mijn geheime gesprekspunt" in tekst
