"""Blocks for lessons and for the pre-/post-tests.

Lessons are written for a beginner on a cheap phone: images come as
phone-sized renditions with required alt text, videos show a light link
until tapped, steps are numbered with a screenshot each.

A test is a StreamField of questions; each block's stable id is what an
attempt stores, so editors can reorder questions without breaking history.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from pusat.home.blocks import ImageBlock

YOUTUBE_ID = re.compile(
    r"(?:youtube\.com/(?:watch\?v=|embed/|shorts/)|youtu\.be/)([A-Za-z0-9_-]{11})"
)


class VideoBlock(blocks.StructBlock):
    """A video that costs nothing until the member taps it."""

    url = blocks.URLBlock(
        label=_("YouTube address"),
        help_text=_("e.g. https://www.youtube.com/watch?v=…"),
    )
    title = blocks.CharBlock(label=_("title"), max_length=150)
    thumbnail = ImageChooserBlock(label=_("thumbnail"), required=False)
    minutes = blocks.IntegerBlock(label=_("length (minutes)"), required=False, min_value=1)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"
        description = _("A YouTube video shown as a light link; the player loads only when tapped.")

    def clean(self, value):
        value = super().clean(value)
        if not YOUTUBE_ID.search(value["url"]):
            raise StructBlockValidationError(
                {"url": ValidationError(_("Use a YouTube video address."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        match = YOUTUBE_ID.search(value["url"])
        context["video_id"] = match.group(1) if match else ""
        return context


class StepBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("what to do"), features=["bold", "italic", "link"])
    screenshot = ImageChooserBlock(label=_("screenshot"), required=False)
    screenshot_alt = blocks.CharBlock(
        label=_("screenshot description"), required=False, max_length=200
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")

    def clean(self, value):
        value = super().clean(value)
        if value.get("screenshot") and not value.get("screenshot_alt"):
            raise StructBlockValidationError(
                {"screenshot_alt": ValidationError(_("Describe the screenshot."))}
            )
        return value


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=150, required=False)
    steps = blocks.ListBlock(StepBlock(), label=_("steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Step-by-step instructions")
        template = "blocks/steps_block.html"
        description = _("Numbered steps, each with an optional screenshot.")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"), choices=[("tip", _("Tip")), ("warning", _("Warning"))], default="tip"
    )
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        label = _("Tip or warning")
        template = "blocks/callout_block.html"
        description = _("A highlighted tip or warning.")


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), max_length=150)

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "blocks/download_block.html"
        description = _("A document the member can download, e.g. a checklist.")


class TaskBlock(blocks.StructBlock):
    """A practical task that produces evidence for one competency indicator."""

    title = blocks.CharBlock(label=_("title"), max_length=150)
    instructions = blocks.RichTextBlock(
        label=_("instructions"), features=["bold", "italic", "link", "ol", "ul"]
    )
    indicator = blocks.CharBlock(
        label=_("indicator code"),
        max_length=40,
        help_text=_("The code of one of this course's competency indicators."),
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Practical task")
        template = "blocks/task_block.html"
        description = _("Something to do for real, submitted as evidence for an indicator.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        indicators = (parent_context or {}).get("indicators") or {}
        context["indicator"] = indicators.get(value["indicator"])
        return context


class LessonStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        template="blocks/text_block.html",
    )
    image = ImageBlock()
    video = VideoBlock()
    steps = StepsBlock()
    callout = CalloutBlock()
    download = DownloadBlock()
    task = TaskBlock()


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("correct"), required=False)

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class MultipleChoiceBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=500)
    choices = blocks.ListBlock(ChoiceBlock(), label=_("answers"), min_num=2, max_num=6)
    explanation = blocks.TextBlock(label=_("explanation"), max_length=1000)
    indicator = blocks.CharBlock(label=_("indicator code"), max_length=40, required=False)

    class Meta:
        icon = "list-ul"
        label = _("Multiple-choice question")

    def clean(self, value):
        value = super().clean(value)
        correct = [choice for choice in value["choices"] if choice["correct"]]
        if len(correct) != 1:
            raise StructBlockValidationError(
                {"choices": ValidationError(_("Mark exactly one answer as correct."))}
            )
        return value


class TrueFalseBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("statement"), max_length=500)
    is_true = blocks.BooleanBlock(label=_("the statement is true"), required=False)
    explanation = blocks.TextBlock(label=_("explanation"), max_length=1000)
    indicator = blocks.CharBlock(label=_("indicator code"), max_length=40, required=False)

    class Meta:
        icon = "tick"
        label = _("True/false question")


class QuizStreamBlock(blocks.StreamBlock):
    multiple_choice = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
