"""The ontwikkelrapport as a PDF: the same `Rapport` as the HTML page, through a print
template and print CSS, rendered by WeasyPrint.

Nothing is fetched over the network while rendering: the document's base URL is a fixed,
unresolvable address, and the URL fetcher serves only our own static files, from disk; any
other URL stops the rendering with an error instead of silently leaving something out.
"""

from __future__ import annotations

import hashlib
import mimetypes
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import IntegrityError
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from .rapport import Rapport

# Relative URLs in the print template ({% static %}) resolve against this address; `.invalid`
# can never be a real host (RFC 2606), and the fetcher below answers it from disk.
BASIS_URL = "https://zelfscan.invalid/"

# WeasyPrint's PDF/UA-1 variant: a tagged PDF with title, language and structure.
PDF_VARIANT = "pdf/ua-1"


class PdfFout(Exception):
    """The PDF could not be rendered as designed (a missing or refused resource)."""


class StatischeBestanden(URLFetcher):
    """Serves our own static files from disk and refuses every other URL.

    WeasyPrint 70 expects a `weasyprint.urls.URLFetcher` (it reads the fetcher's error
    setting), so this is a subclass whose `fetch` never opens a connection.
    """

    def __init__(self):
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=True)

    def fetch(self, url, headers=None):
        pad = self._pad(url)
        if pad is None:
            raise ValueError(f"Het pdf-rapport haalt niets van buiten op: {url} is geweigerd.")
        soort = mimetypes.guess_type(pad.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, pad.read_bytes(), {"Content-Type": soort})

    @staticmethod
    def _pad(url: str) -> Path | None:
        statisch = urlsplit(BASIS_URL)._replace(path="/" + settings.STATIC_URL.lstrip("/"))
        delen = urlsplit(url)
        if (delen.scheme, delen.netloc) != (statisch.scheme, statisch.netloc):
            return None
        if not delen.path.startswith(statisch.path):
            return None
        naam = unquote(delen.path.removeprefix(statisch.path))
        if not naam or posixpath.normpath(naam) != naam or naam.startswith(("/", "..")):
            return None
        # The source file while developing, the collected (possibly hashed) copy in production.
        gevonden = finders.find(naam)
        if gevonden:
            return Path(gevonden)
        if staticfiles_storage.exists(naam):
            return Path(staticfiles_storage.path(naam))
        return None


def css_tekst(tekst: str) -> str:
    """A CSS string literal for any text: all but ASCII letters, digits and spaces escaped.

    Each escape is six hex digits plus the one space CSS consumes with it, so a character
    that follows (a real space included) is never swallowed or read as part of the escape.
    """
    veilig = (
        teken if (teken.isascii() and teken.isalnum()) or teken == " " else f"\\{ord(teken):06x} "
        for teken in tekst
    )
    return '"' + "".join(veilig) + '"'


def css_inhoud(sjabloon: str, **tellers: str) -> SafeString:
    """A CSS `content` value from a translated text with counters in it.

    `css_inhoud("pagina %(pagina)s van %(paginas)s", pagina="page", paginas="pages")`
    gives `"pagina " counter(page) " van " counter(pages)`, so a translation may put the
    numbers wherever its language wants them.
    """
    delen = []
    for deel in re.split(r"(%\(\w+\)s)", sjabloon):
        teller = re.fullmatch(r"%\((\w+)\)s", deel)
        if teller:
            delen.append(f"counter({tellers[teller[1]]})")
        elif deel:
            delen.append(css_tekst(deel))
    return mark_safe(" ".join(delen))


def schrijfregels(aantal: int) -> SafeString:
    """Ruled lines to write on, about 8.5 mm apart, as a small inline SVG."""
    tussen, dikte = 50, 2
    regels = "".join(
        f'<line x1="0" y1="{i * tussen - dikte}" x2="1000" y2="{i * tussen - dikte}"/>'
        for i in range(1, aantal + 1)
    )
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 {aantal * tussen}" '
        f'class="schrijfregels" role="img"><title>{escape(_("Lijnen om op te schrijven"))}</title>'
        f'<g stroke="#8f989e" stroke-width="{dikte}">{regels}</g></svg>'
    )


def documenttitel(rapport: Rapport) -> str:
    titel = _("Ontwikkelrapport")
    if rapport.tussenstand:
        titel = _("%(titel)s (tussenstand)") % {"titel": titel}
    if rapport.naam:
        titel = f"{titel} – {rapport.naam}"
    return titel


