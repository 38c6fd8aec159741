"""The home page, general content pages and the centre's site-wide settings."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pusat.admin_forms import SafeAdminPageForm
from pusat.pagecache import CachedViewRestrictionsMixin

from .blocks import BaseStreamBlock, HomeStreamBlock


class HomePage(CachedViewRestrictionsMixin, Page):
    """The front door: a hero, highlights and text, all edited in the admin."""

    base_form_class = SafeAdminPageForm  # a damaged post is refused, not a 500

    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find the deepest page on the path in one query, then let it route
        the rest (its own sub-routes), instead of one query per level."""
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "".join(f"{part}/" for part in path_components[:length])
            for length in range(1, len(path_components) + 1)
        ]
        deepest = (
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path)
            .order_by("-depth")
            .first()
        )
        if deepest is None:
            return super().route(request, path_components)
        remaining = path_components[deepest.depth - self.depth :]
        return deepest.specific.route(request, remaining)


class StandardPage(CachedViewRestrictionsMixin, Page):
    """A general page such as "Tentang Kami" or "FAQ"."""

    base_form_class = SafeAdminPageForm  # a damaged post is refused, not a 500

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


whatsapp_validator = RegexValidator(
    r"^\+62\d{8,13}$",
    _("Write the number in international form, e.g. +6281234567890."),
)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The centre's name and contacts, shown in every page's header and footer."""

    centre_name = models.CharField(
        _("centre name"), max_length=120, default="Pusat Komunitas Kreatif"
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True, max_length=400)
    whatsapp = models.CharField(
        _("WhatsApp number"), max_length=20, blank=True, validators=[whatsapp_validator]
    )
    email = models.EmailField(_("email"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    youtube = models.URLField(_("YouTube"), blank=True)
    tiktok = models.URLField(_("TikTok"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    select_related = ["logo"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("centre_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("whatsapp"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("instagram"),
                FieldPanel("facebook"),
                FieldPanel("youtube"),
                FieldPanel("tiktok"),
            ],
            heading=_("Social media"),
        ),
    ]

    @classmethod
    def for_site(cls, site):
        # Every page shows these; keep them in the cache until the next change.
        from pusat import pagecache

        return pagecache.cached(
            "sitesettings", lambda: super(SiteSettings, cls).for_site(site), site.pk
        )

    class Meta:
        verbose_name = _("centre settings")

    @property
    def whatsapp_link(self):
        return f"https://wa.me/{self.whatsapp.lstrip('+')}" if self.whatsapp else ""

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in (
                ("Instagram", self.instagram),
                ("Facebook", self.facebook),
                ("YouTube", self.youtube),
                ("TikTok", self.tiktok),
            )
            if url
        ]
