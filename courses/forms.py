from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from .actions import EVIDENCE_IMAGE_MAX_BYTES
from .models import CompetencyIndicator, SurveyResponse

ALLOWED_IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def check_image(upload):
    """Accept JPEG, PNG or WebP up to the size limit, judged by content."""
    if upload.size > EVIDENCE_IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The image is %(size)s; the limit is %(limit)s. Send a smaller photo or screenshot.")
            % {
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(EVIDENCE_IMAGE_MAX_BYTES),
            },
            code="too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("This file is not a picture we can read. Send a JPG, PNG or WebP image."),
            code="not_image",
        ) from exc
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(
            _("This file is not a picture we can read. Send a JPG, PNG or WebP image."),
            code="not_image",
        )
    upload.seek(0)
    upload.name = f"bukti.{ALLOWED_IMAGE_FORMATS[image_format]}"
    return upload


class EvidenceForm(forms.Form):
    image = forms.FileField(label=_("Screenshot or photo"), required=False)
    link = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")
    text = forms.CharField(
        label=_("Your answer"), required=False, max_length=2000, widget=forms.Textarea
    )

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        kind = indicator.evidence_kind
        keep = {
            CompetencyIndicator.EvidenceKind.IMAGE: "image",
            CompetencyIndicator.EvidenceKind.LINK: "link",
            CompetencyIndicator.EvidenceKind.TEXT: "text",
        }[kind]
        for name in list(self.fields):
            if name != keep:
                del self.fields[name]
        field = self.fields[keep]
        field.required = True
        field.help_text = indicator.evidence_hint
        if keep == "image":
            field.widget.attrs["accept"] = "image/jpeg,image/png,image/webp"
            field.help_text = _("%(hint)s JPG, PNG or WebP, at most %(limit)s.") % {
                "hint": indicator.evidence_hint,
                "limit": filesizeformat(EVIDENCE_IMAGE_MAX_BYTES),
            }

    def clean_image(self):
        return check_image(self.cleaned_data["image"])


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("return", _("Return for improvement"))]
    )
    feedback = forms.CharField(
        label=_("Feedback for the member"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def likert_field(label):
    return forms.TypedChoiceField(
        label=label,
        choices=SurveyResponse.LIKERT,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 = strongly disagree, 5 = strongly agree"),
    )


class SurveyForm(forms.ModelForm):
    clarity_material = likert_field(_("The material was clear"))
    clarity_examples = likert_field(_("The examples were clear"))
    usefulness = likert_field(_("The course is useful for my business"))
    pace = likert_field(_("The pace suited me"))

    class Meta:
        model = SurveyResponse
        fields = ["clarity_material", "clarity_examples", "usefulness", "pace", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 3})}
