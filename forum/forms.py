"""Forms of the forum pages. They check shape only; the rules (who, where,
how much) are in `actions.py`, which refuses with a message of its own."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import actions
from .models import Category, ForumProfile, Reaction, Thread


def _interpolate(message, values):
    return str(message) % values


_lazy_interpolate = lazy(_interpolate, str)


def interpolated(message, **values):
    """`message % values`, translated when shown: the form classes are built
    at import, in whatever language was active then."""
    return _lazy_interpolate(message, values)


BODY_HELP = _(
    "Simple formatting: **bold**, _italic_, > quote, - list, [text](https://link). "
    "Write @name to call someone."
)


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ImagesField(forms.FileField):
    """Up to a few photos in one input; each is checked by `actions.check_images`."""

    widget = MultipleImageInput(attrs={"accept": "image/jpeg,image/png,image/webp"})

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, (list, tuple)) else [data]
        return [file for file in files if file]


def body_field():
    return forms.CharField(
        label=_("Message"),
        max_length=actions.BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=BODY_HELP,
        error_messages={"required": _("Write your message first.")},
    )


def images_field():
    return ImagesField(
        label=_("Photos (optional)"),
        required=False,
        help_text=interpolated(
            _("Up to %(n)s photos: JPG, PNG or WebP, at most 5 MB each."),
            n=actions.setting("MAX_ATTACHMENTS"),
        ),
    )


class ThreadForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=actions.TITLE_MAX,
        error_messages={
            "required": interpolated(
                _("Write a title of at least %(n)s characters."), n=actions.TITLE_MIN
            )
        },
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=Thread.Kind.choices,
        initial=Thread.Kind.QUESTION,
        widget=forms.RadioSelect,
    )
    body = body_field()
    images = images_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].max_length = None  # the action gives the friendlier message


class ReplyForm(forms.Form):
    body = body_field()
    images = images_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].max_length = None


class EditForm(forms.Form):
    body = body_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].max_length = None


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this message?"),
        max_length=actions.REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a short reason.")},
    )


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=actions.REASON_MAX, required=False)


class MoveForm(forms.Form):
    category = forms.ModelChoiceField(label=_("Move to"), queryset=Category.objects.none())
    reason = forms.CharField(label=_("Reason"), max_length=actions.REASON_MAX, required=False)

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories


def _days_label(days):
    return ngettext("%(n)s day", "%(n)s days", days) % {"n": days}


# Lazy, like `interpolated`: each label follows the language of the request.
days_label = lazy(_days_label, str)


class SuspendForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("For how long"),
        coerce=int,
        choices=[(days, days_label(days)) for days in actions.SUSPENSION_DAYS],
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=actions.REASON_MAX,
        error_messages={"required": _("Write a short reason.")},
    )


class ResolveForm(forms.Form):
    decision = forms.ChoiceField(choices=[("hide", "hide"), ("dismiss", "dismiss")])
    reason = forms.CharField(max_length=actions.REASON_MAX, required=False)


class PreferencesForm(forms.Form):
    email_frequency = forms.ChoiceField(
        label=_("Forum news by email"),
        choices=ForumProfile.EmailFrequency.choices,
        widget=forms.RadioSelect,
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the forum"), max_length=100, required=False)
