"""Walking through a scan: one page per group and category, every button saves, resume
returns exactly where the person was, nothing is mandatory and nothing is lost."""

import re

from django.urls import reverse

from scans.models import Antwoord, Notitie, Scan
from scans.stappen import stappenplan


def _url(scan, stap):
    return reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": stap})


def _items_op(html: str) -> list[str]:
    return sorted(set(re.findall(r'name="(item_\d+)"', html)))


def test_the_steps_are_one_page_per_group_and_category_then_label_and_goals(scan):
    sleutels = [s.sleutel for s in stappenplan(scan)]
    assert sleutels == [
        "basis.kennis",
        "basis.vaardigheden",
        "basis.attitude",
        "coach.kennis",
        "coach.vaardigheden",
        "coach.attitude",
        "label.coach",
        "leerdoelen",
    ]


def test_without_labels_there_is_no_label_step(scan):
    Scan.objects.filter(pk=scan.pk).update(labels_aan=False)
    scan.refresh_from_db()
    assert not any(s.sleutel.startswith("label.") for s in stappenplan(scan))


def test_a_step_page_shows_progress_description_items_and_the_scale(ingelogd, scan):
    response = ingelogd.get(_url(scan, "basis.vaardigheden"))
    html = response.content.decode()
    assert "Stap 2 van 8" in html
    assert "<h1>Basiscompetenties: vaardigheden</h1>" in html
    assert scan.versie.groepen.get(sleutel="basis").korte_beschrijving in html
    assert len(_items_op(html)) == 8
    assert html.count("<fieldset") == 8
    assert "Niet van toepassing in mijn rol" in html
    assert "Hier wil ik me verder in ontwikkelen" in html
    assert "Jouw voorbeeld of gedachte" in html


def test_next_saves_the_answers_and_goes_to_the_next_step(ingelogd, scan):
    html = ingelogd.get(_url(scan, "basis.kennis")).content.decode()
    velden = _items_op(html)
    data = {veld: "herken" for veld in velden}
    data[velden[0].replace("item_", "ontwikkelen_")] = "on"
    data["notitie"] = "Mijn voorbeeld"
    data["actie"] = "volgende"
    response = ingelogd.post(_url(scan, "basis.kennis"), data)
    assert response["Location"] == _url(scan, "basis.vaardigheden")
    assert Antwoord.objects.filter(scan=scan, optie__sleutel="herken").count() == 7
    assert Antwoord.objects.filter(scan=scan, ontwikkelen=True).count() == 1
    assert Notitie.objects.get(scan=scan).tekst == "Mijn voorbeeld"
    scan.refresh_from_db()
    assert scan.huidige_stap == "basis.vaardigheden"


def test_items_may_be_left_open(ingelogd, scan):
    response = ingelogd.post(_url(scan, "basis.kennis"), {"actie": "volgende"})
    assert response.status_code == 302
    response = ingelogd.post(
        _url(scan, "basis.vaardigheden"),
        {
            veld: ""
            for veld in _items_op(ingelogd.get(_url(scan, "basis.vaardigheden")).content.decode())
        }
        | {"actie": "volgende"},
    )
    assert response["Location"] == _url(scan, "basis.attitude")
    assert not Antwoord.objects.filter(scan=scan, optie__isnull=False).exists()


def test_back_saves_too(ingelogd, scan):
    velden = _items_op(ingelogd.get(_url(scan, "basis.vaardigheden")).content.decode())
    response = ingelogd.post(
        _url(scan, "basis.vaardigheden"), {velden[0]: "bezig", "actie": "vorige"}
    )
    assert response["Location"] == _url(scan, "basis.kennis")
    assert Antwoord.objects.get(scan=scan).optie.sleutel == "bezig"


