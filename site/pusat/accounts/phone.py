"""Indonesian phone numbers, normalised to E.164 with the `phonenumbers` library."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def normalise_phone(raw):
    """Return `raw` as E.164 (`+62812…`), or raise ValidationError.

    Accepts the forms people actually type: `0812-3456-7890`, `62812…`,
    `+62 812 …`. Only mobile numbers are accepted, because the number is used
    for WhatsApp.
    """
    text = (raw or "").strip()
    if text.startswith("62"):
        text = "+" + text
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("Enter a valid Indonesian mobile number, for example 0812-3456-7890."),
            code="invalid_phone",
        ) from exc
    if not phonenumbers.is_valid_number(number) or phonenumbers.number_type(number) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise ValidationError(
            _("Enter a valid Indonesian mobile number, for example 0812-3456-7890."),
            code="invalid_phone",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def looks_like_phone(text):
    """True when a sign-in identifier is a phone number rather than an email."""
    return "@" not in (text or "")


def display_phone(e164):
    """`+6281234567890` as Indonesians write it: `0812-3456-7890`."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, "ID")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
