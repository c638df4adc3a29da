"""A wish becomes a leerdoel (services.bewaar_leerdoelen with uit_wens): its statement's text
as "wat", in the first place without one, everything typed so far kept; with three
leerdoelen already, nothing is pushed out."""

from django.utils import translation

from scans import services
from scans.models import Antwoord, Leerdoel
from scans.stappen import stappenplan


def _wens(scan, nummer=0):
    item_id = stappenplan(scan).zoek("basis.kennis").item_ids[nummer]
    Antwoord.objects.create(scan=scan, item_id=item_id, ontwikkelen=True)
    return item_id


def _bewaar(scan, plekken, **kwargs):
    leeg = dict.fromkeys(services.LEERDOELVELDEN, "")
    return services.bewaar_leerdoelen(
        scan=scan,
        leerdoelen=[leeg | p for p in plekken],
        gesprekspunten=kwargs.pop("gesprekspunten", ""),
        volgende="leerdoelen",
        **kwargs,
    )


def _doelen(scan):
    return list(Leerdoel.objects.filter(scan=scan).values_list("volgorde", "wat", "item_id"))


def test_a_wish_lands_in_the_first_empty_place_and_what_was_typed_stays(scan):
    item_id = _wens(scan)
    tekst = scan.versie.items.get(pk=item_id).tekst
    uit = _bewaar(
        scan,
        [{"wat": "Mijn eigen doel", "eerste_stap": "Morgen beginnen"}, {}, {"wat": "Nog een"}],
        uit_wens=item_id,
        gesprekspunten="Over tijd",
    )
    assert uit == services.UitWens(volgorde=2, nieuw=True)
    assert _doelen(scan) == [
        (1, "Mijn eigen doel", None),
        (2, tekst, item_id),
        (3, "Nog een", None),
    ]
    assert Leerdoel.objects.get(scan=scan, volgorde=1).eerste_stap == "Morgen beginnen"
    scan.refresh_from_db()
    assert scan.gesprekspunten == "Over tijd"
    assert scan.huidige_stap == "leerdoelen"


def test_the_wish_is_written_in_the_readers_language(scan):
    item = scan.versie.items.get(pk=_wens(scan))
    with translation.override("en"):
        _bewaar(scan, [{}, {}, {}], uit_wens=item.pk)
    assert Leerdoel.objects.get(scan=scan).wat == str(item.in_taal("tekst", "en"))
    assert Leerdoel.objects.get(scan=scan).wat != item.tekst


def test_with_three_leerdoelen_there_is_no_place_and_nothing_is_lost(scan):
    item_id = _wens(scan)
    drie = [{"wat": "Een", "hulp": "Mijn team"}, {"wat": "Twee"}, {"wat": "Drie"}]
    uit = _bewaar(scan, drie, uit_wens=item_id)
    assert uit == services.UitWens(volgorde=None, nieuw=False)
    assert _doelen(scan) == [(1, "Een", None), (2, "Twee", None), (3, "Drie", None)]
    assert Leerdoel.objects.get(scan=scan, volgorde=1).hulp == "Mijn team"


def test_a_wish_that_is_a_leerdoel_already_is_not_added_twice(scan):
    item_id = _wens(scan)
    _bewaar(scan, [{}, {}, {}], uit_wens=item_id)
    eerst = Leerdoel.objects.get(scan=scan)
    uit = _bewaar(scan, [{"wat": "Anders gezegd", "item_id": item_id}, {}, {}], uit_wens=item_id)
    assert uit == services.UitWens(volgorde=1, nieuw=False)
    assert _doelen(scan) == [(1, "Anders gezegd", item_id)]
    assert eerst.wat != "Anders gezegd"


def test_the_link_to_the_statement_is_kept_while_the_words_change_and_goes_with_an_empty_what(
    scan,
):
    item_id = _wens(scan)
    _bewaar(scan, [{"wat": "In mijn woorden", "item_id": item_id}, {"wat": "Ander doel"}])
    assert _doelen(scan) == [(1, "In mijn woorden", item_id), (2, "Ander doel", None)]
    _bewaar(scan, [{"wat": "", "item_id": item_id}, {"wat": "Ander doel"}])
    assert _doelen(scan) == [(1, "Ander doel", None)]


def test_a_statement_of_another_scan_or_profile_is_never_linked(scan, npuls, andere_gebruiker):
    ander = services.start_scan(
        eigenaar=andere_gebruiker, versie=npuls, gebieden=[npuls.groepen.get(sleutel="didacticus")]
    )
    vreemd = stappenplan(ander).zoek("didacticus.kennis").item_ids[0]
    uit = _bewaar(scan, [{"wat": "Eigen doel", "item_id": vreemd}], uit_wens=vreemd)
    assert uit is None
    assert _doelen(scan) == [(1, "Eigen doel", None)]
