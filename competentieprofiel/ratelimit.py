"""A small rate limit on POSTs, counted per client IP address in Django's cache.

Used on the password reset form so nobody can flood a mailbox or probe addresses:

    path("accounts/password_reset/", beperk_wachtwoordherstel(PasswordResetView.as_view()), ...)

The counters live in the ``default`` cache: Django's database cache, shared by every
process and every app server on the same database, so a limit holds across all of them.

The same module limits failed logins per address over all accounts (password spraying):
``InlogPerAdresBackend`` stands first in AUTHENTICATION_BACKENDS, and every failed login
counts through the ``user_login_failed`` signal.
"""

import hashlib
import ipaddress
from functools import wraps

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.shortcuts import render


def client_ip(request) -> str:
    """The visitor's IP address, for this rate limit and for django-axes' lockout.

    Without a proxy (PROXY_AANTAL 0) that is REMOTE_ADDR. So it is when REMOTE_ADDR is not
    one of our own proxies (PROXY_ADRESSEN): someone who reaches the app server directly
    cannot name another visitor in the header. Behind PROXY_AANTAL proxies of
    our own, REMOTE_ADDR is the nearest proxy, and each proxy appends the address it got
    the request from to X-Forwarded-For: the visitor is the entry PROXY_AANTAL from the
    right. Whatever stands further left came from the visitor and is never believed. A
    missing, short or malformed header falls back to REMOTE_ADDR (the proxy), which is
    stricter, never looser.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    aantal = settings.PROXY_AANTAL
    if aantal <= 0 or not _van_eigen_proxy(remote_addr):
        return remote_addr
    adressen = [deel.strip() for deel in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(adressen) < aantal:
        return remote_addr
    try:
        return str(ipaddress.ip_address(adressen[-aantal]))
    except ValueError:
        return remote_addr


def _van_eigen_proxy(remote_addr: str) -> bool:
    if not remote_addr:
        return "unix" in settings.PROXY_ADRESSEN
    try:
        adres = ipaddress.ip_address(remote_addr)
    except ValueError:
        return False
    return any(
        net != "unix" and adres.version == net.version and adres in net
        for net in settings.PROXY_ADRESSEN
    )


def _sleutel(request, scope: str) -> str:
    ip = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{ip}"


def tel(request, scope: str, *, period: int) -> int:
    """Count one more for this IP in ``scope``; the window starts at the first count."""
    key = _sleutel(request, scope)
    cache.add(key, 0, timeout=period)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        return 1


def te_vaak(request, scope: str, *, limit: int, period: int) -> bool:
    """Count this request; True when this IP has made more than ``limit`` in ``period`` s."""
    return tel(request, scope, period=period) > limit


def beperk_wachtwoordherstel(view):
    """Allow at most WACHTWOORDHERSTEL_POGINGEN POSTs per IP per WACHTWOORDHERSTEL_MINUTEN."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        minuten = settings.WACHTWOORDHERSTEL_MINUTEN
        if request.method == "POST" and te_vaak(
            request,
            "wachtwoordherstel",
            limit=settings.WACHTWOORDHERSTEL_POGINGEN,
            period=minuten * 60,
        ):
            response = render(request, "te_vaak.html", {"minuten": minuten}, status=429)
            response["Retry-After"] = str(minuten * 60)
            return response
        return view(request, *args, **kwargs)

    return wrapper


INLOG_SCOPE = "inlog-per-adres"


class InlogPerAdresBackend:
    """First in AUTHENTICATION_BACKENDS: after INLOG_POGINGEN_PER_ADRES failed logins from
    one address (over any accounts) within INLOG_ADRES_MINUTEN, every login from there is
    refused until the window ends, the right password too. django-axes' middleware then
    answers with our lockout page (``axes_locked_out``); the login form and the admin
    login both go through ``authenticate()``, so both are covered. It has no ``get_user``:
    it never logs anyone in, and Django's test client must not pick it for force_login."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        if (cache.get(_sleutel(request, INLOG_SCOPE)) or 0) >= settings.INLOG_POGINGEN_PER_ADRES:
            request.axes_locked_out = True
            request.inlog_adres_geblokkeerd = True
            raise PermissionDenied("Te veel mislukte inlogpogingen vanaf dit adres.")
        return None


@receiver(user_login_failed, dispatch_uid="zelfscan-inlog-per-adres")
def _tel_mislukte_inlog(sender, credentials, request=None, **kwargs):
    if request is not None:
        tel(request, INLOG_SCOPE, period=settings.INLOG_ADRES_MINUTEN * 60)
