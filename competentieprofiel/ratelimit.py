"""A small rate limit on POSTs, counted per client IP address in Django's cache.

Used on the password reset form so nobody can flood a mailbox or probe addresses:

    path("accounts/password_reset/", beperk_wachtwoordherstel(PasswordResetView.as_view()), ...)

The counter lives in the ``default`` cache. With the default in-memory cache every server
process counts on its own, so the real limit is the setting times the number of processes.
"""

import hashlib
import ipaddress
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def client_ip(request) -> str:
    """The visitor's IP address, for this rate limit and for django-axes' lockout.

    Without a proxy (PROXY_AANTAL 0) that is REMOTE_ADDR. Behind PROXY_AANTAL proxies of
    our own, REMOTE_ADDR is the nearest proxy, and each proxy appends the address it got
    the request from to X-Forwarded-For: the visitor is the entry PROXY_AANTAL from the
    right. Whatever stands further left came from the visitor and is never believed. A
    missing, short or malformed header falls back to REMOTE_ADDR (the proxy), which is
    stricter, never looser.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    aantal = settings.PROXY_AANTAL
    if aantal <= 0:
        return remote_addr
    adressen = [deel.strip() for deel in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(adressen) < aantal:
        return remote_addr
    try:
        return str(ipaddress.ip_address(adressen[-aantal]))
    except ValueError:
        return remote_addr


def te_vaak(request, scope: str, *, limit: int, period: int) -> bool:
    """Count this request; True when this IP has made more than ``limit`` in ``period`` s."""
    ip = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{ip}"
    # The window starts at the first request and lasts ``period`` seconds.
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    return count > limit


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
