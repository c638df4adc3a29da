"""Permissions-Policy: the zelfscan needs no camera, microphone, location or the like."""

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
