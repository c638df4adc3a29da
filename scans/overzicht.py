"""The ontwikkelrapport's overview picture: per group, how the person's answers spread over
the reflection scale, as one plain horizontal bar in inline SVG and the same in words.

A mirror, not a measuring tape: no percentages, no totals, no traffic-light colours. The
bar's shades come from one calm teal family; what lies outside one's role is grey and what is
still open is left empty. The words come from the profile's own labels, never from keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from competentieprofiel.models import Schaaloptie

from .rapport import GroepRapport

# From the lightest to the darkest shade of the site's accent (#1d5c68).
LICHTSTE = (0xC6, 0xDF, 0xE3)
DONKERSTE = (0x1D, 0x5C, 0x68)
BUITEN_ROL = "#a3a9ae"
OPEN = "#ffffff"
RAND = "#6b747b"

BREEDTE, HOOGTE, TUSSENRUIMTE = 1000, 34, 4


@dataclass(frozen=True)
class Telling:
    """One answer in a group's spread: its colour, how many items got it, and in words."""

    kleur: str
    aantal: int
    tekst: str


def kleuren(volgorde: list[Schaaloptie | None]) -> dict[Schaaloptie | None, str]:
    """A colour per answer: shades of teal along the scale, grey outside one's role."""
    binnen = sorted((o for o in volgorde if o is not None and not o.buiten_rol), key=_plaats)
    uit: dict[Schaaloptie | None, str] = {}
    for i, optie in enumerate(binnen):
        stap = i / (len(binnen) - 1) if len(binnen) > 1 else 1
        uit[optie] = "#" + "".join(
            f"{round(licht + (donker - licht) * stap):02x}"
            for licht, donker in zip(LICHTSTE, DONKERSTE, strict=True)
        )
    for optie in volgorde:
        if optie is None:
            uit[None] = OPEN
        elif optie.buiten_rol:
            uit[optie] = BUITEN_ROL
    return uit


def _plaats(optie: Schaaloptie) -> int:
    return optie.volgorde


def tellingen(groep: GroepRapport, volgorde: list[Schaaloptie | None]) -> list[Telling]:
    """The answers this group actually got, in the report's order, each with its words."""
    aantallen = dict(groep.spreiding)
    kleur = kleuren(volgorde)
    uit = []
    for optie in volgorde:
        aantal = aantallen.get(optie, 0)
        if not aantal:
            continue
        if optie is None:
            tekst = _("%(aantal)s nog open") % {"aantal": aantal}
        else:
            tekst = _("%(aantal)s × %(antwoord)s") % {"aantal": aantal, "antwoord": optie.label}
        uit.append(Telling(kleur[optie], aantal, tekst))
    return uit


def spreiding_tekst(groep: GroepRapport, volgorde: list[Schaaloptie | None]) -> str:
    """The bar in words: "7 × Dit herken ik in mijn werk, 3 × Hier ben ik mee bezig, 2 nog open"."""
    return ", ".join(t.tekst for t in tellingen(groep, volgorde))


def spreiding_svg(
    groep: GroepRapport, volgorde: list[Schaaloptie | None], *, voorvoegsel: str = "balk"
) -> SafeString:
    """One horizontal bar: a segment per answer, as wide as the number of items it got.

    Every value that comes from the profile is escaped; the result is safe to put in a
    template as it is. The <title> names the picture; <desc> holds the same words as the
    text that always stands next to it. `voorvoegsel` keeps ids unique when one page shows
    two bars of the same group (a comparison).
    """
    delen = tellingen(groep, volgorde)
    totaal = sum(t.aantal for t in delen) or 1
    sleutel = escape(f"{voorvoegsel}-{groep.groep.sleutel}")
    segmenten, x = [], 0.0
    for telling in delen:
        breedte = BREEDTE * telling.aantal / totaal
        segmenten.append(
            f'<rect x="{x:.1f}" y="0" width="{breedte:.1f}" height="{HOOGTE}" '
            f'fill="{telling.kleur}" stroke="#ffffff" stroke-width="{TUSSENRUIMTE}"/>'
        )
        x += breedte
    titel = _("Verdeling van je antwoorden bij %(groep)s") % {"groep": groep.groep.titel}
    # Every interpolated text is escaped: the labels and titles come from the profile.
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREEDTE} {HOOGTE}" '
        f'class="spreidingsbalk" role="img" '
        f'aria-labelledby="{sleutel}-titel {sleutel}-desc">'
        f'<title id="{sleutel}-titel">{escape(titel)}</title>'
        f'<desc id="{sleutel}-desc">{escape(spreiding_tekst(groep, volgorde))}</desc>'
        f"{''.join(segmenten)}"
        f'<rect x="1" y="1" width="{BREEDTE - 2}" height="{HOOGTE - 2}" fill="none" '
        f'stroke="{RAND}" stroke-width="2"/>'
        "</svg>"
    )
