"""Blocks for the home page and general pages.

`BaseStreamBlock` is what any content page may use; the home page adds a
hero and a row of highlight cards on top of it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("button text"), max_length=40)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.CharBlock(
        label=_("or address"),
        required=False,
        max_length=300,
        help_text=_("Used when no page is chosen, e.g. /akun/daftar/."),
    )

    class Meta:
        icon = "link"
        label = _("Call to action")


class HeroBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"), max_length=400)
    image = ImageChooserBlock(label=_("image"), required=False)
    action = CallToActionBlock(label=_("call to action"), required=False)

    class Meta:
        icon = "title"
        label = _("Hero")
        template = "blocks/hero_block.html"
        description = _("The opening of the page: a title, a sentence and one button.")
        preview_value = {
            "title": "Belajar jualan online bersama",
            "text": "Kursus mandiri, komunitas, dan etalase produk untuk UMKM.",
            "action": {"label": "Daftar gratis", "url": "/akun/daftar/"},
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=200,
        help_text=_("Describe the picture for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("One image with required alternative text and an optional caption.")


class HighlightCardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=80)
    text = blocks.TextBlock(label=_("text"), max_length=300)
    link = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.CharBlock(label=_("or address"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Highlight card")


class HighlightRowBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    cards = blocks.ListBlock(HighlightCardBlock(), label=_("cards"), min_num=1, max_num=6)

    class Meta:
        icon = "grip"
        label = _("Row of highlight cards")
        template = "blocks/highlight_row_block.html"
        description = _("Up to six short cards side by side, one above the other on a phone.")


class BaseStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        icon="title",
        template="blocks/heading_block.html",
    )
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"],
        template="blocks/text_block.html",
    )
    image = ImageBlock()

    class Meta:
        block_counts = {}


class HomeStreamBlock(BaseStreamBlock):
    hero = HeroBlock()
    highlights = HighlightRowBlock()

    class Meta:
        # The hero's title is the page's only <h1>.
        block_counts = {"hero": {"max_num": 1}}
