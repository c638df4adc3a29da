"""A netwerk in headless Chromium: three people join by the invitation link, share what
they choose, and see the same map; one leaves and is gone from it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from accounts import services as accounts_services
from netwerk.models import Dagstand, Netwerk

from .conftest import WACHTWOORD

pytestmark = pytest.mark.browser


def _een_dag_later() -> None:
    from netwerk.dagstand import VERVERSEN_NA

    for stand in Dagstand.objects.all():
        Dagstand.objects.filter(pk=stand.pk).update(gemaakt_op=stand.gemaakt_op - VERVERSEN_NA)


def _gebied(pagina: Page, titel: str):
    """The fieldset of one gebied on the contribution form."""
    return pagina.get_by_role("group", name=re.compile(rf"^{re.escape(titel)}"))


def _op_kaart(pagina: Page, titel: str):
    return pagina.get_by_role("region", name=re.compile(rf"^{re.escape(titel)}"))


def _kaart(pagina: Page) -> str:
    pagina.reload()
    return pagina.locator(".zo-lees-je").inner_text() + pagina.locator(".gebieden").inner_text()


def test_three_people_share_a_map_and_one_leaves(nieuwe_pagina, url, inloggen, profiel, settings):
    settings.NETWERK_MINIMUM = 3
    titels = {g.sleutel: g.titel for g in profiel.groepen.all()}
    for email, naam in (
        ("anna@example.nl", "Anna"),
        ("bram@example.nl", "Bram"),
        ("carla@example.nl", ""),
    ):
        accounts_services.registreer(email=email, wachtwoord=WACHTWOORD, naam=naam)
    anna, bram, carla = nieuwe_pagina(), nieuwe_pagina(), nieuwe_pagina()

    # Anna makes the netwerk and gets its invitation link.
    inloggen(anna, "anna@example.nl")
    anna.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Netwerken").click()
    anna.get_by_role("link", name="Nieuw netwerk").click()
    anna.get_by_label("Naam van het netwerk").fill("ICTO-coaches Techniek")
    anna.get_by_role("button", name="Netwerk maken").click()
    expect(anna.get_by_role("heading", level=1)).to_have_text("Collega's uitnodigen")
    link = anna.get_by_label("Uitnodigingslink").input_value()
    assert link.startswith(url("/netwerken/doe-mee/"))

    # Bram opens the link, reads what is shared, and only then joins.
    inloggen(bram, "bram@example.nl")
    bram.goto(link)
    expect(bram.get_by_role("heading", level=1)).to_have_text("ICTO-coaches Techniek")
    expect(bram.get_by_role("heading", name="Wat je niet deelt")).to_be_visible()
    assert Netwerk.objects.get().leden.count() == 1
    bram.get_by_role("button", name="Ik doe mee").click()
    expect(bram.get_by_text("Welkom in het netwerk.")).to_be_visible()
    bram.get_by_label("Je functie (mag je leeg laten)").fill("ICTO-coach")
    coach = _gebied(bram, titels["coach"])
    coach.get_by_label("Ik zet dit gebied in mijn werk in").check()
    coach.get_by_label("Je mag me hierover benaderen").check()
    _gebied(bram, titels["innovator"]).get_by_label("Ik wil hierin groeien").check()  # anonymous
    bram.get_by_role("button", name="Bewaren").click()
    expect(_op_kaart(bram, titels["coach"])).to_contain_text("Bram (ICTO-coach)")

    # Carla has no name on her account: sharing with a name asks for one.
    inloggen(carla, "carla@example.nl")
    carla.goto(link)
    carla.get_by_role("button", name="Ik doe mee").click()
    _gebied(carla, titels["adviseur"]).get_by_label("Je mag me hierover benaderen").check()
    carla.get_by_role("button", name="Bewaren").click()
    expect(carla.locator("#foutoverzicht")).to_contain_text("vul de naam in")
    carla.get_by_label("Je naam in dit netwerk").fill("Carla")
    innovator = _gebied(carla, titels["innovator"])
    innovator.get_by_label("Ik wil hierin groeien").check()
    innovator.get_by_role("group", name=re.compile("^Ik wil hierin groeien")).get_by_label(
        "met mijn naam"
    ).check()
    expect(
        _gebied(carla, titels["adviseur"]).get_by_label("Je mag me hierover benaderen")
    ).to_be_checked()
    carla.get_by_role("button", name="Bewaren").click()
    expect(_op_kaart(carla, titels["adviseur"])).to_contain_text("Carla")

    # Anna shares too, then opens the map.
    anna.get_by_role("link", name="Naar de kaart").click()
    anna.get_by_role("link", name="Deel wat jij inzet").click()
    _gebied(anna, titels["didacticus"]).get_by_label("Ik zet dit gebied in mijn werk in").check()
    anna.get_by_role("button", name="Bewaren").click()

    # Named statements are there at once; counts wait for the next dagstand.
    expect(_op_kaart(anna, titels["innovator"])).to_contain_text("Carla")
    expect(anna.locator(".telling")).to_have_count(0)
    _een_dag_later()
    kaarten = [_kaart(p) for p in (anna, bram, carla)]
    assert kaarten[0] == kaarten[1] == kaarten[2]
    expect(anna.locator(".zo-lees-je")).to_contain_text("toen hadden 3 mensen iets gedeeld")
    expect(_op_kaart(anna, titels["innovator"])).to_contain_text("2 mensen willen hierin groeien.")
    expect(_op_kaart(anna, titels["bruggenbouwer"])).to_contain_text(
        "In dit netwerk zet nog niemand dit gebied in: wie weet waar we dat kunnen vinden?"
    )

    # Carla leaves: her name is gone at once, her counts at the next dagstand.
    carla.get_by_role("link", name="Uit dit netwerk stappen").click()
    carla.get_by_role("button", name="Ja, ik stap eruit").click()
    expect(carla.get_by_text("Wat je er deelde, is verwijderd.")).to_be_visible()
    expect(carla.get_by_role("heading", name="Jouw netwerken")).to_have_count(0)
    for pagina in (anna, bram):
        kaart = _kaart(pagina)
        assert "Carla" not in kaart
        assert "2 mensen willen hierin groeien." in kaart
    _een_dag_later()
    kaarten = [_kaart(p) for p in (anna, bram)]
    assert kaarten[0] == kaarten[1]
    assert "was er nog 1 persoon nodig" in kaarten[0]
    antwoord = carla.goto(url(f"/netwerken/{Netwerk.objects.get().pk}/"))
    assert antwoord.status == 404
