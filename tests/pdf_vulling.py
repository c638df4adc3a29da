"""How full each page of a PDF is, measured on the PDF itself with poppler's `pdftotext`.

A page's fill is how far down its body area (inside the page margins, so the running header
and footer do not count) the lowest word reaches: 0 is an empty page, 1 a page written to
the bottom margin. Used by the PDF tests and `bench/pdf_paginas.py`.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4
# The margins of static/css/rapport_pdf.css's @page: 24 mm at the top, 25 mm at the bottom.
BOVEN, ONDER = 24 * MM, 25 * MM

_PAGINA = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WOORD = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">')


@dataclass(frozen=True)
class Pagina:
    nummer: int
    vulling: float


def paginavulling(pdf: bytes) -> list[Pagina]:
    with tempfile.TemporaryDirectory() as map_:
        bestand = Path(map_) / "rapport.pdf"
        bestand.write_bytes(pdf)
        uit = subprocess.run(
            ["pdftotext", "-bbox", str(bestand), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    paginas = []
    for nummer, (_, hoogte, woorden) in enumerate(_PAGINA.findall(uit), start=1):
        onderkant = float(hoogte) - ONDER
        dieptes = [
            float(y_max)
            for y_min, y_max in _WOORD.findall(woorden)
            if float(y_min) >= BOVEN - 1 and float(y_max) <= onderkant + 1
        ]
        diepste = max(dieptes, default=BOVEN)
        paginas.append(Pagina(nummer, (diepste - BOVEN) / (onderkant - BOVEN)))
    return paginas
