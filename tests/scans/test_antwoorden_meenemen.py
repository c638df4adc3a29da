"""A follow-up scan in minutes (issue 11, part 5): starting from an earlier scan, the person
may take their earlier answers along and change only what moved. Off by default; answers
stay stored per scan, so the comparison at the end still says what moved."""

import copy
import re

from django.urls import reverse
from django.utils.html import escape

from competentieprofiel.laden import schrijf_profiel
from competentieprofiel.models import ProfielVersie
from scans import services
from scans.models import Antwoord, Notitie, Scan
from scans.stappen import stappenplan
from scans.vergelijking import vergelijk


def _bewaar(scan, sleutel, keuzes, notitie=None):
    """keuzes: [(index of the statement on the step, option key or None, wish)]."""
    stap = stappenplan(scan).zoek(sleutel)
    opties = dict(scan.versie.schaalopties.values_list("sleutel", "pk"))
    services.bewaar_itemstap(
        scan=scan,
        stap=stap,
        notitie=notitie,
        volgende=stap.sleutel,
        keuzes=[
            services.ItemKeuze(stap.item_ids[i], opties.get(optie), wens)
            for i, optie, wens in keuzes
        ],
    )
    return stap


def _antwoorden(scan) -> dict[str, tuple[str | None, bool]]:
    return {
        item: (optie, wens)
        for item, optie, wens in Antwoord.objects.filter(scan=scan).values_list(
            "item__sleutel", "optie__sleutel", "ontwikkelen"
        )
    }


def _eerdere_scan(versie, gebruiker):
    coach, adviseur = (versie.groepen.get(sleutel=s) for s in ("coach", "adviseur"))
    eerder = services.start_scan(eigenaar=gebruiker, versie=versie, gebieden=[coach, adviseur])
    _bewaar(
        eerder,
        "basis.kennis",
        [(0, "herken", True), (1, "bezig", False), (2, None, True), (3, "nvt", False)],
        notitie="Mijn voorbeeld van toen.",
    )
    _bewaar(eerder, "coach.kennis", [(0, "vanzelf", False)])
    _bewaar(eerder, "adviseur.kennis", [(0, "ontdekken", True)])
    services.rond_af(scan=eerder)
    return eerder


def test_it_copies_choices_and_wishes_for_the_chosen_groups_but_not_the_notes(npuls, gebruiker):
    eerder = _eerdere_scan(npuls, gebruiker)
    coach = npuls.groepen.get(sleutel="coach")
    nu = services.start_scan(
        eigenaar=gebruiker, versie=npuls, gebieden=[coach], vorige=eerder, antwoorden_meenemen=True
    )
    # Everything answered before in basis and coach, exactly; adviseur is not chosen now.
    assert _antwoorden(nu) == {
        k: v for k, v in _antwoorden(eerder).items() if not k.startswith("adviseur.")
    }
    assert _antwoorden(nu)["basis.kennis.03"] == (None, True)  # a wish on an open statement
    assert not Notitie.objects.filter(scan=nu).exists()
    # Stored per scan: the earlier scan keeps its own rows.
    assert Antwoord.objects.filter(scan=eerder).count() == 6
    # Nothing moved yet, so the comparison says so.
    basis = vergelijk(eerder, nu).groepen[0]
    assert not basis.iets_veranderd
    assert [r.item.sleutel for r in basis.behouden_wensen] == ["basis.kennis.01", "basis.kennis.03"]


def test_without_the_box_the_answers_start_empty(npuls, gebruiker):
    eerder = _eerdere_scan(npuls, gebruiker)
    nu = services.start_scan(eigenaar=gebruiker, versie=npuls, gebieden=[], vorige=eerder)
    assert not Antwoord.objects.filter(scan=nu).exists()


