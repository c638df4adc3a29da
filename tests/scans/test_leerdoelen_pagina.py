"""The leerdoelen step without JavaScript: the look back on top, each wish a button that
saves what is typed and comes back at the new leerdoel; only "wat" and "eerste stap" up
front, the rest under "meer"; fields written by hand with their labels and errors."""

import re

from django.urls import reverse

from scans.models import Antwoord, Leerdoel, Scan
from scans.stappen import stappenplan


def _url(scan, stap="leerdoelen"):
    return reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": stap})


def _post(**velden):
    data = {"leerdoel-TOTAL_FORMS": "3", "leerdoel-INITIAL_FORMS": "0"}
    return data | {k.replace("__", "-"): v for k, v in velden.items()}


def _wens(scan, nummer=0):
    item_id = stappenplan(scan).zoek("basis.kennis").item_ids[nummer]
    Antwoord.objects.create(scan=scan, item_id=item_id, ontwikkelen=True)
    return scan.versie.items.get(pk=item_id)


def test_each_wish_is_a_button_in_the_one_form_and_the_page_asks_for_one_leerdoel_at_a_time(
    ingelogd, scan
):
    item = _wens(scan)
    html = ingelogd.get(_url(scan)).content.decode()
    begin = html.index('class="leerdoelformulier"')
    formulier = html[begin : html.index("</form>", begin)]
    assert f'<button type="submit" name="uit_wens" value="{item.pk}"' in formulier
    assert item.tekst in formulier
    # Up front: what and a first step of leerdoel 1; the rest waits under "meer" and
    # "nog een leerdoel", all in closed <details>.
    assert 'id="leerdoel-1"' in html
    assert re.search(r'<details class="meer">\s*<summary>Meer: waarom', html)
    assert re.search(r'<details class="nog-een">', html)
    assert html.index('id="id_leerdoel-0-eerste_stap"') < html.index('id="id_leerdoel-0-waarom"')
    assert "crispy" not in html and 'for="id_leerdoel-0-wat"' in html
    assert "Wanneer zou je ermee aan de slag willen?" in html  # an invitation, no deadline


def test_the_wish_button_saves_what_was_typed_and_returns_at_the_new_leerdoel(ingelogd, scan):
    item = _wens(scan)
    response = ingelogd.post(
        _url(scan),
        _post(
            leerdoel__0__wat="Mijn eigen doel",
            leerdoel__0__waarom="Omdat het ertoe doet",
            gesprekspunten="Tijd voor scholing",
            uit_wens=str(item.pk),
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == _url(scan) + "#leerdoel-2"
    assert list(Leerdoel.objects.filter(scan=scan).values_list("wat", "item_id")) == [
        ("Mijn eigen doel", None),
        (item.tekst, item.pk),
    ]
    scan.refresh_from_db()
    assert scan.gesprekspunten == "Tijd voor scholing" and not scan.is_afgerond

    html = ingelogd.get(_url(scan)).content.decode()
    # Said once, in the leerdoel the page opens at, not at the top of the page.
    melding = "Je wens staat hier. Pas de woorden gerust aan."
    assert html.count(melding) == 1
    assert (
        html.index('id="leerdoel-2"') < html.index(melding) < html.index('id="id_leerdoel-1-wat"')
    )
    assert 'class="meldingen"' not in html
    assert melding not in ingelogd.get(_url(scan)).content.decode()  # and only once
    assert re.search(r'id="id_leerdoel-1-wat"[^>]*>\s*' + re.escape(item.tekst), html)
    assert f'name="leerdoel-1-item" value="{item.pk}"' in html  # the hidden link
    assert 'href="#leerdoel-2"' in html  # the wish now says where it went
    assert f'name="uit_wens" value="{item.pk}"' not in html
    # "Meer" is open where something is written there.
    assert re.search(r'<details class="meer" open>', html)


def test_with_no_free_place_the_page_says_so_calmly_and_keeps_everything(ingelogd, scan):
    item = _wens(scan)
    drie = _post(leerdoel__0__wat="Een", leerdoel__1__wat="Twee", leerdoel__2__wat="Drie")
    response = ingelogd.post(_url(scan), drie | {"uit_wens": str(item.pk)})
    assert response["Location"] == _url(scan)  # no anchor: the message is at the top
    html = ingelogd.get(response["Location"]).content.decode()
    assert "Er is geen plek meer vrij: je hebt al drie leerdoelen." in html
    assert list(Leerdoel.objects.filter(scan=scan).values_list("wat", flat=True)) == [
        "Een",
        "Twee",
        "Drie",
    ]


def test_a_first_step_typed_before_choosing_the_wish_goes_with_it(ingelogd, scan):
    item = _wens(scan)
    response = ingelogd.post(
        _url(scan),
        _post(leerdoel__0__eerste_stap="Een collega vragen", uit_wens=str(item.pk)),
    )
    assert response["Location"] == _url(scan) + "#leerdoel-1"
    doel = Leerdoel.objects.get(scan=scan)
    assert (doel.wat, doel.eerste_stap, doel.item_id) == (
        item.tekst,
        "Een collega vragen",
        item.pk,
    )


def test_a_refused_form_with_a_wish_saves_nothing_and_shows_the_error_by_its_field(ingelogd, scan):
    item = _wens(scan)
    response = ingelogd.post(
        _url(scan),
        _post(
            leerdoel__0__wat="Een doel",
            leerdoel__1__hulp="Mijn team",
            leerdoel__2__eerste_stap="x" * 5001,
            uit_wens=str(item.pk),
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-describedby="id_leerdoel-2-eerste_stap-fout"' in html
    assert 'id="id_leerdoel-2-eerste_stap-fout"' in html and 'aria-invalid="true"' in html
    assert "Een doel" in html and "Mijn team" in html
    assert not Leerdoel.objects.filter(scan=scan).exists()


def test_an_unknown_wish_is_an_ordinary_save(ingelogd, scan):
    response = ingelogd.post(
        _url(scan), _post(leerdoel__0__wat="Een doel", uit_wens="999999", actie="later")
    )
    assert response["Location"] == reverse("scans:mijn_scans")
    assert Leerdoel.objects.get(scan=scan).item_id is None


def test_the_old_look_back_address_leads_to_the_leerdoelen_step(ingelogd, scan):
    for methode in (ingelogd.get, ingelogd.post):
        response = methode(_url(scan, "terugblik"))
        assert response.status_code == 302
        assert response["Location"] == _url(scan)
    assert not Scan.objects.get(pk=scan.pk).is_afgerond
