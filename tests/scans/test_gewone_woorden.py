"""Plain words on the pages a docentondersteuner reads: what happened instead of a count,
no profile version numbers."""

import re

from django.urls import reverse

from scans.stappen import stappenplan


def _tekst(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_the_first_step_says_what_you_chose(ingelogd, scan):
    eerste = next(s for s in stappenplan(scan) if s.soort == "items")
    url = reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": eerste.sleutel})
    assert "Je koos Basiscompetenties en coach: 40 uitspraken; dat kost ongeveer" in _tekst(
        ingelogd.get(url)
    )


def test_start_and_profile_pages_name_no_version_number(ingelogd, npuls):
    for url in (reverse("scans:nieuw"), reverse("profiel")):
        tekst = _tekst(ingelogd.get(url))
        assert npuls.titel in tekst
        assert not re.search(r"\bversie \d", tekst), url