def test_across_versions_it_matches_by_key_and_leaves_a_dropped_statement_behind(
    npuls, npuls_data, gebruiker
):
    eerder = _eerdere_scan(npuls, gebruiker)
    # Version 2 rewords the first statement, drops the second, adds a new one, and no
    # longer has the option "niet van toepassing".
    data = copy.deepcopy(npuls_data)
    kennis = data["groepen"][0]["onderdelen"][0]["items"]
    kennis[0]["tekst"] = "Een nieuwe formulering van het eerste item."
    del kennis[1]
    kennis.append({"sleutel": "basis.kennis.99", "tekst": "Een heel nieuw item."})
    data["schaal"]["opties"] = [o for o in data["schaal"]["opties"] if o["sleutel"] != "nvt"]
    versie2 = ProfielVersie.objects.get(profiel=npuls.profiel, nummer=schrijf_profiel(data).versie)
    nu = services.start_scan(
        eigenaar=gebruiker,
        versie=versie2,
        gebieden=[versie2.groepen.get(sleutel="coach")],
        vorige=eerder,
        antwoorden_meenemen=True,
    )
    # The rows point at version 2's own statements and options.
    assert not Antwoord.objects.filter(scan=nu).exclude(item__versie=versie2).exists()
    assert (
        not Antwoord.objects.filter(scan=nu, optie__isnull=False)
        .exclude(optie__versie=versie2)
        .exists()
    )
    assert _antwoorden(nu) == {
        "basis.kennis.01": ("herken", True),
        "basis.kennis.03": (None, True),
        "coach.kennis.01": ("vanzelf", False),
    }

    # Change only what moved; the comparison says exactly that, and what is new or gone.
    _bewaar(nu, "basis.kennis", [(0, "vanzelf", True)])
    basis = vergelijk(eerder, nu).groepen[0]
    assert [(s.sleutel, s.eerder.sleutel, s.nu.sleutel) for s in basis.verschoven] == [
        ("basis.kennis.01", "herken", "vanzelf")
    ]
    assert basis.vanzelfsprekender == basis.verschoven
    assert [r.item.sleutel for r in basis.behouden_wensen] == ["basis.kennis.01", "basis.kennis.03"]
    assert not basis.nieuwe_wensen and not basis.losgelaten_wensen
    assert [r.item.sleutel for r in basis.vervallen] == ["basis.kennis.02"]
    assert [r.item.sleutel for r in basis.toegevoegd] == ["basis.kennis.99"]
    # The statement whose option is gone starts open again, and is not counted as moved.
    assert "basis.kennis.04" not in _antwoorden(nu)


def test_the_start_page_offers_the_box_off_and_says_why_you_might_leave_it_off(client, npuls):
    from scans.demo import maak_demo

    gebruiker, vorige, _ = maak_demo(npuls)
    client.force_login(gebruiker)
    html = client.get(reverse("scans:nieuw") + f"?vanaf={vorige.pk}").content.decode()
    assert 'name="antwoorden_meenemen"' in html
    assert not re.search(r'name="antwoorden_meenemen"[^>]*checked', html)
    assert "Neem je vorige antwoorden mee" in html
    assert "Liever een frisse blik? Laat dit dan uit" in html
    # Only on a follow-up: a first scan has nothing to take along.
    assert 'name="antwoorden_meenemen"' not in client.get(reverse("scans:nieuw")).content.decode()


def test_ticking_the_box_starts_with_the_earlier_answers_and_the_report_says_what_moved(
    client, npuls, gebruiker
):
    eerder = _eerdere_scan(npuls, gebruiker)
    coach = npuls.groepen.get(sleutel="coach")
    client.force_login(gebruiker)
    client.post(
        reverse("scans:nieuw"),
        {"gebieden": [coach.pk], "vanaf": str(eerder.pk), "antwoorden_meenemen": "on"},
    )
    nu = Scan.objects.exclude(pk=eerder.pk).get()
    assert nu.vorige_scan == eerder
    # The step page shows the earlier choice already chosen.
    stap = stappenplan(nu).zoek("basis.kennis")
    url = reverse("scans:stap", kwargs={"scan_id": nu.pk, "stap": stap.sleutel})
    html = client.get(url).content.decode()
    gekozen = [
        tag
        for tag in re.findall(r"<input[^>]*>", html)
        if f'name="item_{stap.item_ids[0]}"' in tag and " checked" in tag
    ]
    assert len(gekozen) == 1 and 'value="herken"' in gekozen[0]

    _bewaar(nu, "basis.kennis", [(1, "herken", False)])
    rapport = client.get(reverse("scans:rapport", kwargs={"scan_id": nu.pk})).content.decode()
    tweede = npuls.items.get(sleutel="basis.kennis.02")
    assert "Sinds je vorige scan" in rapport
    assert re.search(
        r"Meer vanzelfsprekend geworden</p>\s*<ul><li>" + re.escape(escape(tweede.tekst)), rapport
    )
