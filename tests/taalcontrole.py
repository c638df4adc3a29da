"""In which language does a page say each of its texts? For tests of `lang` attributes.

The page's <body> is cut into runs of text that share one language: the nearest `lang`
of the elements around them. A screen reader switches voice between runs, so a Dutch
text in an English page must sit in a run whose language is "nl".
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

LEGE_ELEMENTEN = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


def _schoon(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst).strip()


class _Talen(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stapel: list[tuple[str, str]] = []
        self.in_body = False
        self.runs: list[list] = []

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if tag in LEGE_ELEMENTEN:
            return
        taal = dict(attrs).get("lang") or (self.stapel[-1][1] if self.stapel else "")
        self.stapel.append((tag, taal))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in LEGE_ELEMENTEN:
            return
        for i in range(len(self.stapel) - 1, -1, -1):
            if self.stapel[i][0] == tag:
                del self.stapel[i:]
                break

    def handle_data(self, data):
        if not self.in_body or not data.strip():
            return
        if self.stapel and self.stapel[-1][0] in ("script", "style"):
            return
        taal = self.stapel[-1][1] if self.stapel else ""
        if self.runs and self.runs[-1][0] == taal:
            self.runs[-1][1].append(data)
        else:
            self.runs.append([taal, [data]])


def taalruns(html: str) -> list[tuple[str, str]]:
    """(language, text) for each run of text in <body> that shares one language."""
    parser = _Talen()
    parser.feed(html)
    return [(taal, _schoon(" ".join(delen))) for taal, delen in parser.runs]


def talen_van(html: str, tekst: str, runs=None) -> set[str]:
    """The languages of the runs in which `tekst` appears (empty: it is not on the page)."""
    tekst = _schoon(tekst)
    return {taal for taal, run in (runs or taalruns(html)) if tekst in run}


# Every text of a profile version, field by field, for tests that compare languages.
VERSIEVELDEN = ("titel", "uitgever", "bron", "naamsvermelding", "inleiding", "schaal_vraag",
                "niveaus_toelichting", "achtergrond")  # fmt: skip
RIJVELDEN = {
    "categorieen": ("titel",),
    "schaalopties": ("label",),
    "niveaus": ("titel", "beschrijving"),
    "groepen": tuple(
        "titel rolnaam kernzin korte_beschrijving beschrijving gespreksvragen suggesties "
        "verder_met".split()
    ),
    "items": ("tekst",),
}


def _platgeslagen(waarde) -> list[str]:
    if isinstance(waarde, list):
        return [t for w in waarde for t in _platgeslagen(w)]
    if isinstance(waarde, dict):
        return [t for k, w in waarde.items() if k != "url" for t in _platgeslagen(w)]
    return [waarde] if waarde else []


def profielteksten(versie, taal: str | None = None) -> dict[tuple, list[str]]:
    """{(row kind, key, field): [texts]} for every non-empty text of the version, in `taal`
    where translated (None: as stored, in the source language)."""
    uit = {}

    def neem(soort, sleutel, rij, veld):
        teksten = _platgeslagen(rij.in_taal(veld, taal) if taal else getattr(rij, veld))
        if teksten:
            uit[(soort, sleutel, veld)] = teksten

    for veld in VERSIEVELDEN:
        neem("versie", versie.profiel.sleutel, versie, veld)
    for soort, velden in RIJVELDEN.items():
        for rij in getattr(versie, soort).all():
            for veld in velden:
                neem(soort, rij.sleutel, rij, veld)
            # Next steps per category and per statement, keyed.
            if soort == "groepen":
                for categorie, lijst in rij.categorie_suggesties.items():
                    teksten = rij.suggesties_bij(categorie, taal) if taal else lijst
                    uit[(soort, rij.sleutel, f"suggesties {categorie}")] = [
                        s["tekst"] for s in teksten
                    ]
            if soort == "items" and rij.suggesties:
                teksten = rij.suggesties_in_taal(taal) if taal else rij.suggesties
                uit[(soort, rij.sleutel, "suggesties")] = [s["tekst"] for s in teksten]
    return uit
