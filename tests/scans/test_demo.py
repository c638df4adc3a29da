"""maak_demo creates one finished demo scan over every group, once."""

from django.core.management import call_command

from scans.models import Leerdoel, Scan


def test_it_creates_a_finished_scan_over_everything_once(npuls, capsys):
    call_command("maak_demo")
    call_command("maak_demo")
    scan = Scan.objects.get()
    assert scan.is_afgerond and scan.labels_aan
    assert scan.scangroepen.count() == 6
    assert scan.notities.exclude(tekst="").exists()
    leerdoelen = list(Leerdoel.objects.filter(scan=scan).order_by("volgorde"))
    assert len(leerdoelen) == 3
    # The third started from a wish ("maak er een leerdoel van"), in the person's own words.
    uit_wens = leerdoelen[2]
    assert uit_wens.item is not None and uit_wens.wat != uit_wens.item.tekst
    assert scan.antwoorden.get(item=uit_wens.item).ontwikkelen
    assert scan.gesprekspunten
    assert scan.scangroepen.exclude(niveau=None).count() == 5
    uit = capsys.readouterr().out
    assert "demo@zelfscan.local" in uit and "bestond al" in uit
