"""The ontwikkelrapport on screen: the person's own words first, no scores anywhere."""

import re

from django.urls import reverse

from scans import services
from scans.demo import maak_demo
from scans.rapport import bouw_rapport
from scans.stappen import stappenplan
from tests.conftest import beantwoord_twee_items

VERBODEN = re.compile(
    r"\b(score|punten|percentage|onvoldoende|voldoende|zwak|tekort|achterstand|ranking)\b|%",
    re.IGNORECASE,
)


def _zichtbare_tekst(html: str) -> str:
    html = re.sub(r"<(style|script)[^>]*>.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def _vul(scan):
    beantwoord_twee_items(scan, notitie="Een <script>alert(1)</script> voorbeeld & ë ’")
    plan = stappenplan(scan)
    services.bewaar_label(
        scan=scan,
        stap=plan.zoek("label.coach"),
        niveau=scan.versie.niveaus.get(sleutel="gevorderd"),
        volgende="terugblik",
    )
    services.bewaar_leerdoelen(
        scan=scan,
        leerdoelen=[{"wat": "Beter <em>luisteren</em>", "eerste_stap": "Vragen stellen"}],
        gesprekspunten="Tijd & ruimte",
        volgende="leerdoelen",
    )


def test_the_report_has_header_reading_guide_groups_goals_and_next_steps(ingelogd, scan):
    _vul(scan)
    html = ingelogd.get(reverse("scans:rapport", kwargs={"scan_id": scan.pk})).content.decode()
    assert "<h1>Ontwikkelrapport" in html
    assert "Anna" in html and "i-coach" in html and "mbo" in html
    assert scan.versie.titel in html
    assert "Zo lees je dit rapport" in html
    assert "een spiegel voor een gesprek, geen beoordeling" in html
    assert "Begeleiden professionele ontwikkeling" in html
    assert "Jouw eigen label: <strong>Gevorderd</strong>" in html
    assert "wil ik ontwikkelen" in html
    assert "Beter &lt;em&gt;luisteren&lt;/em&gt;" in html
    assert "Vragen stellen" in html
    assert "Tijd &amp; ruimte" in html
    for vraag in scan.versie.groepen.get(sleutel="coach").gespreksvragen:
        assert vraag.replace("’", "’") in html
    assert "Dit rapport is van jou. Jij bepaalt met wie je het deelt." in html


def test_notes_are_text_never_markup(ingelogd, scan):
    _vul(scan)
    html = ingelogd.get(reverse("scans:rapport", kwargs={"scan_id": scan.pk})).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "Een &lt;script&gt;alert(1)&lt;/script&gt; voorbeeld &amp; ë ’" in html


def test_items_are_grouped_by_the_answer_and_open_items_are_named_as_open(scan):
    _vul(scan)
    rapport = bouw_rapport(scan)
    basis = rapport.groepen[0]
    assert [b.optie.sleutel if b.optie else None for b in basis.blokken] == ["herken", None]
    assert len(basis.blokken[0].regels) == 2
    assert len(basis.open) == 21
    assert [r.item.pk for r in basis.ontwikkelen] == [basis.regels[0].item.pk]
    assert rapport.tussenstand


def test_an_unfinished_scan_shows_its_report_as_tussenstand(ingelogd, scan):
    html = ingelogd.get(reverse("scans:rapport", kwargs={"scan_id": scan.pk})).content.decode()
    assert "tussenstand" in html


def test_no_page_of_a_full_scan_speaks_of_scores_or_percentages(client, npuls):
    gebruiker, scan, _ = maak_demo(npuls)
    client.force_login(gebruiker)
    urls = [reverse("scans:rapport", kwargs={"scan_id": scan.pk}), reverse("scans:mijn_scans")]
    urls += [
        reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": s.sleutel})
        for s in stappenplan(scan)
    ]
    for url in urls:
        tekst = _zichtbare_tekst(client.get(url).content.decode())
        assert not VERBODEN.search(tekst), (url, VERBODEN.search(tekst))


def test_the_stylesheet_uses_no_traffic_light_colours():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "static" / "css" / "zelfscan.css").read_text()
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)  # comments may say what we avoid
    for kleur in ("#ff0000", "#00ff00", "red", "green", "#008000", "#28a745", "#dc3545"):
        assert re.search(rf"(?<![\w-]){re.escape(kleur)}(?![\w-])", css, re.I) is None, kleur


def _landmarken(html: str) -> list[str]:
    """The names of the page's region landmarks: every <section> named by aria-labelledby."""
    namen = []
    for kop_id in re.findall(r'<section[^>]*aria-labelledby="([^"]+)"', html):
        kop = re.search(rf'id="{re.escape(kop_id)}"[^>]*>(.*?)</h[1-6]>', html, re.S)
        assert kop, kop_id
        namen.append(" ".join(_zichtbare_tekst(kop[1]).split()))
    return namen


def test_no_two_regions_of_the_report_share_a_name(client, npuls):
    gebruiker, vorige, _ = maak_demo(npuls)
    nu = services.start_scan(
        eigenaar=gebruiker, versie=npuls, gebieden=list(vorige.gekozen_gebieden), vorige=vorige
    )
    client.force_login(gebruiker)
    for scan in (vorige, nu):
        html = client.get(reverse("scans:rapport", kwargs={"scan_id": scan.pk})).content.decode()
        namen = _landmarken(html)
        assert len(namen) >= 8
        assert len(namen) == len(set(namen)), namen
        ids = re.findall(r'\bid="([^"]+)"', html)
        assert len(ids) == len(set(ids))


JARGON = re.compile(r"\bversie \d|vaste sleutel|\bJSON\b|laad_profiel|manage\.py|\bYAML\b", re.I)


def test_the_report_and_comparison_speak_plainly_without_versions_or_keys(client, npuls):
    gebruiker, vorige, _ = maak_demo(npuls)
    nu = services.start_scan(eigenaar=gebruiker, versie=npuls, gebieden=[], vorige=vorige)
    client.force_login(gebruiker)
    for url in (
        reverse("scans:rapport", kwargs={"scan_id": vorige.pk}),
        reverse("scans:rapport", kwargs={"scan_id": nu.pk}),
        reverse("scans:vergelijken", kwargs={"scan_id": nu.pk, "ander_id": vorige.pk}),
        reverse("privacy"),
    ):
        tekst = _zichtbare_tekst(client.get(url).content.decode())
        assert not JARGON.search(tekst), (url, JARGON.search(tekst))
