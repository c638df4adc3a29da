"""Download al mijn gegevens: one JSON document with the account and every scan."""

import json

from django.urls import reverse

from scans.demo import maak_demo


def test_the_export_holds_the_account_and_every_scan_with_answers_in_words(client, npuls):
    gebruiker, scan, _ = maak_demo(npuls)
    client.force_login(gebruiker)
    response = client.get(reverse("gegevens_downloaden"))
    assert response["Content-Disposition"].startswith(
        'attachment; filename="mijn-zelfscan-gegevens-'
    )
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    assert data["account"]["email"] == "demo@zelfscan.local"
    assert data["account"]["naam"] == "Noor de Vries"
    [export] = data["scans"]
    assert export["id"] == str(scan.pk)
    assert export["profiel"] == {
        "sleutel": npuls.profiel.sleutel,
        "titel": npuls.titel,
        "versie": 1,
    }
    assert len(export["antwoorden"]) == scan.antwoorden.count() > 0
    eerste = export["antwoorden"][0]
    assert set(eerste) == {
        "item",
        "tekst",
        "groep",
        "categorie",
        "antwoord",
        "antwoord_tekst",
        "wil_ontwikkelen",
    }
    assert eerste["item"] == "basis.kennis.01"
    assert any(n["tekst"] for n in export["notities"])
    assert [d["wat"] for d in export["leerdoelen"]] == [d.wat for d in scan.leerdoelen.all()]
    assert sum(1 for g in export["groepen"] if g["label"]) == 5
    assert export["gesprekspunten"] == scan.gesprekspunten
    assert export["vorige_scan"] is None and export["vorige_leerdoelen"] == []
    assert export["pdf_onderdelen"]["notities"] is True


def test_the_export_holds_the_follow_up_of_earlier_leerdoelen(client, npuls):
    from scans import services

    gebruiker, vorige, _ = maak_demo(npuls)
    nu = services.start_scan(eigenaar=gebruiker, versie=npuls, gebieden=[], vorige=vorige)
    services.bewaar_opvolging(
        scan=nu,
        opvolgingen=[services.Opvolging(1, "bereikt", "Gelukt & meer")],
        volgende="basis.kennis",
    )
    client.force_login(gebruiker)
    data = json.loads(client.get(reverse("gegevens_downloaden")).content)
    export = next(s for s in data["scans"] if s["id"] == str(nu.pk))
    assert export["vorige_scan"] == str(vorige.pk)
    assert export["vorige_leerdoelen"][0] == {
        "leerdoel": vorige.leerdoelen.get(volgorde=1).wat,
        "status": "bereikt",
        "notitie": "Gelukt & meer",
    }


def test_the_export_holds_nothing_of_anyone_else(client, npuls, andere_gebruiker):
    maak_demo(npuls)
    client.force_login(andere_gebruiker)
    data = json.loads(client.get(reverse("gegevens_downloaden")).content)
    assert data["scans"] == []
    assert "demo@zelfscan.local" not in json.dumps(data)
