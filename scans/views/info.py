"""Pages anyone may read: privacy and the accessibility statement."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render


def privacy(request):
    return render(request, "scans/privacy.html")


def toegankelijkheid(request):
    """The accessibility statement, with the hosting institution's contact if configured."""
    return render(
        request,
        "toegankelijkheid.html",
        {"contact_email": settings.ZELFSCAN_CONTACT_EMAIL},
    )
