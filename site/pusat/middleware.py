"""Per-visitor preferences that every page honours: language and text size."""

import time

from django.conf import settings
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers

TEXT_SIZES = ("normal", "besar")


def preferred_language(request):
    """The visitor's chosen language, else Indonesian.

    The browser's Accept-Language is deliberately ignored: many members'
    phones are set to English while they read Indonesian, and the centre's
    site should greet everyone in Indonesian until they choose otherwise.
    """
    user = getattr(request, "user", None)
    choices = dict(settings.LANGUAGES)
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie in choices:
        return cookie
    if user is not None and user.is_authenticated and user.language in choices:
        return user.language
    return settings.LANGUAGE_CODE


def preferred_text_size(request):
    cookie = request.COOKIES.get(settings.TEXT_SIZE_COOKIE_NAME)
    if cookie in TEXT_SIZES:
        return cookie
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.text_size in TEXT_SIZES:
        return user.text_size
    return "normal"


class PreferencesMiddleware:
    """Activate the chosen language and remember the chosen text size."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A view may show times on a community's clock (WITA, WIT); start every
        # request on the site's default zone again.
        timezone.deactivate()
        # Wagtail's admin picks its own language from the editor's profile.
        language = preferred_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        request.text_size = preferred_text_size(request)
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class SessionRefreshMiddleware:
    """End a session after a period without visits rather than at a fixed date.

    Django sets a session's expiry when the session is saved. Saving on every
    request would cost a database write per page, so an active session is
    saved, and its expiry moved forward, once per SESSION_REFRESH_SECONDS.
    """

    KEY = "_refreshed_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            if now - request.session.get(self.KEY, 0) >= settings.SESSION_REFRESH_SECONDS:
                request.session[self.KEY] = now
        return self.get_response(request)
