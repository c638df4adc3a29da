"""The gesprekskaart lists a wish once: a wish that became a leerdoel is shown as that
leerdoel (in the person's words), not again under the wishes."""

from django.urls import reverse

from scans import services
from scans.models import Antwoord
from scans.rapport import bouw_rapport
from scans.stappen import stappenplan


def _wensen(scan, aantal):
    ids = stappenplan(scan).zoek("basis.kennis").item_ids[:aantal]
    Antwoord.objects.bulk_create(Antwoord(scan=scan, item_id=i, ontwikkelen=True) for i in ids)
    return ids


def _uit_wens(scan, item_id, wat=None):
    services.bewaar_leerdoelen(
        scan=scan,
        leerdoelen=[{}, {}, {}],
        gesprekspunten="",
        volgende="leerdoelen",
        uit_wens=item_id,
    )
    if wat:
        scan.leerdoelen.update(wat=wat)


def test_a_wish_made_a_leerdoel_is_not_listed_again_under_the_wishes(scan):
    een, twee = _wensen(scan, 2)
    _uit_wens(scan, een, wat="Het in mijn eigen woorden")
    kaart = bouw_rapport(scan).gesprekskaart
    assert [d.wat for d in kaart.leerdoelen] == ["Het in mijn eigen woorden"]
    assert [[r.item.pk for r in regels] for _, regels in kaart.wensen] == [[twee]]
    assert kaart.wensen_als_leerdoel


def test_when_every_wish_is_a_leerdoel_the_card_says_where_they_are(ingelogd, scan):
    [een] = _wensen(scan, 1)
    _uit_wens(scan, een)
    tekst = scan.versie.items.get(pk=een).tekst
    html = ingelogd.get(reverse("scans:rapport", kwargs={"scan_id": scan.pk})).content.decode()
    kaart = html[html.index('class="gesprekskaart"') : html.index("kaart-onder")]
    assert kaart.count(tekst) == 1
    assert "Je wensen staan hierboven, als je leerdoelen." in kaart
    assert "bij geen uitspraak aangevinkt" not in kaart


def test_a_leerdoel_written_freely_leaves_the_wishes_as_they_are(scan):
    [een] = _wensen(scan, 1)
    services.bewaar_leerdoelen(
        scan=scan, leerdoelen=[{"wat": "Iets anders"}], gesprekspunten="", volgende="leerdoelen"
    )
    kaart = bouw_rapport(scan).gesprekskaart
    assert [[r.item.pk for r in regels] for _, regels in kaart.wensen] == [[een]]
    assert not kaart.wensen_als_leerdoel
