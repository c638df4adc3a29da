"""Read each thing once (issue 11): a group's description open on its first page and folded
on its next ones, the scale explained at the first step only."""

import re

from django.urls import reverse

from scans.stappen import ITEMS, stappenplan

OPEN = '<div class="groepsuitleg">'
GEVOUWEN = '<details class="groepsuitleg">'


def _html(client, scan, stap: str) -> str:
    return client.get(
        reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": stap})
    ).content.decode()


def test_a_groups_first_step_is_where_its_description_is_open(scan):
    plan = stappenplan(scan)
    eerste = {s.sleutel: plan.eerste_van_groep(s) for s in plan if s.soort == ITEMS}
    assert eerste == {
        "basis.kennis": True,
        "basis.vaardigheden": False,
        "basis.attitude": False,
        "coach.kennis": True,
        "coach.vaardigheden": False,
        "coach.attitude": False,
    }


def test_the_description_is_open_on_the_first_page_and_folded_on_the_next(ingelogd, scan):
    basis = scan.versie.groepen.get(sleutel="basis")
    coach = scan.versie.groepen.get(sleutel="coach")

    html = _html(ingelogd, scan, "basis.kennis")
    assert OPEN in html and GEVOUWEN not in html
    assert basis.korte_beschrijving in html

    for stap in ("basis.vaardigheden", "basis.attitude"):
        html = _html(ingelogd, scan, stap)
        assert OPEN not in html and GEVOUWEN in html
        assert "<summary>Waar gaat dit over?</summary>" in html
        assert basis.korte_beschrijving in html  # folded, not gone

    html = _html(ingelogd, scan, "coach.kennis")
    assert OPEN in html and GEVOUWEN not in html
    assert coach.korte_beschrijving in html
    assert "<summary>Waar gaat dit over?</summary>" in _html(ingelogd, scan, "coach.attitude")


def test_the_scale_is_explained_at_the_first_step_only(ingelogd, scan):
    vraag = scan.versie.schaal_vraag
    html = _html(ingelogd, scan, "basis.kennis")
    assert html.count(vraag) == 1
    assert "geen goede of foute antwoorden" in html
    for stap in ("basis.vaardigheden", "coach.kennis", "coach.attitude"):
        html = _html(ingelogd, scan, stap)
        assert vraag not in html
        assert "geen goede of foute antwoorden" not in html
        # The note keeps one short line on who sees it.
        hulp = re.search(r'<span class="form-text" id="notitie-hulp">([^<]*)</span>', html)
        assert hulp.group(1) == "Alleen jij ziet dit; het komt in je rapport."
