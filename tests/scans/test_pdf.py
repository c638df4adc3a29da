"""The ontwikkelrapport as a PDF: the same content as the report page, as a document of its
own: only the owner's, readable as text, tagged, and never fetching anything from elsewhere."""

import logging
import re
import socket
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from accounts import services as accounts_services
from competentieprofiel.inhoud import versie_inhoud
from scans import services
from scans.demo import NOTITIES, maak_demo
from scans.pdf import BASIS_URL, PdfFout, StatischeBestanden, rapport_pdf
from scans.rapport import bouw_rapport
from tests.conftest import beantwoord_twee_items

VERBODEN = re.compile(
    r"\b(score|punten|percentage|onvoldoende|voldoende|zwak|tekort|achterstand|ranking)\b|%",
    re.IGNORECASE,
)
NOTITIE = "Een <b>vet</b> voorbeeld & <script>alert(1)</script>, ë en ’t werkt"
LEERDOEL = "Beter <em>luisteren</em> naar Zoë’s vragen & ideeën"


def _url(scan, naam="scans:rapport_pdf"):
    return reverse(naam, kwargs={"scan_id": scan.pk})


def _lees(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(BytesIO(pdf))


def _tekst(lezer: PdfReader) -> str:
    """All text of the PDF with whitespace collapsed, so wrapped lines read as one."""
    return " ".join(" ".join(p.extract_text() for p in lezer.pages).split())


def _pagina_teksten(lezer: PdfReader) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in lezer.pages]


def _vul(scan):
    """Anna answers two basis items, writes a note, a leerdoel and gesprekspunten."""
    beantwoord_twee_items(scan, notitie=NOTITIE)
    services.bewaar_leerdoelen(
        scan=scan,
        leerdoelen=[{"wat": LEERDOEL, "eerste_stap": "Vragen stellen", "wanneer": "Na de zomer"}],
        gesprekspunten="Tijd & ruimte <voor> coaching",
        volgende="leerdoelen",
    )


