"""Two tabs on one step: a save changes only what the person changed on that page, so
nothing saved in one tab is lost by saving the other; a note edited in both keeps both."""

import re

from django.urls import reverse

from scans import services
from scans.models import Antwoord, Notitie
from scans.stappen import stappenplan


def _stap(scan, sleutel="basis.kennis"):
    return stappenplan(scan).zoek(sleutel)


def _opties(scan):
    return {o.sleutel: o.pk for o in scan.versie.schaalopties.all()}


def test_the_service_keeps_a_concurrent_answer_the_page_did_not_touch(scan):
    stap = _stap(scan)
    eerste, tweede, *_ = stap.item_ids
    opties = _opties(scan)
    # Both tabs showed the step empty. Tab A answers both statements and saves.
    services.bewaar_itemstap(
        scan=scan,
        stap=stap,
        keuzes=[
            services.ItemKeuze(eerste, opties["herken"], True, getoond=(None, False)),
            services.ItemKeuze(tweede, opties["herken"], False, getoond=(None, False)),
        ],
        notitie="",
        getoonde_notitie="",
        volgende=stap.sleutel,
    )
    # Tab B, still showing the empty page, changes only the second statement.
    services.bewaar_itemstap(
        scan=scan,
        stap=stap,
        keuzes=[
            services.ItemKeuze(eerste, None, False, getoond=(None, False)),
            services.ItemKeuze(tweede, opties["bezig"], False, getoond=(None, False)),
        ],
        notitie="",
        getoonde_notitie="",
        volgende=stap.sleutel,
    )
    antwoorden = {a.item_id: a for a in Antwoord.objects.filter(scan=scan)}
    assert antwoorden[eerste].optie_id == opties["herken"]
    assert antwoorden[eerste].ontwikkelen is True
    assert antwoorden[tweede].optie_id == opties["bezig"]


def test_a_note_changed_in_two_tabs_keeps_both_texts_newest_first(scan):
    stap = _stap(scan)
    eerst = services.bewaar_itemstap(
        scan=scan,
        stap=stap,
        keuzes=[],
        notitie="Uit tab A",
        getoonde_notitie="",
        volgende=stap.sleutel,
    )
    daarna = services.bewaar_itemstap(
        scan=scan,
        stap=stap,
        keuzes=[],
        notitie="Uit tab B",
        getoonde_notitie="",
        volgende=stap.sleutel,
    )
    tekst = Notitie.objects.get(scan=scan, groep=stap.groep, categorie=stap.categorie).tekst
    assert not eerst.notitie_samengevoegd
    assert daarna.notitie_samengevoegd
    assert tekst.index("Uit tab B") < tekst.index("Uit tab A")
    assert "ander venster" in tekst


def test_an_untouched_note_in_an_old_tab_keeps_the_newer_note(scan):
    stap = _stap(scan)
    services.bewaar_itemstap(
        scan=scan,
        stap=stap,
        keuzes=[],
        notitie="Nieuw",
        getoonde_notitie="",
        volgende=stap.sleutel,
    )
    opgeslagen = services.bewaar_itemstap(
        scan=scan, stap=stap, keuzes=[], notitie="", getoonde_notitie="", volgende=stap.sleutel
    )
    assert not opgeslagen.notitie_samengevoegd
    assert Notitie.objects.get(scan=scan, groep=stap.groep).tekst == "Nieuw"


def _formulier(html: str) -> dict:
    """The fields a browser would post for this page as it was shown."""
    data = {}
    for naam, waarde in re.findall(
        r'<input type="hidden" name="(getoond_[^"]+)"(?: value="([^"]*)")?', html
    ):
        data[naam] = waarde
    for naam in re.findall(
        r'<input type="radio" name="(item_\d+)" value="[^"]*"[^>]*checked', html
    ):
        data[naam] = re.search(
            rf'<input type="radio" name="{naam}" value="([^"]*)"[^>]*checked', html
        ).group(1)
    data["notitie"] = re.search(r"<textarea name=\"notitie\"[^>]*>([^<]*)</textarea>", html).group(
        1
    )
    return data


def test_two_tabs_through_the_view_lose_nothing_and_say_so_for_the_note(ingelogd, scan):
    url = reverse("scans:stap", kwargs={"scan_id": scan.pk, "stap": "basis.kennis"})
    tab_a = _formulier(ingelogd.get(url).content.decode())
    tab_b = dict(tab_a)
    items = sorted(re.sub(r"\D", "", k) for k in tab_a if k.startswith("getoond_item_"))
    for pk in items:
        tab_a[f"item_{pk}"] = "herken"
    tab_a[f"ontwikkelen_{items[0]}"] = "on"
    tab_a["notitie"] = "Voorbeeld uit A"
    ingelogd.post(url, {**tab_a, "actie": "volgende"})
    tab_b[f"item_{items[1]}"] = "bezig"
    tab_b["notitie"] = "Gedachte uit B"
    antwoord = ingelogd.post(url, {**tab_b, "actie": "volgende"}, follow=True)
    opties = _opties(scan)
    antwoorden = {str(a.item_id): a for a in Antwoord.objects.filter(scan=scan)}
    assert antwoorden[items[0]].optie_id == opties["herken"]
    assert antwoorden[items[0]].ontwikkelen
    assert antwoorden[items[1]].optie_id == opties["bezig"]
    assert all(antwoorden[pk].optie_id == opties["herken"] for pk in items[2:])
    html = antwoord.content.decode()
    assert "beide teksten staan er nu" in html
    assert "Voorbeeld uit A" in html and "Gedachte uit B" in html
