"""Every URL pattern of the project, found by walking the whole resolver, and concrete URLs
for each of them, filled with the owner's data from `wereld`.

A pattern with a captured name this module cannot fill raises `Onbouwbaar`: a new URL
pattern makes the attack suite fail until someone teaches this module how to build it.
Nothing is skipped, the admin's own URLs included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from competentieprofiel.models import Profiel
from scans.models import Scan
from scans.stappen import stappenplan

from .wereld import Wereld

# Where a staff member would look for reflections or netwerken if they were in the admin:
# the conventional admin URLs of the scans and netwerk models (the admin's catch-all).
BEHEER_SCANS = [
    "scans/",
    "scans/scan/",
    "scans/antwoord/",
    "scans/notitie/",
    "scans/leerdoel/",
    "scans/scangroep/",
    "scans/leerdoelopvolging/",
    "netwerk/",
    "netwerk/netwerk/",
    "netwerk/lidmaatschap/",
    "netwerk/bijdrage/",
    "netwerk/dagstand/",
]


class Onbouwbaar(AssertionError):
    """A URL pattern the attack suite does not know how to fill in."""


@dataclass(frozen=True)
class Patroon:
    keten: tuple[URLResolver | URLPattern, ...]  # below the root, outermost first

    @property
    def patroon(self) -> URLPattern:
        return self.keten[-1]

    @cached_property
    def route(self) -> str:
        """The full route as Django's ResolverMatch.route spells it."""
        route = ""
        for deel in self.keten:
            stuk = str(deel.pattern)
            route = stuk if not route else route + stuk.removeprefix("^")
        return route

    @property
    def namespace(self) -> str:
        return ":".join(d.namespace for d in self.keten[:-1] if getattr(d, "namespace", None))

    @property
    def naam(self) -> str:
        """The namespaced URL name, or the route for an unnamed pattern."""
        if self.patroon.name is None:
            return self.route
        return f"{self.namespace}:{self.patroon.name}" if self.namespace else self.patroon.name

    @property
    def in_beheer(self) -> bool:
        return self.namespace.split(":")[0] == admin.site.name

    @property
    def model(self):
        """The admin model whose ModelAdmin URLs hold this pattern, if any."""
        per_route = {f"{m._meta.app_label}/{m._meta.model_name}/": m for m in admin.site._registry}
        if not self.in_beheer:
            return None
        for deel in self.keten[1:-1]:
            if str(deel.pattern) in per_route:
                return per_route[str(deel.pattern)]
        return None

    def namen(self) -> list[str]:
        """The captured names along the whole chain, in the order they appear."""
        namen = []
        for deel in self.keten:
            patroon = deel.pattern
            if isinstance(patroon, RoutePattern):
                namen += list(patroon.converters)
            elif isinstance(patroon, RegexPattern):
                groepen = patroon.regex.groupindex
                if patroon.regex.groups != len(groepen):
                    raise Onbouwbaar(f"{self.route}: unnamed groups cannot be filled in")
                namen += sorted(groepen, key=groepen.get)
            else:
                raise Onbouwbaar(f"{self.route}: unknown pattern type {type(patroon).__name__}")
        return namen


def alle_patronen() -> list[Patroon]:
    """Every URL pattern of the project, recursively through every include."""
    uit: list[Patroon] = []

    def loop(resolver: URLResolver, keten: tuple) -> None:
        for deel in resolver.url_patterns:
            if isinstance(deel, URLResolver):
                loop(deel, (*keten, deel))
            else:
                uit.append(Patroon((*keten, deel)))

    loop(get_resolver(), ())
    return uit


def _uid(gebruiker) -> str:
    return urlsafe_base64_encode(force_bytes(gebruiker.pk))


