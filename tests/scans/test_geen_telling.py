"""Nothing in the report reads as a score: no "N ×" counts, percentages, bars or numbers
per group in the report page, the PDF or the comparison, in Dutch or in English."""

import re
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from scans import services
from scans.demo import maak_demo
from scans.stappen import ITEMS, stappenplan
from tests.i18n.catalogus import zorg_voor_mo

TELLING = re.compile(r"\d+\s*[×x]\s|\d+\s*%|%|\b\d+\s+(van|of)\s+\d+\b(?!\s*$)", re.IGNORECASE)


def _zichtbaar(html: str) -> str:
    html = re.sub(r"<(style|script|title)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def vervolg(npuls):
    """The demo scan and a later scan that moved some answers and wishes."""
    gebruiker, vorige, _ = maak_demo(npuls)
    nu = services.start_scan(
        eigenaar=gebruiker, versie=npuls, gebieden=list(vorige.gekozen_gebieden), vorige=vorige
    )
    opties = list(npuls.schaalopties.all())
    for n, stap in enumerate(s for s in stappenplan(nu) if s.soort == ITEMS):
        services.bewaar_itemstap(
            scan=nu,
            stap=stap,
            notitie=None,
            volgende=stap.sleutel,
            keuzes=[
                services.ItemKeuze(i, opties[(j + n) % len(opties)].pk, j % 3 == 0)
                for j, i in enumerate(stap.item_ids)
            ],
        )
    services.rond_af(scan=nu)
    return gebruiker, vorige, nu


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_no_count_percentage_or_bar_anywhere_in_the_report_pdf_or_comparison(client, vervolg, taal):
    zorg_voor_mo()
    gebruiker, vorige, nu = vervolg
    client.force_login(gebruiker)
    client.post(reverse("set_language"), {"language": taal, "next": "/"})
    paginas = {
        "rapport": reverse("scans:rapport", kwargs={"scan_id": nu.pk}),
        "eerste rapport": reverse("scans:rapport", kwargs={"scan_id": vorige.pk}),
        "vergelijking": reverse(
            "scans:vergelijken", kwargs={"scan_id": nu.pk, "ander_id": vorige.pk}
        ),
    }
    for naam, url in paginas.items():
        html = client.get(url).content.decode()
        assert f'<html lang="{taal}"' in html
        assert "<svg" not in html, naam
        tekst = _zichtbaar(html)
        assert not TELLING.search(tekst), (naam, TELLING.search(tekst))
        # No number per group: a group's section holds statements and words only ("A4" in
        # a suggestion is a word, not a count).
        for sectie in re.findall(r'<section class="rapportgroep".*?</section>', html, re.S):
            getal = re.search(r"\b\d+\b", _zichtbaar(sectie))
            assert not getal, _zichtbaar(sectie)[max(0, getal.start() - 80) : getal.end() + 20]
    pdf = client.get(reverse("scans:rapport_pdf", kwargs={"scan_id": nu.pk})).content
    lezer = PdfReader(BytesIO(pdf))
    assert lezer.trailer["/Root"]["/Lang"] == taal
    for nummer, pagina in enumerate(lezer.pages, start=1):
        tekst = " ".join(pagina.extract_text().split())
        # The running footer names the page ("pagina 3 van 9"); nothing else counts.
        tekst = re.sub(r"(pagina|page) \d+ (van|of) \d+", " ", tekst)
        assert not TELLING.search(tekst), (nummer, TELLING.search(tekst))
    kop = {"nl": "Sinds je vorige scan", "en": "Since your previous scan"}[taal]
    assert kop in " ".join(p.extract_text() for p in lezer.pages)
