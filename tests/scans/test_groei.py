"""Scans over time: a new scan from an earlier one, leerdoelen followed up, comparisons
across profile versions, and a second, differently shaped profile end to end."""

import re

from django.urls import reverse
from django.utils.html import escape

from competentieprofiel.laden import lees_profielbestand, schrijf_profiel
from competentieprofiel.models import ProfielVersie
from scans import services
from scans.demo import maak_demo
from scans.models import Antwoord, Scan
from scans.stappen import ITEMS, stappenplan
from scans.vergelijking import vergelijk
from tests.conftest import HAN


def _nieuw_vanaf(client, vorige):
    html = client.get(reverse("scans:nieuw") + f"?vanaf={vorige.pk}").content.decode()
    return html


def test_a_new_scan_from_an_earlier_one_keeps_the_settings_but_not_the_answers(client, npuls):
    gebruiker, vorige, _ = maak_demo(npuls)
    client.force_login(gebruiker)
    html = _nieuw_vanaf(client, vorige)
    assert "Verder vanaf je scan van" in html
    for groep in npuls.groepen.filter(soort="gebied"):
        assert re.search(rf'value="{groep.pk}"[^>]*checked', html), groep.sleutel
    assert re.search(r'name="labels_aan"[^>]*checked', html)
    assert 'value="ICTO-coach"' in html
    for leerdoel in vorige.leerdoelen.all():
        assert leerdoel.wat in html

    data = {
        "gebieden": [g.pk for g in npuls.groepen.filter(soort="gebied")],
        "labels_aan": "on",
        "functie": "ICTO-coach",
        "sector": "hbo",
        "vanaf": str(vorige.pk),
    }
    client.post(reverse("scans:nieuw"), data)
    nieuw = Scan.objects.exclude(pk=vorige.pk).get()
    assert nieuw.vorige_scan == vorige
    assert not Antwoord.objects.filter(scan=nieuw).exists()
    assert nieuw.scangroepen.count() == 6
    assert [o.leerdoel for o in nieuw.opvolgingen.all()] == [d.wat for d in vorige.leerdoelen.all()]


def test_only_a_finished_scan_of_ones_own_can_be_the_starting_point(
    client, npuls, andere_gebruiker
):
    _, vorige, _ = maak_demo(npuls)
    client.force_login(andere_gebruiker)
    assert client.get(reverse("scans:nieuw") + f"?vanaf={vorige.pk}").status_code == 404
    assert client.get(reverse("scans:nieuw") + "?vanaf=geen-uuid").status_code == 404


def test_the_follow_up_of_earlier_leerdoelen_is_the_first_step_and_is_reported(client, npuls):
    gebruiker, vorige, _ = maak_demo(npuls)
    nieuw = services.start_scan(
        eigenaar=gebruiker,
        versie=npuls,
        gebieden=[npuls.groepen.get(sleutel="coach")],
        vorige=vorige,
    )
    plan = stappenplan(nieuw)
    assert plan.eerste.sleutel == "opvolging"
    client.force_login(gebruiker)
    url = reverse("scans:stap", kwargs={"scan_id": nieuw.pk, "stap": "opvolging"})
    html = client.get(url).content.decode()
    assert "Wat is ermee gebeurd?" in html and "losgelaten" in html
    data = {
        "opvolging-TOTAL_FORMS": "3",
        "opvolging-INITIAL_FORMS": "3",
        "opvolging-0-status": "bereikt",
        "opvolging-0-notitie": "Gedaan met het team & meer",
        "opvolging-1-status": "losgelaten",
        "opvolging-1-notitie": "",
        "opvolging-2-status": "",  # the third left open
        "opvolging-2-notitie": "",
        "actie": "volgende",
    }
    response = client.post(url, data)
    assert response["Location"].endswith("/stap/basis.kennis/")
    assert [(o.status, o.notitie) for o in nieuw.opvolgingen.all()] == [
        ("bereikt", "Gedaan met het team & meer"),
        ("losgelaten", ""),
        ("", ""),
    ]
    rapport = client.get(reverse("scans:rapport", kwargs={"scan_id": nieuw.pk})).content.decode()
    assert "Sinds je vorige scan" in rapport
    assert "Gedaan met het team &amp; meer" in rapport
    assert "bereikt" in rapport


