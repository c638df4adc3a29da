"""Showing a profile's texts in the language of the page.

{{ item|vertaald:"tekst" }}          inline text: "Has basic knowledge of ..." or, where
                                     there is no translation,
                                     <span lang="nl">Beschikt over ...</span>
{{ vraag|vertaald }}                 the same for a text already taken from the profile
                                     (a list entry, a form's choice label)
{{ groep|vertaald_alineas:"beschrijving" }}
                                     a longer text as paragraphs, each <p lang="nl">
                                     where it falls back
{{ versie|in_taal:"titel" }}         the bare text, for <title> and attributes
"""

import re

from django import template
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import normalize_newlines

from competentieprofiel.taal import ProfielTekst, actieve_taal

register = template.Library()


def _tekst(waarde, veld):
    if waarde is None or waarde == "":
        return ""
    return waarde.in_taal(veld) if veld else waarde


def _anders(tekst) -> bool:
    return isinstance(tekst, ProfielTekst) and bool(tekst) and tekst.taal != actieve_taal()


@register.filter
def in_taal(waarde, veld):
    return _tekst(waarde, veld)


@register.filter
def vertaald(waarde, veld=None):
    tekst = _tekst(waarde, veld)
    if _anders(tekst):
        return format_html('<span lang="{}">{}</span>', tekst.taal, tekst)
    return conditional_escape(tekst)


@register.filter
def vertaald_alineas(waarde, veld=None):
    tekst = _tekst(waarde, veld)
    taal = format_html(' lang="{}"', tekst.taal) if _anders(tekst) else ""
    alineas = re.split(r"\n{2,}", normalize_newlines(str(tekst)).strip()) if tekst else []
    return mark_safe(
        "\n".join(
            format_html("<p{}>{}</p>", taal, mark_safe(escape(a).replace("\n", "<br>")))
            for a in alineas
        )
    )