def test_the_owner_downloads_the_report_as_a_private_attachment(ingelogd, scan):
    response = ingelogd.get(_url(scan))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    datum = bouw_rapport(scan).datum
    assert response["Content-Disposition"] == (
        f'attachment; filename="ontwikkelrapport-{datum:%Y-%m-%d}.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    assert len(_lees(response.content).pages) > 3


def test_someone_else_gets_a_404_and_an_anonymous_visitor_the_login(client, scan, andere_gebruiker):
    anoniem = client.get(_url(scan))
    assert anoniem.status_code == 302
    assert anoniem["Location"].startswith(reverse("login"))
    client.force_login(andere_gebruiker)
    assert client.get(_url(scan)).status_code == 404


def test_it_holds_the_chosen_groups_items_and_none_of_the_others(ingelogd, scan):
    tekst = _tekst(_lees(ingelogd.get(_url(scan)).content))
    gekozen = {"basis", "coach"}
    for groep in scan.versie.groepen.prefetch_related("items"):
        for item in groep.items.all():
            if groep.sleutel in gekozen:
                assert item.tekst in tekst, item.sleutel
            else:
                assert item.tekst not in tekst, item.sleutel
        assert (groep.titel in tekst) == (groep.sleutel in gekozen), groep.sleutel


def test_notes_leerdoelen_and_gesprekspunten_appear_verbatim_as_text(ingelogd, scan):
    _vul(scan)
    tekst = _tekst(_lees(ingelogd.get(_url(scan)).content))
    assert NOTITIE in tekst  # the tags are printed as typed, never interpreted
    assert LEERDOEL in tekst
    assert "Vragen stellen" in tekst and "Na de zomer" in tekst
    assert "Tijd & ruimte <voor> coaching" in tekst
    assert "wil ik ontwikkelen" in tekst
    assert "Afspraken uit het gesprek" in tekst
    assert "Dit rapport is van jou. Jij bepaalt met wie je het deelt." in tekst


def test_every_page_after_the_cover_says_which_page_of_how_many(ingelogd, scan):
    paginas = _pagina_teksten(_lees(ingelogd.get(_url(scan)).content))
    totaal = len(paginas)
    assert "pagina" not in paginas[0]
    for nummer, tekst in enumerate(paginas[1:], start=2):
        assert f"pagina {nummer} van {totaal}" in tekst
        assert "Ontwikkelrapport · Anna" in tekst


def test_the_metadata_name_title_language_and_author_and_the_pdf_is_tagged(ingelogd, scan):
    lezer = _lees(ingelogd.get(_url(scan)).content)
    assert lezer.metadata.title == "Ontwikkelrapport (tussenstand) – Anna"
    assert lezer.metadata.author == "Anna"
    catalogus = lezer.trailer["/Root"]
    assert catalogus["/Lang"] == "nl"
    assert catalogus["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalogus


def test_without_a_name_there_is_no_author_and_no_name_in_the_header(client, npuls):
    gebruiker = accounts_services.registreer(
        email="zonder@example.nl", wachtwoord="Een-lang-wachtwoord-42"
    )
    scan = services.start_scan(eigenaar=gebruiker, versie=npuls, gebieden=[])
    services.rond_af(scan=scan)
    client.force_login(gebruiker)
    lezer = _lees(client.get(_url(scan)).content)
    assert lezer.metadata.title == "Ontwikkelrapport"
    assert lezer.metadata.author is None
    assert "tussenstand" not in _tekst(lezer).lower()


def test_any_name_reaches_header_and_metadata_as_plain_text(client, npuls):
    naam = 'Zoë "Z" </style> \\ O’Neil; }'
    gebruiker = accounts_services.registreer(
        email="zoe@example.nl", wachtwoord="Een-lang-wachtwoord-42", naam=naam
    )
    scan = services.start_scan(eigenaar=gebruiker, versie=npuls, gebieden=[])
    client.force_login(gebruiker)
    lezer = _lees(client.get(_url(scan)).content)
    assert lezer.metadata.author == naam
    assert f"Ontwikkelrapport · {naam} · tussenstand" in _pagina_teksten(lezer)[1]


def test_an_unfinished_scan_is_clearly_a_tussenstand(ingelogd, scan):
    paginas = _pagina_teksten(_lees(ingelogd.get(_url(scan)).content))
    assert "Tussenstand: je bent nog bezig met deze scan." in paginas[0]
    assert all("Ontwikkelrapport · Anna · tussenstand" in p for p in paginas[1:])


def test_the_full_demo_report_has_every_item_the_notes_and_speaks_of_no_scores(npuls):
    _, scan, _ = maak_demo(npuls)
    rapport = bouw_rapport(scan)
    tekst = _tekst(_lees(rapport_pdf(rapport)))
    for item in npuls.items.all():
        assert item.tekst in tekst, item.sleutel
    for notitie in NOTITIES:
        assert notitie in tekst
    for leerdoel in rapport.leerdoelen:
        assert leerdoel.wat in tekst and leerdoel.hulp in tekst
    for groep in rapport.gebieden:
        for vraag in groep.gespreksvragen:
            assert " ".join(vraag.split()) in tekst
    assert not VERBODEN.search(tekst), VERBODEN.search(tekst)
    assert not re.search(r"\bversie \d|vaste sleutel|\bJSON\b", tekst)


def test_weasyprint_renders_and_tags_it_without_a_single_complaint(scan, caplog):
    _vul(scan)
    rapport = bouw_rapport(scan)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        rapport_pdf(rapport)
    assert not caplog.records, [r.getMessage() for r in caplog.records]


def test_rendering_opens_no_network_connection(scan, monkeypatch):
    rapport = bouw_rapport(scan)

    def geen_netwerk(*args, **kwargs):
        raise AssertionError("the PDF tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", geen_netwerk)
    monkeypatch.setattr(socket.socket, "connect", geen_netwerk)
    assert rapport_pdf(rapport).startswith(b"%PDF-")


def test_the_fetcher_serves_our_own_static_files_and_refuses_everything_else():
    fetcher = StatischeBestanden()
    css = fetcher.fetch(f"{BASIS_URL}static/css/rapport_pdf.css")
    assert css.content_type == "text/css" and b"@page" in css.read()
    for url in (
        "https://example.org/static/css/rapport_pdf.css",
        "http://zelfscan.invalid/static/css/rapport_pdf.css",
        f"{BASIS_URL}static/../competentieprofiel/settings.py",
        f"{BASIS_URL}static/css/bestaat-niet.css",
        f"{BASIS_URL}scans/",
        "file:///etc/passwd",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_a_refused_resource_stops_the_rendering_loudly(settings, tmp_path, scan):
    sjabloon = tmp_path / "scans" / "rapport_pdf.html"
    sjabloon.parent.mkdir()
    sjabloon.write_text('<html lang="nl"><body><img src="https://example.org/x.png" alt="x">')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    with pytest.raises(PdfFout):
        rapport_pdf(bouw_rapport(scan))


@pytest.mark.parametrize("alle_gebieden", [False, True])
def test_the_download_uses_a_fixed_number_of_queries(
    client, npuls, gebruiker, django_assert_max_num_queries, alle_gebieden
):
    gebieden = list(npuls.groepen.filter(soort="gebied"))
    scan = services.start_scan(
        eigenaar=gebruiker,
        versie=npuls,
        gebieden=gebieden if alle_gebieden else gebieden[:1],
        labels_aan=True,
    )
    client.force_login(gebruiker)
    # force_login skips the middleware: the first request writes the session's refresh
    # time, as logging in through the form does (then at most once per five minutes).
    client.get(reverse("home"))
    versie_inhoud(npuls)  # the profile's content, read once per process
    # Session and user (2), the scan with its stored PDF (1), the report (4), the first
    # time storing the PDF (1).
    with django_assert_max_num_queries(8):
        assert client.get(_url(scan)).status_code == 200
    with django_assert_max_num_queries(7):
        assert client.get(_url(scan)).status_code == 200


def test_the_report_page_and_mijn_scans_offer_the_download(ingelogd, scan):
    pdf_url = _url(scan)
    rapport = ingelogd.get(_url(scan, "scans:rapport")).content.decode()
    assert f'<form class="pdfkeuze geen-print" method="post" action="{pdf_url}">' in rapport
    assert "Tussenstand downloaden (pdf)" in rapport
    services.rond_af(scan=scan)
    assert "Rapport downloaden (pdf)" in ingelogd.get(_url(scan, "scans:rapport")).content.decode()
    assert f'href="{pdf_url}"' in ingelogd.get(reverse("scans:mijn_scans")).content.decode()