def test_later_verder_saves_and_resume_returns_exactly_there(ingelogd, scan):
    velden = _items_op(ingelogd.get(_url(scan, "coach.kennis")).content.decode())
    response = ingelogd.post(
        _url(scan, "coach.kennis"), {velden[1]: "vanzelf", "notitie": "half af", "actie": "later"}
    )
    assert response["Location"] == reverse("scans:mijn_scans")
    volgende = ingelogd.get(response["Location"])
    assert "Je antwoorden zijn bewaard" in volgende.content.decode()

    # A new session (the browser was closed) resumes on the same step with the answer.
    ingelogd.logout()
    ingelogd.force_login(scan.eigenaar)
    hervat = ingelogd.get(reverse("scans:hervat", kwargs={"scan_id": scan.pk}))
    assert hervat["Location"] == _url(scan, "coach.kennis")
    html = ingelogd.get(hervat["Location"]).content.decode()
    assert re.search(rf'name="{velden[1]}" value="vanzelf"[^>]*checked', html)
    assert ">half af</textarea>" in html


def test_saved_answers_are_shown_again_when_coming_back(ingelogd, scan):
    velden = _items_op(ingelogd.get(_url(scan, "basis.kennis")).content.decode())
    ontwikkel = velden[2].replace("item_", "ontwikkelen_")
    ingelogd.post(
        _url(scan, "basis.kennis"), {velden[0]: "ontdekken", velden[2]: "", ontwikkel: "on"}
    )
    html = ingelogd.get(_url(scan, "basis.kennis")).content.decode()
    assert re.search(rf'name="{velden[0]}" value="ontdekken"[^>]*checked', html)
    assert re.search(rf'name="{ontwikkel}"[^>]*checked', html)


def test_a_form_posted_twice_ends_in_the_last_answer_without_error(ingelogd, scan):
    velden = _items_op(ingelogd.get(_url(scan, "basis.kennis")).content.decode())
    for optie in ("bezig", "herken", "herken"):
        response = ingelogd.post(_url(scan, "basis.kennis"), {velden[0]: optie})
        assert response.status_code == 302
    assert Antwoord.objects.get(scan=scan).optie.sleutel == "herken"
    assert Antwoord.objects.filter(scan=scan).count() == 1


def test_an_old_tab_without_a_field_does_not_wipe_that_answer(ingelogd, scan):
    velden = _items_op(ingelogd.get(_url(scan, "basis.kennis")).content.decode())
    ingelogd.post(
        _url(scan, "basis.kennis"), {velden[0]: "herken", velden[1]: "bezig", "notitie": "eerst"}
    )
    # A post that only carries the second item (a partial or older form) leaves the first.
    ingelogd.post(_url(scan, "basis.kennis"), {velden[1]: "vanzelf"})
    antwoorden = {a.item_id: a.optie.sleutel for a in Antwoord.objects.filter(scan=scan)}
    assert sorted(antwoorden.values()) == ["herken", "vanzelf"]
    assert Notitie.objects.get(scan=scan).tekst == "eerst"


def test_an_out_of_order_post_for_an_earlier_step_is_saved_and_moves_on_from_there(ingelogd, scan):
    ingelogd.post(_url(scan, "basis.kennis"), {"actie": "volgende"})
    ingelogd.post(_url(scan, "basis.vaardigheden"), {"actie": "volgende"})
    velden = _items_op(ingelogd.get(_url(scan, "basis.kennis")).content.decode())
    response = ingelogd.post(_url(scan, "basis.kennis"), {velden[0]: "bezig", "actie": "volgende"})
    assert response["Location"] == _url(scan, "basis.vaardigheden")
    assert Antwoord.objects.get(scan=scan, item_id=int(velden[0][5:])).optie.sleutel == "bezig"


def test_answers_for_items_of_another_step_are_ignored(ingelogd, scan):
    ander = _items_op(ingelogd.get(_url(scan, "coach.kennis")).content.decode())[0]
    ingelogd.post(_url(scan, "basis.kennis"), {ander: "herken"})
    assert not Antwoord.objects.filter(scan=scan).exists()


