"""Starting a scan: the person picks gebieden and options; the basis is always included."""

import re

from django.urls import reverse

from scans.models import Scan
from scans.stappen import geschatte_minuten, stappenplan


def test_the_start_page_explains_the_network_and_shows_every_gebied(ingelogd, npuls):
    html = ingelogd.get(reverse("scans:nieuw")).content.decode()
    assert "niemand hoeft ze allemaal te beheersen" in html
    assert "Basiscompetenties" in html
    for groep in npuls.groepen.filter(soort="gebied"):
        assert groep.titel in html
        # A Dutch page needs no lang per text; the English one marks only fallbacks.
        assert f'<span class="rolnaam">{groep.rolnaam}</span>' in html
        assert groep.korte_beschrijving in html
    # The labels are off by default and come with the rapport's caveat.
    assert 'name="labels_aan"' in html
    assert not re.search(r'name="labels_aan"[^>]*checked', html)
    assert npuls.niveaus_toelichting in html


def test_the_time_estimate_is_honest_and_based_on_the_items(ingelogd, npuls):
    html = ingelogd.get(reverse("scans:nieuw")).content.decode()
    assert f"Alleen de basis kost ongeveer {geschatte_minuten(23)} minuten" in html
    coach = 23 + 17
    assert f"samen met de basis ongeveer {geschatte_minuten(coach)} minuten" in html
    assert geschatte_minuten(coach) == 10


def test_choosing_gebieden_starts_a_scan_on_the_current_version(ingelogd, npuls, gebruiker):
    coach = npuls.groepen.get(sleutel="coach")
    adviseur = npuls.groepen.get(sleutel="adviseur")
    response = ingelogd.post(
        reverse("scans:nieuw"),
        {"gebieden": [coach.pk, adviseur.pk], "functie": "ICTO-coach", "sector": "wo"},
    )
    scan = Scan.objects.get(eigenaar=gebruiker)
    assert response["Location"] == reverse("scans:hervat", kwargs={"scan_id": scan.pk})
    assert scan.versie == npuls
    assert not scan.labels_aan
    assert (scan.functie, scan.sector) == ("ICTO-coach", "wo")
    assert [sg.groep.sleutel for sg in scan.scangroepen.all()] == ["basis", "adviseur", "coach"]


def test_no_gebied_at_all_is_fine_the_basis_is_always_there(ingelogd, npuls, gebruiker):
    ingelogd.post(reverse("scans:nieuw"), {})
    scan = Scan.objects.get(eigenaar=gebruiker)
    assert [s.sleutel for s in stappenplan(scan)][:3] == [
        "basis.kennis",
        "basis.vaardigheden",
        "basis.attitude",
    ]


def test_a_group_from_elsewhere_is_refused_with_a_message(ingelogd, npuls, gebruiker):
    basis = npuls.groepen.get(sleutel="basis")
    response = ingelogd.post(reverse("scans:nieuw"), {"gebieden": [basis.pk, 999999]})
    assert response.status_code == 200
    assert "Er is iets dat je nog even moet bekijken" in response.content.decode()
    assert not Scan.objects.exists()


def test_a_scan_keeps_its_version_when_a_new_version_is_loaded(scan, npuls_data, tmp_path):
    from competentieprofiel.laden import schrijf_profiel

    nieuw = dict(npuls_data, titel="Een nieuwe titel")
    schrijf_profiel(nieuw)
    scan.refresh_from_db()
    assert scan.versie.nummer == 1
    assert scan.versie.titel != "Een nieuwe titel"
