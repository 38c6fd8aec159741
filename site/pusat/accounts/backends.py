"""Sign in with an email address or a WhatsApp number."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError

from .phone import looks_like_phone, normalise_phone


def canonical_identifier(identifier):
    """The form an identifier is stored in: lower-case email or E.164 phone.

    Returns the text unchanged (trimmed) when it is neither, so a typo still
    counts as one attempt for the rate limit.
    """
    text = (identifier or "").strip()
    if looks_like_phone(text):
        try:
            return normalise_phone(text)
        except ValidationError:
            return text
    return text.lower()


def axes_username(request, credentials):
    """django-axes counts failures per canonical identifier, so `0812…` and
    `+62812…` are one account for the lockout."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username")
    return canonical_identifier(username)


class EmailOrPhoneBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        User = get_user_model()
        identifier = canonical_identifier(username)
        field = "email__iexact" if "@" in identifier else "phone"
        try:
            user = User.objects.get(**{field: identifier})
        except User.DoesNotExist:
            # Run the hasher anyway so timing does not reveal who has an account.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
