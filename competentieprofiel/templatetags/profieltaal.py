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
{{ groep|groepskop }}                a group's title with its role name
                                     (<span class="rolnaam">), both from one language
{{ groep|groepskop_tekst:" · " }}    the same as bare text, for attributes and bookmarks
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


@register.filter
def groepskop(groep):
    kop = groep.kop
    titel, rolnaam = kop["titel"], kop["rolnaam"]
    rol = format_html(' <span class="rolnaam">{}</span>', rolnaam) if rolnaam else ""
    if _anders(titel):
        return format_html('<span lang="{}">{}{}</span>', titel.taal, titel, rol)
    return format_html("{}{}", titel, rol)


@register.filter
def groepskop_tekst(groep, scheiding=" · "):
    kop = groep.kop
    return f"{kop['titel']}{scheiding}{kop['rolnaam']}" if kop["rolnaam"] else kop["titel"]
