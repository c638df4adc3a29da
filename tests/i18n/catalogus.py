"""Reading our gettext catalogues, and making sure the compiled .mo files are current.

The .mo files are git-ignored and compiled by `make setup`; a plain `pytest` run after
someone edited a .po file compiles them here, so English pages show the new text.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale"
TALEN = ("nl", "en")

_REGEL = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])? "(.*)"$')
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def po_pad(taal: str, locale: Path = LOCALE) -> Path:
    return locale / taal / "LC_MESSAGES" / "django.po"


@dataclass
class Vermelding:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    vlaggen: set[str] = field(default_factory=set)
    plaats: str = ""

    @property
    def sleutel(self) -> tuple[str | None, str, str | None]:
        return (self.msgctxt, self.msgid, self.msgid_plural)

    @property
    def vertaald(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())


def _tekst(gequote: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], m[1]), gequote)


def lees_po(pad: Path) -> list[Vermelding]:
    """The entries of a .po file, without its header and without obsolete (#~) entries."""
    vermeldingen: list[Vermelding] = []
    huidig: Vermelding | None = None
    veld: tuple[str, int] | None = None
    for regel in [*pad.read_text(encoding="utf-8").splitlines(), ""]:
        regel = regel.strip()
        if not regel or regel.startswith("#~"):
            if huidig is not None:
                vermeldingen.append(huidig)
            huidig, veld = None, None
            continue
        if huidig is None:
            huidig = Vermelding()
        if regel.startswith("#,"):
            huidig.vlaggen |= {v.strip() for v in regel[2:].split(",")}
        elif regel.startswith("#:"):
            huidig.plaats = huidig.plaats or regel[2:].split()[0]
        elif regel.startswith("#"):
            continue
        elif regel.startswith('"'):
            assert veld is not None, f"{pad}: losse regel {regel!r}"
            waarde = _tekst(regel[1:-1])
            if veld[0] == "msgstr":
                huidig.msgstr[veld[1]] += waarde
            else:
                setattr(huidig, veld[0], getattr(huidig, veld[0]) + waarde)
        else:
            gevonden = _REGEL.match(regel)
            assert gevonden, f"{pad}: onbekende regel {regel!r}"
            soort, index, waarde = gevonden[1], gevonden[2], _tekst(gevonden[3])
            if soort == "msgstr":
                veld = ("msgstr", int(index or 0))
                huidig.msgstr[veld[1]] = waarde
            else:
                veld = (soort, 0)
                setattr(huidig, soort, waarde)
    return [v for v in vermeldingen if v.msgid]


def zorg_voor_mo() -> None:
    """Compile each .po whose .mo is missing or older, and drop Django's cached catalogues."""
    gecompileerd = False
    for taal in TALEN:
        po = po_pad(taal)
        mo = po.with_suffix(".mo")
        if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
            subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True)
            gecompileerd = True
    if gecompileerd:
        # Django caches catalogues per process; forget them so the new .mo is read.
        from django.utils.translation import trans_real

        trans_real._translations = {}
        trans_real._default = None
