"""How fast is the PDF ontwikkelrapport? `make bench` runs this; `make test` does not.

It sets up Django on a throw-away SQLite database, loads the Npuls profile, creates the demo
scan (basis plus five gebieden, 127 items, notes, leerdoelen) and renders its full report the
way the download view does: build the report, render the print template, WeasyPrint. In the
same run WeasyPrint renders a plain HTML document with the same number of pages: the floor
that no report of that length can beat. It prints both medians and their ratio. A report whose
pages are fuller (fewer nearly empty pages) carries more text per page than before, so it
also prints a second floor with as much text as the report, and that ratio too.

Targets on a 2-core machine: the full report under 1.5 s (median), at most 2x the floor.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RONDES = int(os.environ.get("BENCH_RONDES", "7"))
DOEL_SECONDEN = 1.5
DOEL_VERHOUDING = 2.0

ZIN = (
    "Een docentondersteuner denkt na over wat hij of zij herkent in het eigen werk, waar "
    "nieuwsgierigheid ligt en wat er verder te ontwikkelen valt, in gesprek met een collega. "
)


def django_opzetten(map_: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "competentieprofiel.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{map_}/bench.sqlite3"
    os.environ["ZELFSCAN_VAR_DIR"] = map_

    import django

    django.setup()


def demo_scan():
    from django.core.management import call_command

    from competentieprofiel.laden import lees_profielbestand, schrijf_profiel
    from competentieprofiel.models import ProfielVersie
    from scans.demo import maak_demo

    call_command("migrate", verbosity=0)
    geladen = schrijf_profiel(
        lees_profielbestand(ROOT / "profiel_data" / "npuls.yaml"), bronbestand="npuls.yaml"
    )
    versie = ProfielVersie.objects.get(profiel__sleutel=geladen.profiel, nummer=geladen.versie)
    _, scan, _ = maak_demo(versie)
    return scan


def volledig_rapport(scan) -> bytes:
    """What the download view does, without the HTTP around it."""
    from scans.models import Scan
    from scans.pdf import rapport_pdf
    from scans.rapport import bouw_rapport

    scan = Scan.objects.select_related("versie__profiel", "eigenaar").get(pk=scan.pk)
    return rapport_pdf(bouw_rapport(scan))


def zonder_tags(scan) -> bytes:
    """The same report as an untagged PDF, only to show what PDF/UA-1 tagging costs."""
    from scans import pdf

    variant, pdf.PDF_VARIANT = pdf.PDF_VARIANT, None
    try:
        return volledig_rapport(scan)
    finally:
        pdf.PDF_VARIANT = variant


def gewone_html(alineas: int) -> str:
    tekst = "".join(f"<p>{ZIN * 3}</p>" for _ in range(alineas))
    return f'<!DOCTYPE html><html lang="nl"><head><title>Vloer</title></head><body>{tekst}</body></html>'


def vloer_met_paginas(paginas: int) -> str:
    """A plain HTML document that WeasyPrint lays out on exactly `paginas` pages."""
    from weasyprint import HTML

    def tel(alineas: int) -> int:
        return len(HTML(string=gewone_html(alineas)).render().pages)

    per_pagina = max(1, 40 // tel(40))
    alineas = per_pagina * paginas
    while tel(alineas) > paginas:
        alineas -= 1
    while tel(alineas + 1) <= paginas:
        alineas += 1
    return gewone_html(alineas)


def vloer(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def meet(functie, *args) -> float:
    begin = time.perf_counter()
    functie(*args)
    return time.perf_counter() - begin


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="zelfscan-bench-") as map_:
        django_opzetten(map_)
        from io import BytesIO

        from pypdf import PdfReader

        scan = demo_scan()
        pdf = volledig_rapport(scan)  # warm up: fonts, templates, CSS
        paginas = len(PdfReader(BytesIO(pdf)).pages)
        plat = vloer_met_paginas(paginas)
        assert len(PdfReader(BytesIO(vloer(plat))).pages) == paginas
        tekens = sum(len(p.extract_text()) for p in PdfReader(BytesIO(pdf)).pages)
        evenveel = gewone_html(max(1, round(tekens / len(ZIN * 3))))
        paginas_evenveel = len(PdfReader(BytesIO(vloer(evenveel))).pages)

        rapport_tijden, ongetagd_tijden, vloer_tijden, evenveel_tijden = [], [], [], []
        for _ in range(RONDES):  # interleaved, so all see the same machine
            rapport_tijden.append(meet(volledig_rapport, scan))
            ongetagd_tijden.append(meet(zonder_tags, scan))
            vloer_tijden.append(meet(vloer, plat))
            evenveel_tijden.append(meet(vloer, evenveel))

    rapport = statistics.median(rapport_tijden)
    ongetagd = statistics.median(ongetagd_tijden)
    ondergrens = statistics.median(vloer_tijden)
    verhouding = rapport / ondergrens
    print(f"pagina's:                    {paginas}")
    print(f"volledig rapport (PDF/UA-1): {rapport:.3f} s (mediaan van {RONDES})")
    print(f"  ter vergelijking zonder tags: {ongetagd:.3f} s")
    print(f"gewone html, zelfde lengte:  {ondergrens:.3f} s (mediaan van {RONDES})")
    print(f"verhouding:                  {verhouding:.2f}x")
    tekst = statistics.median(evenveel_tijden)
    print(
        f"gewone html, evenveel tekst: {tekst:.3f} s ({tekens} tekens, {paginas_evenveel} pagina's)"
    )
    print(f"verhouding bij evenveel tekst: {rapport / tekst:.2f}x")
    goed = rapport < DOEL_SECONDEN and verhouding <= DOEL_VERHOUDING
    print(
        f"doel: < {DOEL_SECONDEN} s en <= {DOEL_VERHOUDING}x: {'gehaald' if goed else 'NIET gehaald'}"
    )
    return 0 if goed else 1


if __name__ == "__main__":
    sys.exit(main())
