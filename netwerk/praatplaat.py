"""The praatplaat: a netwerk's map as an A4 landscape PDF for a team meeting.

The same `Kaart` as the page, so it holds only what the map shows, plus a few questions
for the conversation. Rendered as the ontwikkelrapport is: WeasyPrint with the report's
URL fetcher (own static files from disk, nothing from the network), its fonts and its
tagged PDF/UA variant.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError

from scans.pdf import (
    BASIS_URL,
    PDF_VARIANT,
    PdfFout,
    StatischeBestanden,
    css_inhoud,
    css_tekst,
    schrijfregels,
)

from .selectors import Kaart

# Up to this many names in one gebied, the gebieden stand three abreast on the page; with
# more, one gebied per row, so its names can run on over pages.
NAMEN_NAAST_ELKAAR = 30


def veel_namen(kaart: Kaart) -> bool:
    return any(
        len(g.zet_in) + len(g.benader) + len(g.groeien) > NAMEN_NAAST_ELKAAR for g in kaart.gebieden
    )


def documenttitel(kaart: Kaart) -> str:
    return _("Praatplaat: %(netwerk)s") % {"netwerk": kaart.netwerk.naam}


def bestandsnaam(kaart: Kaart) -> str:
    return f"praatplaat-{timezone.localdate():%Y-%m-%d}.pdf"


def praatplaat_pdf(kaart: Kaart, *, taal: str = "nl") -> bytes:
    """The praatplaat as PDF bytes, rendered in `taal`."""
    with translation.override(taal):
        datum = formats.date_format(timezone.localdate(), "j F Y")
        html = render_to_string(
            "netwerk/praatplaat.html",
            {
                "kaart": kaart,
                "taal": taal,
                "titel": documenttitel(kaart),
                "veel_namen": veel_namen(kaart),
                # Up to five gebieden stand side by side; more wrap into rows of three.
                "kolommen": len(kaart.gebieden) if len(kaart.gebieden) <= 5 else 3,
                # On paper a gap shows one of the profile's suggestions, on screen two.
                "suggesties_tot": ":1",
                "datum": datum,
                "schrijfregels": schrijfregels(6),
                "css": {
                    "kop": mark_safe(css_tekst(documenttitel(kaart))),
                    "voet": mark_safe(
                        css_tekst(
                            _("Alleen wat leden zelf deelden; niets uit iemands scan.")
                            + " · "
                            + datum
                        )
                    ),
                    "pagina": css_inhoud(
                        _("pagina %(pagina)s van %(paginas)s"), pagina="page", paginas="pages"
                    ),
                },
            },
        )
        try:
            return HTML(
                string=html, base_url=BASIS_URL, url_fetcher=StatischeBestanden()
            ).write_pdf(pdf_variant=PDF_VARIANT)
        except FatalURLFetchingError as fout:
            raise PdfFout(str(fout)) from fout
