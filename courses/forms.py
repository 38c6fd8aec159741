from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from pusat.uploads import IMAGE_FORMATS, image_format

from .actions import EVIDENCE_IMAGE_MAX_BYTES
from .models import CompetencyIndicator, SurveyResponse


def check_image(upload):
    """Accept JPEG, PNG or WebP up to the size limit, judged by content."""
    found = image_format(upload, max_bytes=EVIDENCE_IMAGE_MAX_BYTES)
    upload.name = f"bukti.{IMAGE_FORMATS[found][0]}"
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
