"""Small helpers shared by tests."""

import html

from django.utils import translation


def indonesian(msgid):
    """The Indonesian interface text for an English msgid.

    Fails if the string has no Indonesian translation, so a test that looks
    for this text on a page also proves the page speaks Indonesian.
    """
    with translation.override("id-id"):
        text = str(translation.gettext(msgid))
    assert text != msgid, f"No Indonesian translation for {msgid!r}"
    return text


def page_text(response):
    """The response body with HTML entities resolved, for plain-text checks."""
    return html.unescape(response.content.decode())
