"""Permissions-Policy: the zelfscan needs no camera, microphone, location or the like."""

import time

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` denying every feature in ``settings.PERMISSIONS_POLICY``."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class NederlandsTenzijGekozenMiddleware:
    """Dutch first: the interface is Dutch unless the person chose another language with
    the language switcher (a cookie). The browser's Accept-Language is not used, so a
    colleague's English browser still gets the Dutch product unless they switch."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class SessieVerversenMiddleware:
    """Move a session's idle expiry forward without writing it on every request.

    Django either writes the session on every request (SESSION_SAVE_EVERY_REQUEST: on SQLite
    every page view then takes the write lock) or only when it changed, and then the expiry
    counts from the last change instead of the last activity. This keeps the time of the
    last write in the session itself and writes again once that is more than
    SESSIE_VERVERSEN_SECONDEN ago, so a session ends between SESSION_COOKIE_AGE minus that
    margin and SESSION_COOKIE_AGE after the last request. Empty sessions (an anonymous
    visitor) are never written. Must come right after SessionMiddleware.
    """

    SLEUTEL = "_ververst"

    def __init__(self, get_response):
        self.get_response = get_response
        self.marge = settings.SESSIE_VERVERSEN_SECONDEN

    def __call__(self, request):
        response = self.get_response(request)
        sessie = getattr(request, "session", None)
        if sessie is None or not sessie.session_key and not sessie.modified:
            return response
        if not any(sleutel != self.SLEUTEL for sleutel in sessie.keys()):
            return response  # empty (also just after logout's flush): nothing to keep alive
        nu = int(time.time())
        if sessie.modified or nu - sessie.get(self.SLEUTEL, 0) >= self.marge:
            sessie[self.SLEUTEL] = nu
        return response