def bestandsnaam(rapport: Rapport) -> str:
    return f"ontwikkelrapport-{rapport.datum:%Y-%m-%d}.pdf"


def context(rapport: Rapport) -> dict:
    """Everything the print template needs besides the report itself."""
    datum = formats.date_format(rapport.datum, "j F Y")
    kop = _("Ontwikkelrapport")
    if rapport.naam:
        kop = f"{kop} · {rapport.naam}"
    if rapport.tussenstand:
        kop = f"{kop} · {_('tussenstand')}"
    return {
        "rapport": rapport,
        "titel": documenttitel(rapport),
        "datum": datum,
        "schrijfregels": {"kort": schrijfregels(1), "lang": schrijfregels(3)},
        "css": {
            "kop": mark_safe(css_tekst(kop)),
            "voet": mark_safe(
                css_tekst(
                    _("Dit rapport is van jou. Jij bepaalt met wie je het deelt.")
                    + "\n"
                    + f"{datum} · {rapport.versie.uitgever}"
                )
            ),
            "pagina": css_inhoud(
                _("pagina %(pagina)s van %(paginas)s"), pagina="page", paginas="pages"
            ),
        },
    }


def rapport_html(
    rapport: Rapport,
    *,
    taal: str = "nl",
    onderdelen: dict[str, bool] | None = None,
    vergelijking=None,
) -> str:
    """The print HTML of the ontwikkelrapport in `taal`: all a PDF is made from.

    `onderdelen` leaves optional sections out (labels, notities, vergelijking,
    gesprekspunten: False means out); `vergelijking` is "Sinds je vorige scan", if any.
    """
    verberg = {naam: not aan for naam, aan in (onderdelen or {}).items()}
    with translation.override(taal):
        return render_to_string(
            "scans/rapport_pdf.html",
            {**context(rapport), "taal": taal, "verberg": verberg, "vergelijking": vergelijking},
        )


def pdf_van_html(html: str) -> bytes:
    """Render print HTML to PDF bytes (the expensive part: WeasyPrint)."""
    try:
        return HTML(string=html, base_url=BASIS_URL, url_fetcher=StatischeBestanden()).write_pdf(
            pdf_variant=PDF_VARIANT
        )
    except FatalURLFetchingError as fout:
        # WeasyPrint's fatal error is a BaseException; give Django an ordinary one.
        raise PdfFout(str(fout)) from fout


def rapport_pdf(
    rapport: Rapport,
    *,
    taal: str = "nl",
    onderdelen: dict[str, bool] | None = None,
    vergelijking=None,
) -> bytes:
    """The ontwikkelrapport as PDF bytes, rendered in `taal` (see rapport_html)."""
    html = rapport_html(rapport, taal=taal, onderdelen=onderdelen, vergelijking=vergelijking)
    with translation.override(taal):
        return pdf_van_html(html)


def bewaarde_rapport_pdf(
    scan,
    rapport: Rapport,
    *,
    taal: str = "nl",
    onderdelen: dict[str, bool] | None = None,
    vergelijking=None,
) -> bytes:
    """rapport_pdf, but a second download of an unchanged report is the stored PDF.

    The key is a hash of the print HTML, so anything that shows in the PDF (an answer, a
    note, a chosen section, the language, a date, a new template) makes a new one; only
    the last PDF of a scan is kept (models.RapportPdf). A scan read with its stored PDF
    (`toegang.scan_van(..., met_pdf=True)`) costs no query to look it up.
    """
    from .models import RapportPdf

    html = rapport_html(rapport, taal=taal, onderdelen=onderdelen, vergelijking=vergelijking)
    sleutel = hashlib.sha256(html.encode()).hexdigest()
    try:
        bewaard = scan.bewaarde_pdf
    except RapportPdf.DoesNotExist:
        bewaard = None
    if bewaard is not None and bewaard.sleutel == sleutel:
        return bytes(bewaard.pdf)
    with translation.override(taal):
        pdf = pdf_van_html(html)
    try:
        # One upsert, no savepoint: outside a transaction (as in a request) a failure
        # leaves nothing half done.
        RapportPdf.objects.bulk_create(
            [RapportPdf(scan_id=scan.pk, sleutel=sleutel, pdf=pdf)],
            update_conflicts=True,
            unique_fields=["scan"],
            update_fields=["sleutel", "pdf", "gemaakt_op"],
        )
    except IntegrityError:
        # The scan was deleted while rendering: the person still gets their PDF.
        pass
    return pdf
