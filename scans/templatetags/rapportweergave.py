"""Template helpers for the report's neutral overview bar (HTML page, comparison, PDF)."""

from django import template

from ..overzicht import spreiding_svg, spreiding_tekst

register = template.Library()


@register.simple_tag
def spreidingsbalk(groep, rapport, voorvoegsel="balk"):
    """The group's answers as one bar; the same words are in its <desc>."""
    return spreiding_svg(groep, rapport.antwoordvolgorde, voorvoegsel=voorvoegsel)


@register.simple_tag
def spreidingstekst(groep, rapport):
    return spreiding_tekst(groep, rapport.antwoordvolgorde)
