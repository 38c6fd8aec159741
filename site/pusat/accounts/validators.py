"""Password rules Django does not ship: an upper bound on length."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MaximumLengthValidator:
    """Refuse passwords longer than `max_length` characters (128 by default).

    Long passphrases are welcome; the bound only keeps hashing cheap and
    matches what the forms accept. No composition rules are added here or
    anywhere else (OWASP ASVS 2.1.9).
    """

    def __init__(self, max_length=128):
        self.max_length = max_length

    def validate(self, password, user=None):
        if len(password) > self.max_length:
            raise ValidationError(
                ngettext(
                    "This password is too long: it may have at most %(max_length)d character "
                    "(it has %(length)d).",
                    "This password is too long: it may have at most %(max_length)d characters "
                    "(it has %(length)d).",
                    self.max_length,
                ),
                code="password_too_long",
                params={"max_length": self.max_length, "length": len(password)},
            )

    def get_help_text(self):
        return _(
            "Your password may be up to %(max_length)d characters long. A passphrase of "
            "several words with spaces is welcome; no special characters are required."
        ) % {"max_length": self.max_length}