def _opties(naam: str, gekozen: dict, patroon: Patroon, wereld: Wereld) -> list[str]:
    """The values to try for one captured name, given the names filled in before it."""
    if patroon.in_beheer:
        model = patroon.model
        if patroon.patroon.name == "view_on_site":
            # The admin's "view on site" shortcut, pointed at the owner's account and scan.
            gebruiker_ct = ContentType.objects.get_for_model(get_user_model())
            scan_ct = ContentType.objects.get_for_model(Scan)
            if naam == "content_type_id":
                return [str(gebruiker_ct.pk), str(scan_ct.pk)]
            if naam == "object_id":
                if gekozen["content_type_id"] == str(gebruiker_ct.pk):
                    return [str(wereld.eigenaar.pk)]
                return wereld.scan_ids
        if naam == "object_id" and model is not None:
            if model is get_user_model():
                return [str(wereld.eigenaar.pk)]
            # The first row there is, or an id that does not exist in an empty table.
            eerste = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
            return [str(eerste if eerste is not None else 0)]
        if naam == "id" and model is get_user_model():
            return [str(wereld.eigenaar.pk)]
        if naam == "app_label":
            return sorted({m._meta.app_label for m in admin.site._registry})
        if naam == "url":
            # Only what the catch-all really catches: a scans model that somebody registers
            # in the admin gets its own patterns, and those are attacked as such.
            geregistreerd = {f"{m._meta.app_label}/" for m in admin.site._registry}
            geregistreerd |= {
                f"{m._meta.app_label}/{m._meta.model_name}/" for m in admin.site._registry
            }
            vrij = [p for p in BEHEER_SCANS if p not in geregistreerd]
            scan_wijzigen = [f"scans/scan/{wereld.scan_ids[0]}/change/"] * ("scans/scan/" in vrij)
            return ["bestaat-niet/", *vrij, *scan_wijzigen]
    else:
        if naam in ("scan_id", "ander_id"):
            return wereld.scan_ids
        if naam == "netwerk_id":
            return [str(wereld.netwerk.pk)]
        if naam == "uitnodiging":
            # The link from before it was renewed, and a made-up one: both must be refused.
            # (The valid link is for invited people; tests/netwerk/test_uitnodiging.py.)
            return [wereld.oude_uitnodiging, "bestaat-niet"]
        if naam == "stap":
            scan = next(s for s in wereld.scans if str(s.pk) == gekozen["scan_id"])
            return [stap.sleutel for stap in stappenplan(scan)]
        if naam == "sleutel" and patroon.naam == "profiel_sleutel":
            return [*Profiel.objects.values_list("sleutel", flat=True), "bestaat-niet"]
        if naam == "uidb64":
            return [_uid(wereld.eigenaar), "MTIzNDU2"]
        if naam == "token":
            return ["set-password", "cbpg4w-0123456789abcdef0123456789abcdef"]
    raise Onbouwbaar(
        f"{patroon.naam} ({patroon.route}): the attack suite does not know how to fill in "
        f"<{naam}>. Teach tests/aanval/urls_bouwen.py which values to use."
    )


def _invullen(patroon: Patroon, waarden: dict[str, str]) -> str:
    url = ""
    for deel in patroon.keten:
        p = deel.pattern
        if isinstance(p, RoutePattern):
            stuk = re.sub(r"<(?:[^>:]+:)?([^>]+)>", lambda m: waarden[m[1]], str(p))
        else:
            stuk = re.sub(r"\(\?P<(\w+)>[^()]*\)", lambda m: waarden[m[1]], str(p))
            stuk = stuk.removeprefix("^").removesuffix("$")
            if re.search(r"[\\()\[\]*+?|^$]", stuk):
                raise Onbouwbaar(f"{patroon.route}: cannot turn this regex into a URL")
        url += stuk
    return "/" + url


def urls_voor(patroon: Patroon, wereld: Wereld) -> list[str]:
    """Concrete URLs for one pattern: every combination of values for its names. Each URL
    must resolve to this very pattern (or one with the same route that shadows it)."""
    namen = patroon.namen()
    volgorde = sorted(namen, key=lambda n: n not in ("scan_id", "content_type_id"))
    combinaties: list[dict] = [{}]
    for naam in volgorde:
        combinaties = [
            {**gekozen, naam: waarde}
            for gekozen in combinaties
            for waarde in _opties(naam, gekozen, patroon, wereld)
        ]
    urls = []
    for waarden in combinaties:
        url = _invullen(patroon, waarden)
        gevonden = resolve(url)
        if gevonden.route != patroon.route:
            raise Onbouwbaar(
                f"{url} was built for {patroon.route} but resolves to {gevonden.route}"
            )
        urls.append(url)
    return urls


def alle_urls(wereld: Wereld) -> list[tuple[Patroon, str]]:
    """(pattern, url) for every URL pattern of the project; raises Onbouwbaar if one fails."""
    return [(p, url) for p in alle_patronen() for url in urls_voor(p, wereld)]
