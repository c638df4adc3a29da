"""A profile's texts in more than one language.

A profile is written in one language (its `taal`, Dutch for the shipped profiles); a
companion file may translate it (see `vertaling.py`). Every framework row keeps its own
texts in the source language and the translations in one JSON field, `vertalingen`
(`{"en": {"titel": "..."}}`), so reading them costs no query.

`in_taal(veld)` returns a `ProfielTekst`: the text in the asked language where a
translation exists, otherwise the source text, and in both cases the language it is in.
Templates show it with the `vertaald` filter (`templatetags/profieltaal.py`), which marks
a text that is not in the page's language with `lang`, so a screen reader switches voice.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

BRONTAAL = "nl"


class ProfielTekst(str):
    """A text from a profile, together with the language (`taal`) it is written in."""

    taal: str

    def __new__(cls, tekst: str, taal: str):
        obj = super().__new__(cls, tekst)
        obj.taal = taal
        return obj

    def __reduce__(self):
        return (ProfielTekst, (str(self), self.taal))


def actieve_taal() -> str:
    """The interface language now in use (Dutch outside a request)."""
    return (get_language() or BRONTAAL).split("-")[0].lower()


def _als_tekst(waarde, taal: str):
    """Wrap a stored value (a text, a list of texts, a list of links) in ProfielTekst."""
    if isinstance(waarde, str):
        return ProfielTekst(waarde, taal)
    if isinstance(waarde, list):
        return [_als_tekst(w, taal) for w in waarde]
    if isinstance(waarde, dict):
        return {k: ProfielTekst(v, taal) if k != "url" else v for k, v in waarde.items()}
    return waarde


class Vertaalbaar(models.Model):
    """A framework row whose texts can carry translations."""

    taal = models.CharField(_("taal"), max_length=10, default=BRONTAAL)
    vertalingen = models.JSONField(_("vertalingen"), default=dict, blank=True)

    class Meta:
        abstract = True

    def heeft_vertaling(self, veld: str, taal: str) -> bool:
        return taal == self.taal or veld in self.vertalingen.get(taal, {})

    def in_taal(self, veld: str, taal: str | None = None):
        """The field's text in `taal` (default: the active language), else in the source
        language; always a ProfielTekst (or a list of them) that knows its language."""
        taal = taal or actieve_taal()
        if taal != self.taal and veld in self.vertalingen.get(taal, {}):
            return _als_tekst(self.vertalingen[taal][veld], taal)
        return _als_tekst(getattr(self, veld), self.taal)


def suggesties_in_taal(rij: Vertaalbaar, suggesties: list[dict], taal: str | None = None):
    """Keyed suggestions ([{"sleutel", "tekst"}]) with each text in `taal` where the row
    has its translation (by the suggestion's key), otherwise in the source language."""
    taal = taal or actieve_taal()
    vertaald = rij.vertalingen.get(taal, {}).get("suggesties_per_sleutel", {})
    return [
        {
            "sleutel": s["sleutel"],
            "tekst": ProfielTekst(vertaald[s["sleutel"]], taal)
            if taal != rij.taal and s["sleutel"] in vertaald
            else ProfielTekst(s["tekst"], rij.taal),
        }
        for s in suggesties
    ]


def in_een_taal(taal: str | None, *delen: tuple[Vertaalbaar, str]) -> list:
    """Texts that are shown together in one element (a title with its role name, a step
    title made of a group and a category) come from one language: the asked one if every
    part has it, otherwise all from the source language. Never a mixed line."""
    taal = taal or actieve_taal()
    if not all(obj.heeft_vertaling(veld, taal) or not getattr(obj, veld) for obj, veld in delen):
        taal = delen[0][0].taal
    return [obj.in_taal(veld, taal) for obj, veld in delen]
