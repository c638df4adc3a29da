"""Plain words on the pages a docentondersteuner reads: what happened instead of a count,
no profile version numbers."""

import re

from django.urls import reverse

from scans.services import start_scan
from scans.stappen import stappenplan


def _tekst(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_with_two_gebieden_the_first_step_says_what_you_chose(ingelogd, gebruiker, npuls):
    scan = start_scan(
        eigenaar=gebruiker,
        versie=npuls,
        gebieden=list(npuls.groepen.filter(sleutel__in=["coach", "innovator"])),
    )
    eerste = next(s for s in stappenplan(scan) if s.soort == "items")
    url = reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": eerste.sleutel})
    assert "Je koos Basiscompetenties, coach en innovator: 66 uitspraken; dat kost ongeveer" in (
        _tekst(ingelogd.get(url))
    )


def test_with_one_gebied_the_start_page_said_it_already(ingelogd, scan):
    # The start page showed "ongeveer N minuten" on the card that was chosen.
    eerste = next(s for s in stappenplan(scan) if s.soort == "items")
    url = reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": eerste.sleutel})
    tekst = _tekst(ingelogd.get(url))
    assert "Je koos" not in tekst
    assert "Hoe herken je dit in je werk?" in tekst


def test_start_and_profile_pages_name_no_version_number(ingelogd, npuls):
    for url in (reverse("scans:nieuw"), reverse("profiel")):
        tekst = _tekst(ingelogd.get(url))
        assert npuls.titel in tekst
        assert not re.search(r"\bversie \d", tekst), url