def test_the_comparison_names_moved_answers_and_new_kept_and_dropped_wishes(npuls, gebruiker):
    coach = npuls.groepen.get(sleutel="coach")
    eerder = services.start_scan(eigenaar=gebruiker, versie=npuls, gebieden=[coach])
    nu = services.start_scan(eigenaar=gebruiker, versie=npuls, gebieden=[coach], vorige=eerder)
    stap = stappenplan(eerder).zoek("basis.kennis")
    bezig, herken = (npuls.schaalopties.get(sleutel=k) for k in ("bezig", "herken"))
    a, b, c = stap.item_ids[:3]
    for scan, keuzes in (
        (eerder, [(a, bezig, True), (b, herken, True), (c, herken, False)]),
        (nu, [(a, herken, True), (b, herken, False), (c, herken, True)]),
    ):
        services.bewaar_itemstap(
            scan=scan,
            stap=stap,
            notitie=None,
            volgende=stap.sleutel,
            keuzes=[services.ItemKeuze(i, o.pk, w) for i, o, w in keuzes],
        )
    v = vergelijk(eerder, nu)
    basis = v.groepen[0]
    assert [(s.eerder.sleutel, s.nu.sleutel) for s in basis.verschoven] == [("bezig", "herken")]
    assert basis.vanzelfsprekender == basis.verschoven
    assert not basis.meer_in_ontwikkeling and not basis.nu_buiten_rol and not basis.nu_binnen_rol
    assert [r.item.pk for r in basis.behouden_wensen] == [a]
    assert [r.item.pk for r in basis.losgelaten_wensen] == [b]
    assert [r.item.pk for r in basis.nieuwe_wensen] == [c]
    assert not basis.toegevoegd and not basis.vervallen


def test_scans_on_two_profile_versions_are_matched_by_item_key(npuls, npuls_data, gebruiker):
    eerder = services.start_scan(eigenaar=gebruiker, versie=npuls, gebieden=[])
    stap = stappenplan(eerder).zoek("basis.kennis")
    herken = npuls.schaalopties.get(sleutel="herken")
    services.bewaar_itemstap(
        scan=eerder,
        stap=stap,
        notitie=None,
        volgende=stap.sleutel,
        keuzes=[services.ItemKeuze(i, herken.pk, False) for i in stap.item_ids],
    )
    # Version 2 rewords one item, drops another and adds a new one.
    import copy

    data = copy.deepcopy(npuls_data)
    kennis = data["groepen"][0]["onderdelen"][0]["items"]
    kennis[0]["tekst"] = "Een nieuwe formulering van het eerste item."
    del kennis[1]
    kennis.append({"sleutel": "basis.kennis.99", "tekst": "Een heel nieuw item."})
    r = schrijf_profiel(data)
    versie2 = ProfielVersie.objects.get(profiel=npuls.profiel, nummer=r.versie)
    nu = services.start_scan(eigenaar=gebruiker, versie=versie2, gebieden=[], vorige=eerder)
    stap2 = stappenplan(nu).zoek("basis.kennis")
    bezig = versie2.schaalopties.get(sleutel="bezig")
    services.bewaar_itemstap(
        scan=nu,
        stap=stap2,
        notitie=None,
        volgende=stap2.sleutel,
        keuzes=[services.ItemKeuze(stap2.item_ids[0], bezig.pk, False)],
    )
    basis = vergelijk(eerder, nu).groepen[0]
    assert [s.sleutel for s in basis.verschoven] == ["basis.kennis.01"]
    assert basis.meer_in_ontwikkeling == basis.verschoven  # herken, now bezig
    assert basis.verschoven[0].tekst == "Een nieuwe formulering van het eerste item."
    assert [r.item.sleutel for r in basis.toegevoegd] == ["basis.kennis.99"]
    assert [r.item.sleutel for r in basis.vervallen] == ["basis.kennis.02"]
    assert vergelijk(eerder, nu).andere_profielversie


def test_comparing_with_someone_elses_scan_is_a_404(client, npuls, gebruiker, andere_gebruiker):
    eigen = services.start_scan(eigenaar=gebruiker, versie=npuls, gebieden=[])
    ander = services.start_scan(eigenaar=andere_gebruiker, versie=npuls, gebieden=[])
    client.force_login(gebruiker)
    url = reverse("scans:vergelijken", kwargs={"scan_id": eigen.pk, "ander_id": ander.pk})
    assert client.get(url).status_code == 404


