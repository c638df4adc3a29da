"""An institution's own copy of the profile loads beside Npuls, without touching scans."""

from pathlib import Path

from django.urls import reverse

from competentieprofiel.laden import lees_profielbestand, schrijf_profiel
from competentieprofiel.models import Groep, ProfielVersie
from scans import services
from tests.conftest import ROOT

VOORBEELD = ROOT / "profiel_data" / "voorbeelden" / "verbinder.yaml"


def _laad(pad: Path) -> ProfielVersie:
    r = schrijf_profiel(lees_profielbestand(pad))
    return ProfielVersie.objects.get(profiel__sleutel=r.profiel, nummer=r.versie)


def test_the_example_renames_the_bruggenbouwer_and_links_its_own_offer(db):
    versie = _laad(VOORBEELD)
    groep = Groep.objects.get(versie=versie, sleutel="bruggenbouwer")
    assert groep.rolnaam == "verbinder"
    assert groep.verder_met[0]["url"].startswith("https://")
    assert versie.items.count() == 127


def test_it_loads_beside_npuls_and_existing_scans_keep_their_version(npuls, gebruiker, client):
    scan = services.start_scan(eigenaar=gebruiker, versie=npuls, gebieden=[])
    eigen = _laad(VOORBEELD)
    assert eigen.profiel != npuls.profiel
    scan.refresh_from_db()
    assert scan.versie == npuls
    client.force_login(gebruiker)
    start = client.get(reverse("scans:nieuw")).content.decode()
    assert "Je scant op: Competentieprofiel voor netwerk docentondersteuning" in start
    assert "Competentieprofiel docentondersteuning Hogeschool Voorbeeld" in start


def test_a_setting_chooses_the_default_profile(npuls, gebruiker, client, settings):
    eigen = _laad(VOORBEELD)
    settings.STANDAARD_PROFIEL = eigen.profiel.sleutel
    client.force_login(gebruiker)
    start = client.get(reverse("scans:nieuw")).content.decode()
    assert "Je scant op: Competentieprofiel docentondersteuning Hogeschool Voorbeeld" in start
    assert '<span class="rolnaam">verbinder</span>' in start


def test_the_report_shows_the_institutions_offer_as_verder_met(gebruiker, client, db):
    eigen = _laad(VOORBEELD)
    scan = services.start_scan(
        eigenaar=gebruiker, versie=eigen, gebieden=[eigen.groepen.get(sleutel="bruggenbouwer")]
    )
    client.force_login(gebruiker)
    html = client.get(reverse("scans:rapport", kwargs={"scan_id": scan.pk})).content.decode()
    assert "Verder met" in html
    assert 'href="https://intranet.hogeschool-voorbeeld.nl/leren/netwerk-verbinders"' in html
