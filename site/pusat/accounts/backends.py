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

    def get_all_permissions(self, user_obj, obj=None):
        # The account's own and its groups' permissions in one query (Django
        # makes two), cached: every page checks `wagtailadmin.access_admin`
        # for the user bar.
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                return super().get_all_permissions(user_obj, obj)
            from django.contrib.auth.models import Permission
            from django.db.models import Q

            from pusat import pagecache

            def compute():
                rows = (
                    Permission.objects.filter(Q(user=user_obj) | Q(group__user=user_obj))
                    .values_list("content_type__app_label", "codename")
                    .order_by()
                    .distinct()
                )
                return {f"{app}.{codename}" for app, codename in rows}

            # Kept in the cache until the next change anywhere (a group or
            # permission change included, through the m2m signals).
            user_obj._perm_cache = pagecache.cached("permissions", compute, user_obj.pk)
        return user_obj._perm_cache