def test_a_whole_scan_on_the_han_profile_works_end_to_end(client, db, gebruiker):
    schrijf_profiel(lees_profielbestand(HAN))
    versie = ProfielVersie.objects.get(profiel__sleutel="han-ixperium-ict-onderwijsondersteuners")
    client.force_login(gebruiker)
    start = client.get(reverse("scans:nieuw") + "?profiel=" + versie.profiel.sleutel)
    assert "Competentieprofiel ict-onderwijsondersteuners" in start.content.decode()
    assert 'name="labels_aan"' not in start.content.decode()  # this profile has no labels
    gebieden = [g.pk for g in versie.groepen.filter(soort="gebied")]
    client.post(reverse("scans:nieuw"), {"profiel": versie.profiel.sleutel, "gebieden": gebieden})
    scan = Scan.objects.get(eigenaar=gebruiker)
    assert scan.versie == versie
    plan = stappenplan(scan)
    assert "professioneel-handelen.lerend" in [s.sleutel for s in plan]
    for stap in plan:
        url = reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": stap.sleutel})
        data = {"actie": "volgende"}
        if stap.soort == ITEMS:
            data |= {f"item_{i}": "herken" for i in stap.item_ids} | {
                "notitie": f"noot {stap.sleutel}"
            }
        if stap.soort == "leerdoelen":
            data |= {
                "leerdoel-TOTAL_FORMS": "3",
                "leerdoel-INITIAL_FORMS": "0",
                "leerdoel-0-wat": "Digitaal geletterd blijven",
                "gesprekspunten": "",
            }
        assert client.get(url).status_code == 200
        assert client.post(url, data).status_code == 302
    scan.refresh_from_db()
    assert scan.is_afgerond
    html = client.get(reverse("scans:rapport", kwargs={"scan_id": scan.pk})).content.decode()
    assert "Lerende professional" in html and "Digitaal geletterd blijven" in html
    pdf = client.get(reverse("scans:rapport_pdf", kwargs={"scan_id": scan.pk}))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    from io import BytesIO

    from pypdf import PdfReader

    tekst = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    assert "Digitaal geletterd blijven" in tekst
    assert "noot professioneel-handelen.lerend" in tekst


def test_the_comparison_says_in_words_where_each_moved_answer_went(client, npuls):
    gebruiker, vorige, _ = maak_demo(npuls)
    nu = services.start_scan(
        eigenaar=gebruiker,
        versie=npuls,
        gebieden=[npuls.groepen.get(sleutel="coach")],
        vorige=vorige,
    )
    eerder = {a.item_id: a for a in vorige.antwoorden.select_related("optie")}
    opties = {o.sleutel: o for o in npuls.schaalopties.all()}
    stappen = [s for s in stappenplan(nu) if s.soort == ITEMS]
    stap_van = {i: s for s in stappen for i in s.item_ids}
    # Move one answer along each direction, from what the demo answered.
    gekozen = {}
    for item_id in stap_van:
        oud = eerder[item_id].optie if item_id in eerder else None
        if oud is None:
            continue
        if oud.sleutel == "herken" and "op" not in gekozen:
            gekozen["op"] = (item_id, opties["vanzelf"])
        elif oud.sleutel == "vanzelf" and "neer" not in gekozen:
            gekozen["neer"] = (item_id, opties["bezig"])
        elif oud.sleutel == "nvt" and "binnen" not in gekozen:
            gekozen["binnen"] = (item_id, opties["herken"])
        elif oud.sleutel in ("ontdekken", "bezig") and "buiten" not in gekozen:
            gekozen["buiten"] = (item_id, opties["nvt"])
    assert set(gekozen) == {"op", "neer", "binnen", "buiten"}, gekozen
    for i, o in gekozen.values():
        services.bewaar_itemstap(
            scan=nu,
            stap=stap_van[i],
            notitie=None,
            volgende=stap_van[i].sleutel,
            keuzes=[services.ItemKeuze(i, o.pk, False)],
        )
    client.force_login(gebruiker)
    url = reverse("scans:vergelijken", kwargs={"scan_id": nu.pk, "ander_id": vorige.pk})
    html = client.get(url).content.decode()
    tekst = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    teksten = {k: npuls.items.get(pk=i).tekst for k, (i, _) in gekozen.items()}
    koppen = {
        "op": "Meer vanzelfsprekend geworden",
        "neer": "Nu meer in ontwikkeling",
        "binnen": "Nu wel onderdeel van je rol",
        "buiten": "Nu niet meer onderdeel van je rol",
    }
    for richting, kop in koppen.items():
        lijst = re.search(rf'<p class="bloklabel">{kop}</p>\s*<ul>(.*?)</ul>', html, re.S)
        assert lijst, kop
        assert escape(teksten[richting]) in lijst[1], richting
    assert "<svg" not in html and "spreidingsbalk" not in html
    assert not re.search(r"\d+\s*×|%", tekst)
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
