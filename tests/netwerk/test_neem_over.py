"""'Neem over uit mijn laatste scan' pre-ticks, on one's own screen only, the gebieden one
chose in one's last finished scan and those with a wish to develop; nothing is saved until
one confirms."""

from __future__ import annotations

from django.urls import reverse

from netwerk.models import Bijdrage
from netwerk.selectors import suggestie_uit_laatste_scan
from scans import services as scan_services
from scans.stappen import stappenplan

from .conftest import gebied


def _afgeronde_scan(gebruiker, versie, gebieden: list[str], wens_in: str | None):
    scan = scan_services.start_scan(
        eigenaar=gebruiker,
        versie=versie,
        gebieden=[versie.groepen.get(sleutel=s) for s in gebieden],
    )
    if wens_in:
        stap = stappenplan(scan).zoek(f"{wens_in}.kennis")
        scan_services.bewaar_itemstap(
            scan=scan,
            stap=stap,
            keuzes=[
                scan_services.ItemKeuze(item_id=stap.item_ids[0], optie_id=None, ontwikkelen=True)
            ],
            notitie=None,
            volgende=stap.sleutel,
        )
    scan_services.rond_af(scan=scan)
    return scan


def _url(netwerk) -> str:
    return reverse("netwerk:bijdrage", kwargs={"netwerk_id": netwerk.pk})


def _aangevinkt(html: str, veld: str) -> bool:
    return f'name="{veld}" id="id_{veld}" checked' in html


def test_it_ticks_the_chosen_gebieden_and_the_wishes_and_saves_nothing(
    ingelogd, netwerk, gebruiker
):
    _afgeronde_scan(gebruiker, netwerk.versie, ["coach", "adviseur"], wens_in="adviseur")
    html = ingelogd.get(_url(netwerk), {"uit_scan": "1"}).content.decode()
    coach, adviseur, innovator = (gebied(netwerk, s).pk for s in ("coach", "adviseur", "innovator"))
    assert _aangevinkt(html, f"zet_in_{coach}")
    assert _aangevinkt(html, f"zet_in_{adviseur}")
    assert _aangevinkt(html, f"groeien_{adviseur}")
    assert not _aangevinkt(html, f"groeien_{coach}")
    assert not _aangevinkt(html, f"zet_in_{innovator}")
    assert not _aangevinkt(html, f"benader_{coach}")
    assert "er is nog niets bewaard" in html
    assert not Bijdrage.objects.exists()


def test_it_uses_the_last_finished_scan_only(netwerk, gebruiker):
    _afgeronde_scan(gebruiker, netwerk.versie, ["coach"], wens_in=None)
    laatste = _afgeronde_scan(gebruiker, netwerk.versie, ["innovator"], wens_in="innovator")
    scan_services.start_scan(  # unfinished, newer: not used
        eigenaar=gebruiker, versie=netwerk.versie, gebieden=[gebied(netwerk, "didacticus")]
    )
    suggestie = suggestie_uit_laatste_scan(gebruiker, netwerk.versie)
    assert suggestie.afgerond_op == laatste.afgerond_op
    assert suggestie.zet_in == {gebied(netwerk, "innovator").pk}
    assert suggestie.groeien == {gebied(netwerk, "innovator").pk}


def test_it_reads_only_ones_own_scans(netwerk, andere_gebruiker, gebruiker):
    _afgeronde_scan(andere_gebruiker, netwerk.versie, ["coach"], wens_in="coach")
    assert suggestie_uit_laatste_scan(gebruiker, netwerk.versie) is None


def test_without_a_finished_scan_it_says_so_and_ticks_nothing(ingelogd, netwerk, gebruiker):
    scan_services.start_scan(
        eigenaar=gebruiker, versie=netwerk.versie, gebieden=[gebied(netwerk, "coach")]
    )
    html = ingelogd.get(_url(netwerk), {"uit_scan": "1"}).content.decode()
    assert "Je hebt nog geen afgeronde scan op dit profiel" in html
    for g in netwerk.versie.groepen.filter(soort="gebied"):
        for veld in ("zet_in", "groeien", "benader"):
            assert not _aangevinkt(html, f"{veld}_{g.pk}")


def test_it_keeps_what_was_already_shared(ingelogd, netwerk, gebruiker):
    innovator = gebied(netwerk, "innovator")
    ingelogd.post(_url(netwerk), {"naam": "Anna", f"benader_{innovator.pk}": "on"})
    _afgeronde_scan(gebruiker, netwerk.versie, ["coach"], wens_in=None)
    html = ingelogd.get(_url(netwerk), {"uit_scan": "1"}).content.decode()
    assert _aangevinkt(html, f"benader_{innovator.pk}")
    assert _aangevinkt(html, f"zet_in_{gebied(netwerk, 'coach').pk}")


def test_confirming_saves_exactly_what_is_ticked(ingelogd, netwerk, gebruiker):
    _afgeronde_scan(gebruiker, netwerk.versie, ["coach"], wens_in="coach")
    coach = gebied(netwerk, "coach")
    # The person unticks the wish and keeps "zet in", then saves.
    ingelogd.post(
        _url(netwerk),
        {"naam": "Anna", f"zet_in_{coach.pk}": "on", f"zet_in_zichtbaar_{coach.pk}": "naam"},
    )
    [bijdrage] = Bijdrage.objects.all()
    assert (bijdrage.groep, bijdrage.zet_in, bijdrage.groeien) == (coach, True, False)