def test_an_unknown_answer_value_gets_a_clear_message_and_keeps_the_rest(ingelogd, scan):
    velden = _items_op(ingelogd.get(_url(scan, "basis.kennis")).content.decode())
    response = ingelogd.post(
        _url(scan, "basis.kennis"),
        {velden[0]: "uitstekend", velden[1]: "herken", "notitie": "mijn tekst"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er is iets dat je nog even moet bekijken" in html
    assert ">mijn tekst</textarea>" in html
    assert re.search(rf'name="{velden[1]}" value="herken"[^>]*checked', html)
    assert not Antwoord.objects.filter(scan=scan).exists()


def test_a_note_longer_than_5000_characters_is_refused_with_a_message_and_kept(ingelogd, scan):
    lang = "a" * 5001
    response = ingelogd.post(_url(scan, "basis.kennis"), {"notitie": lang, "actie": "volgende"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "maximaal 5000 tekens" in html
    assert lang in html
    assert not Notitie.objects.filter(scan=scan).exists()


def test_an_unknown_step_is_a_404(ingelogd, scan):
    assert ingelogd.get(_url(scan, "bestaat.niet")).status_code == 404


def test_a_label_is_chosen_by_the_person_or_not_at_all(ingelogd, scan):
    html = ingelogd.get(_url(scan, "label.coach")).content.decode()
    for niveau in scan.versie.niveaus.all():
        assert niveau.titel in html
        assert niveau.beschrijving in html
    assert "geen norm" in html or "norm" in scan.versie.niveaus_toelichting
    ingelogd.post(_url(scan, "label.coach"), {"niveau": "gevorderd", "actie": "volgende"})
    sg = scan.scangroepen.get(groep__sleutel="coach")
    assert sg.niveau.sleutel == "gevorderd"
    ingelogd.post(_url(scan, "label.coach"), {"niveau": ""})
    sg.refresh_from_db()
    assert sg.niveau is None and sg.label_gekozen


def test_the_leerdoelen_step_looks_back_at_wishes_open_items_and_all_answers(ingelogd, scan):
    velden = _items_op(ingelogd.get(_url(scan, "basis.kennis")).content.decode())
    ingelogd.post(
        _url(scan, "basis.kennis"),
        {
            velden[0]: "vanzelf",
            velden[1]: "bezig",
            velden[1].replace("item_", "ontwikkelen_"): "on",
        },
    )
    html = ingelogd.get(_url(scan, "leerdoelen")).content.decode()
    assert "Je antwoorden bij dit gebied" in html
    assert "Dit is een vanzelfsprekend deel van mijn werk" in html
    assert "Hier wil je je verder in ontwikkelen" in html
    assert "Nog open, als je wilt kijken:" in html
    assert _url(scan, "basis.kennis") in html


def test_leerdoelen_and_points_are_saved_and_finishing_leads_to_the_report(ingelogd, scan):
    data = {
        "leerdoel-TOTAL_FORMS": "3",
        "leerdoel-INITIAL_FORMS": "0",
        "leerdoel-MIN_NUM_FORMS": "3",
        "leerdoel-MAX_NUM_FORMS": "3",
        "leerdoel-0-wat": "Coachen met vragen",
        "leerdoel-0-eerste_stap": "Intervisie",
        "leerdoel-2-wat": "Feedback vragen",
        "gesprekspunten": "Tijd voor scholing",
        "actie": "volgende",
    }
    response = ingelogd.post(_url(scan, "leerdoelen"), data)
    assert response["Location"] == reverse("scans:rapport", kwargs={"scan_id": scan.pk})
    scan.refresh_from_db()
    assert scan.is_afgerond
    assert [d.wat for d in scan.leerdoelen.all()] == ["Coachen met vragen", "Feedback vragen"]
    assert scan.gesprekspunten == "Tijd voor scholing"


def test_a_leerdoel_without_what_but_with_details_asks_for_the_what(ingelogd, scan):
    data = {
        "leerdoel-TOTAL_FORMS": "3",
        "leerdoel-INITIAL_FORMS": "0",
        "leerdoel-0-waarom": "Omdat het ertoe doet",
        "gesprekspunten": "",
    }
    response = ingelogd.post(_url(scan, "leerdoelen"), data)
    assert response.status_code == 200
    assert "Schrijf hier kort wat je wilt ontwikkelen" in response.content.decode()
    assert "Omdat het ertoe doet" in response.content.decode()
