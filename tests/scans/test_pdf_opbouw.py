"""How the PDF reads: the gesprekskaart on page 2 with everything the person wrote and
wished, pages that flow without nearly empty ones, bookmarks that name each group with its
role, and the same order as the report page."""

import re
import subprocess
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from scans.demo import maak_demo, maak_typische_scan
from scans.pdf import rapport_pdf
from scans.rapport import bouw_rapport
from tests.pdf_vulling import paginavulling


def _paginas(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages]


def _kaart(paginas: list[str]) -> str:
    """The text of the gesprekskaart: from page 2 up to the page where the answers begin."""
    einde = next(i for i, p in enumerate(paginas) if "Zo lees je dit rapport" in p)
    assert einde >= 2
    return " ".join(paginas[1:einde])


def _controleer_kaart_en_vulling(rapport, pdf: bytes) -> list[str]:
    paginas = _paginas(pdf)
    assert paginas[1].startswith("Voor je gesprek")
    kaart = _kaart(paginas)
    for leerdoel in rapport.leerdoelen:
        assert " ".join(leerdoel.wat.split()) in kaart
        assert " ".join(leerdoel.eerste_stap.split()) in kaart
    # Every wish, once: a wish a leerdoel started from is there as that leerdoel.
    uit_wens = {d.item_id for d in rapport.leerdoelen}
    wensen = [r for g in rapport.groepen for r in g.ontwikkelen if r.item.pk not in uit_wens]
    assert wensen
    for regel in wensen:
        assert " ".join(regel.item.tekst.split()) in kaart, regel.item.sleutel
    for regel in rapport.gesprekspunten.splitlines():
        assert regel in kaart
    afspraken = next(i for i, p in enumerate(paginas) if "Afspraken uit het gesprek" in p)
    for pagina in paginavulling(pdf):
        if pagina.nummer in (1, afspraken + 1):
            continue  # the cover, and the page left to write on
        assert pagina.vulling >= 1 / 3, (pagina, paginas[pagina.nummer - 1][:200])
    return paginas


@pytest.mark.parametrize("gebied", ["coach", "innovator"])
def test_a_basis_and_one_gebied_scan_has_the_kaart_on_page_2_and_at_most_six_full_pages(
    npuls, gebruiker, gebied
):
    scan = maak_typische_scan(gebruiker, npuls, gebied)
    rapport = bouw_rapport(scan)
    paginas = _controleer_kaart_en_vulling(rapport, rapport_pdf(rapport))
    assert len(paginas) <= 6
    # Typical: three leerdoelen and about ten wishes fit on the kaart with room to write.
    assert "Zo lees je dit rapport" in paginas[2]
    assert "Afspraken uit het gesprek" in paginas[1]


def test_the_full_demo_scan_has_the_kaart_on_page_2_and_no_nearly_empty_page(npuls):
    _, scan, _ = maak_demo(npuls)
    rapport = bouw_rapport(scan)
    assert sum(len(g.ontwikkelen) for g in rapport.groepen) > 20
    _controleer_kaart_en_vulling(rapport, rapport_pdf(rapport))


def test_bookmarks_name_the_sections_and_each_group_with_its_role(npuls):
    _, scan, _ = maak_demo(npuls)
    lezer = PdfReader(BytesIO(rapport_pdf(bouw_rapport(scan))))
    titels = [b.title for b in lezer.outline if not isinstance(b, list)]
    onder = [b.title for lijst in lezer.outline if isinstance(lijst, list) for b in lijst]
    assert titels == ["Ontwikkelrapport"]
    groepen = [
        f"{g.titel} · {g.rolnaam}" if g.rolnaam else g.titel
        for g in npuls.groepen.order_by("volgorde")
    ]
    assert onder == ["Voor je gesprek", "Zo lees je dit rapport", *groepen]
    assert "Verbinden over grenzen heen · bruggenbouwer" in onder


def test_the_pdf_embeds_its_fonts_and_is_tagged_with_title_and_language(tmp_path, npuls):
    _, scan, _ = maak_demo(npuls)
    pad = tmp_path / "rapport.pdf"
    pad.write_bytes(rapport_pdf(bouw_rapport(scan), taal="en"))
    info = subprocess.run(["pdfinfo", pad], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Title:\s+Development report – Noor de Vries$", info, re.M)
    assert re.search(r"^PDF version:\s+1\.7$", info, re.M)
    fonts = subprocess.run(["pdffonts", pad], check=True, capture_output=True, text=True).stdout
    regels = fonts.splitlines()[2:]
    assert regels, fonts
    for regel in regels:
        assert "DejaVu" in regel, regel
        naam, *_, emb, sub, uni, _obj, _gen = regel.split()
        assert (emb, uni) == ("yes", "yes"), regel
    catalogus = PdfReader(pad).trailer["/Root"]
    assert catalogus["/Lang"] == "en"


def test_the_report_page_and_the_pdf_show_the_same_parts_in_the_same_order(client, npuls):
    gebruiker, scan, _ = maak_demo(npuls)
    client.force_login(gebruiker)
    html = client.get(reverse("scans:rapport", kwargs={"scan_id": scan.pk})).content.decode()
    # The page's sections, each named by its h2 (a group's role name is in a span).
    op_de_pagina = [
        " · ".join(re.sub(r"<[^>]+>", "|", kop).strip("|").split(" |"))
        for kop in re.findall(r"<section[^>]*>\s*<h2[^>]*>(.*?)</h2>", html)
    ]
    lezer = PdfReader(BytesIO(rapport_pdf(bouw_rapport(scan))))
    in_de_pdf = [b.title for lijst in lezer.outline if isinstance(lijst, list) for b in lijst]
    assert op_de_pagina == in_de_pdf
    assert op_de_pagina[:2] == ["Voor je gesprek", "Zo lees je dit rapport"]
