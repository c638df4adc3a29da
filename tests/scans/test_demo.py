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
    assert Leerdoel.objects.filter(scan=scan).count() == 2
    assert scan.gesprekspunten
    assert scan.scangroepen.exclude(niveau=None).count() == 5
    uit = capsys.readouterr().out
    assert "demo@zelfscan.local" in uit and "bestond al" in uit
