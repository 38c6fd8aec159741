"""A member's personal data, gathered for them (UU PDP, Law 27/2022, art. 7–8).

`personal_data(user)` walks every relation that points at the account, in
every installed app, so a new model that stores something about a person is
included without anyone remembering to add it here. Only what would hand
over secrets or other people's sessions is left out, by name below.
"""

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

# Secrets and machinery, not data about the person: session contents carry
# authentication hashes, API tokens are credentials, editing sessions and
# form states are the admin's scratch space.
EXCLUDED_MODELS = {
    "qsessions.Session",
    "wagtailcore.APIToken",
    "wagtailadmin.EditingSession",
    "wagtailadmin.FormState",
}
ACCOUNT_FIELDS_LEFT_OUT = {"password"}


class Encoder(DjangoJSONEncoder):
    """Dates as ISO 8601, files as their stored names, anything else as text."""

    def default(self, value):
        try:
            return super().default(value)
        except TypeError:
            return str(value)


def _relations_to_users():
    """Every (model, field name) whose field points at the user model."""
    User = get_user_model()
    found = []
    for relation in User._meta.get_fields(include_hidden=True):
        if not relation.auto_created or relation.concrete:
            continue
        model = relation.related_model
        if model._meta.auto_created:  # an M2M's own table; the M2M field is found instead
            continue
        found.append((model, relation.field.name))
    return sorted(found, key=lambda pair: (pair[0]._meta.label, pair[1]))


def _rows(model, field_name, user):
    field = model._meta.get_field(field_name)
    manager = model._base_manager
    if field.many_to_many:
        rows = manager.filter(**{field_name: user})
    else:
        rows = manager.filter(**{f"{field_name}_id": user.pk})
    return list(rows.order_by("pk"))


def personal_data(user):
    """A plain dict (JSON-ready with `Encoder`) of everything stored about `user`."""
    account = serializers.serialize("python", [user])[0]["fields"]
    for name in ACCOUNT_FIELDS_LEFT_OUT:
        account.pop(name, None)
    account["groups"] = list(user.groups.values_list("name", flat=True))
    account.pop("user_permissions", None)
    records = {}
    for model, field_name in _relations_to_users():
        label = model._meta.label
        if label in EXCLUDED_MODELS:
            continue
        rows = _rows(model, field_name, user)
        if not rows:
            continue
        serialised = [
            {"id": item["pk"], **item["fields"]} for item in serializers.serialize("python", rows)
        ]
        records.setdefault(label, {})[field_name] = serialised
    return {
        "exported_at": timezone.now(),
        "account": {"id": user.pk, **account},
        "records": records,
    }
