"""The base forms of the project's page types and snippets in the Wagtail admin.

The admin's JavaScript posts a StreamField as counted, numbered fields
(`body-count`, `body-0-type`, …), a rich text field as Draftail JSON and an
image chooser as an id. Wagtail reads these without checking them, so a post
that is cut short (a dropped connection on a phone) or altered was a 500: a
missing count, a count that is no number, text that is not JSON, an image
"id" that is no number (also in a snippet's page chooser). Found by the
admin form fuzzing
(tests/site/test_fuzz_admin_forms.py).

Here such a field is refused with a message instead, and the form is shown
again with the field's saved value, so nothing is lost and nothing is saved.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

UNREADABLE = _(
    "This field arrived incomplete or damaged, so it is shown as last saved. "
    "Please reload the page and make the change again."
)


def _is_id(value):
    return isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 18


class UnreadableFieldsRefused:
    """Guards the fields of the form and of its inline panels' forms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unreadable = set()
        _guard(self, self.unreadable)
        for formset in getattr(self, "formsets", {}).values():
            if formset.is_bound:
                _repair_row_ids(self, formset)
            for child in formset.forms:
                _guard(child, self.unreadable)

    def clean(self):
        cleaned_data = super().clean()
        for form, name in self.unreadable:
            if form is self:
                self.add_error(name, UNREADABLE)
            else:
                self.add_error(None, UNREADABLE)
        return cleaned_data


def _repair_row_ids(form, formset):
    """A row's id is read while the rows are built, before any field is
    cleaned: a missing id or one that is no number is put back (or emptied
    for a new row) and the form is refused."""
    data = formset.data.copy()
    # INITIAL_FORMS is posted too: "-1" must not become a negative slice.
    existing = list(formset.get_queryset()[: max(0, formset.initial_form_count())])
    name = formset.model._meta.pk.name
    for index in range(formset.total_form_count()):
        key = f"{formset.prefix}-{index}-{name}"
        value = data.get(key)
        if index < len(existing):
            if value is None or not _is_id(value):
                data[key] = str(existing[index].pk)
                form.unreadable.add((formset, key))
        elif value not in (None, "") and not _is_id(value):
            data[key] = ""
            form.unreadable.add((formset, key))
    formset.data = data


def _guard(form, unreadable):
    # Each form has its own copies of its fields and widgets.
    for name, field in form.fields.items():
        field.widget.value_from_datadict = _guarded(form, name, field, unreadable)


def _guarded(form, name, field, unreadable):
    read = field.widget.value_from_datadict
    chooser = isinstance(field, forms.ModelChoiceField) and not isinstance(
        field, forms.ModelMultipleChoiceField
    )

    def value_from_datadict(data, files, prefix):
        try:
            value = read(data, files, prefix)
        except (KeyError, ValueError, TypeError, AttributeError):
            # ValueError covers int("") and json's JSONDecodeError.
            pass
        else:
            if not chooser or value in (None, "") or _is_id(value):
                return value
        unreadable.add((form, name))
        return form.get_initial_for_field(field, name)

    return value_from_datadict


class SafeAdminPageForm(UnreadableFieldsRefused, WagtailAdminPageForm):
    pass


class SafeAdminModelForm(UnreadableFieldsRefused, WagtailAdminModelForm):
    pass
