"""The showcase model: one page per member that sells, their products, and
what the public does with them.

`ShowcaseIndexPage` is `/etalase/`, the public directory; each member's
`ShowcasePage` is its child at `/etalase/<member-slug>/`, owned by the
member through Wagtail's own `Page.owner` (the field `courses.stages` and
the community directory already ask about). Members edit their page and
products through the front-end forms under `/etalase/kelola/` (routes on
the index page); editors see everything in the Wagtail admin.

Products and photos are plain models rather than page children or inline
panels: the owner changes them many times a day from a phone, and they must
not be rolled back when an editor later publishes an older page revision.
Rules live in `actions.py`; the public page contexts in `views.py`.
"""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from pusat.accounts.models import BusinessCategory
from pusat.admin_forms import SafeAdminPageForm
from pusat.pagecache import CachedViewRestrictionsMixin

# Above this a price is a typing mistake, not a village product.
PRICE_MAX = 1_000_000_000
WEIGHT_MAX_GRAMS = 100_000
# Paths under /etalase/ that belong to the index page's own routes.
RESERVED_SLUGS = {"kelola", "cari", "halaman"}


class ShowcaseIndexPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """`/etalase/`: the directory of published showcases, and the member's
    own management pages under `kelola/` (see `views.py`)."""

    base_form_class = SafeAdminPageForm  # a damaged post is refused, not a 500

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["showcase.ShowcasePage"]
    max_count = 1

    class Meta:
        verbose_name = _("showcase directory")

    @path("")
    def directory_route(self, request):
        from . import views

        return views.directory(request, self)

    @path("kelola/")
    def manage_route(self, request):
        from . import owner_views

        return owner_views.manage(request, self)

    @path("kelola/produk/baru/")
    def product_add_route(self, request):
        from . import owner_views

        return owner_views.product_form(request, self, None)

    @path("kelola/produk/<int:product_id>/")
    def product_edit_route(self, request, product_id):
        from . import owner_views

        return owner_views.product_form(request, self, product_id)

    @path("kelola/produk/<int:product_id>/hapus/")
    def product_delete_route(self, request, product_id):
        from . import owner_views

        return owner_views.product_delete(request, self, product_id)

    @path("kelola/produk/<int:product_id>/geser/")
    def product_move_route(self, request, product_id):
        from . import owner_views

        return owner_views.product_move(request, self, product_id)


class ShowcaseQuerySet(PageQuerySet):
    def published(self):
        return self.live().public()

    def with_speciality(self):
        """Showcases with at least one village-speciality product."""
        return self.filter(
            Exists(Product.objects.filter(showcase=OuterRef("pk"), village_speciality=True))
        )


ShowcaseManager = PageManager.from_queryset(ShowcaseQuerySet)


class ShowcasePage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """A member's showcase. The page title is the business name."""

    base_form_class = SafeAdminPageForm  # a damaged post is refused, not a 500

    story = models.TextField(_("short story"), max_length=1500, blank=True)
    category = models.CharField(
        _("category"), max_length=20, choices=BusinessCategory.choices, blank=True
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt = models.CharField(_("cover photo description"), max_length=200, blank=True)
    regency = models.CharField(_("regency / city"), max_length=80, blank=True)
    district = models.CharField(_("district (kecamatan)"), max_length=80, blank=True)
    village = models.CharField(_("village (desa)"), max_length=80, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=120, blank=True)
    whatsapp = models.CharField(
        _("WhatsApp number"),
        max_length=20,
        blank=True,
        help_text=_("Stored in international form, e.g. +6281234567890."),
    )
    tokopedia_url = models.URLField(_("Tokopedia store"), max_length=300, blank=True)
    shopee_url = models.URLField(_("Shopee store"), max_length=300, blank=True)
    bukalapak_url = models.URLField(_("Bukalapak store"), max_length=300, blank=True)
    other_store_url = models.URLField(_("other online store"), max_length=300, blank=True)
    instagram_url = models.URLField(_("Instagram"), max_length=300, blank=True)
    facebook_url = models.URLField(_("Facebook"), max_length=300, blank=True)
    tiktok_url = models.URLField(_("TikTok"), max_length=300, blank=True)
    blog_url = models.URLField(_("blog or website"), max_length=300, blank=True)
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Shown on the home page and at the top of the directory."),
    )
    unpublished_reason = models.TextField(
        _("reason for unpublishing"),
        blank=True,
        max_length=1000,
        help_text=_("Shown to the owner while the showcase is unpublished."),
    )

    objects = ShowcaseManager()

    content_panels = Page.content_panels + [
        FieldPanel("owner"),
        FieldPanel("story"),
        FieldPanel("category"),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("cover"), FieldPanel("cover_alt")],
            heading=_("Pictures"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("regency"),
                FieldPanel("district"),
                FieldPanel("village"),
                FieldPanel("opening_hours"),
                FieldPanel("whatsapp"),
            ],
            heading=_("Where and when"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("tokopedia_url"),
                FieldPanel("shopee_url"),
                FieldPanel("bukalapak_url"),
                FieldPanel("other_store_url"),
                FieldPanel("instagram_url"),
                FieldPanel("facebook_url"),
                FieldPanel("tiktok_url"),
                FieldPanel("blog_url"),
            ],
            heading=_("Stores and social accounts"),
        ),
        MultiFieldPanel(
            [FieldPanel("featured"), FieldPanel("unpublished_reason")],
            heading=_("Editors"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("story"),
        index.FilterField("regency"),
        index.FilterField("district"),
        index.FilterField("category"),
    ]
    parent_page_types = ["showcase.ShowcaseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("showcase")
        verbose_name_plural = _("showcases")

    @path("")
    def showcase_route(self, request):
        from . import views

        return views.showcase(request, self)

    @path("produk/<slug:product_slug>/")
    def product_route(self, request, product_slug):
        from . import views

        return views.product(request, self, product_slug)

    @path("wa/")
    def whatsapp_route(self, request):
        from . import views

        return views.whatsapp(request, self)

    @path("qr/")
    def qr_route(self, request):
        from . import views

        return views.qr_print(request, self)

    @path("qr/svg/")
    def qr_svg_route(self, request):
        from . import views

        return views.qr_image(request, self, "svg")

    @path("qr/png/")
    def qr_png_route(self, request):
        from . import views

        return views.qr_image(request, self, "png")

    @path("pesan/")
    def enquiry_route(self, request):
        from . import views

        return views.enquiry(request, self)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base:
            for slug, added in self.products.values_list("slug", "created_at"):
                urls.append({"location": f"{base}produk/{slug}/", "lastmod": added})
        return urls

    def store_links(self):
        """(label, URL) for each marketplace store the member gave."""
        pairs = [
            ("Tokopedia", self.tokopedia_url),
            ("Shopee", self.shopee_url),
            ("Bukalapak", self.bukalapak_url),
            (_("Online store"), self.other_store_url),
        ]
        return [(label, url) for label, url in pairs if url]

    def social_links(self):
        pairs = [
            ("Instagram", self.instagram_url),
            ("Facebook", self.facebook_url),
            ("TikTok", self.tiktok_url),
            (_("Blog"), self.blog_url),
        ]
        return [(label, url) for label, url in pairs if url]

    def region_text(self):
        return ", ".join(part for part in (self.village, self.district, self.regency) if part)


class ProductQuerySet(models.QuerySet):
    def published(self):
        return self.filter(showcase__live=True, showcase__view_restrictions__isnull=True)

    def with_photos(self):
        return self.prefetch_related(
            models.Prefetch(
                "photos",
                queryset=ProductPhoto.objects.select_related("image").prefetch_related(
                    "image__renditions"
                ),
            )
        )


class Product(models.Model):
    """One product on a showcase; `sort_order` is the owner's order."""

    class Stock(models.TextChoices):
        AVAILABLE = "tersedia", _("Available")
        PRE_ORDER = "pre-order", _("Pre-order")
        SOLD_OUT = "habis", _("Sold out")

    showcase = models.ForeignKey(ShowcasePage, on_delete=models.CASCADE, related_name="products")
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, allow_unicode=False)
    description = models.TextField(_("description"), max_length=3000, blank=True)
    price = models.PositiveIntegerField(
        _("price (Rp)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(PRICE_MAX)],
        help_text=_("In whole rupiah, e.g. 25000."),
    )
    price_max = models.PositiveIntegerField(
        _("highest price (Rp)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(PRICE_MAX)],
        help_text=_("Only for a price range, e.g. sizes or motifs that cost more."),
    )
    negotiable = models.BooleanField(_("price negotiable"), default=False)
    weight_grams = models.PositiveIntegerField(
        _("weight (grams)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(WEIGHT_MAX_GRAMS)],
        help_text=_("Packed weight, for shipping costs."),
    )
    stock = models.CharField(
        _("stock"), max_length=10, choices=Stock.choices, default=Stock.AVAILABLE
    )
    category = models.CharField(
        _("category"), max_length=20, choices=BusinessCategory.choices, blank=True
    )
    village_speciality = models.BooleanField(
        _("village speciality"),
        default=False,
        help_text=_("A product the village is known for (One Village One Product)."),
    )
    marketplace_url = models.URLField(_("marketplace link"), max_length=300, blank=True)
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown in the directory's highlights.")
    )
    sort_order = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("date added"), default=timezone.now)

    objects = ProductQuerySet.as_manager()

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["showcase", "slug"], name="showcase_product_slug"),
            models.CheckConstraint(
                condition=Q(price_max__isnull=True) | Q(price__lte=models.F("price_max")),
                name="showcase_product_price_range",
            ),
        ]
        # The directory's highlights read the few featured products among many.
        indexes = [
            models.Index(
                fields=["sort_order"], condition=Q(featured=True), name="showcase_product_featured"
            )
        ]

    def __str__(self):
        return self.name

    def get_url(self):
        return f"{self.showcase.url}produk/{self.slug}/"

    def cover_photo(self):
        photos = list(self.photos.all())
        return photos[0] if photos else None


class ProductPhoto(models.Model):
    """A product photo; the first one (lowest `sort_order`) is the cover."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt = models.CharField(
        _("photo description"),
        max_length=200,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("product photo")
        verbose_name_plural = _("product photos")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.alt


class Enquiry(models.Model):
    """A buyer's question, emailed to the owner and kept for them."""

    showcase = models.ForeignKey(ShowcasePage, on_delete=models.CASCADE, related_name="enquiries")
    product = models.ForeignKey(
        Product, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("your name"), max_length=120)
    contact = models.CharField(_("email or WhatsApp number"), max_length=150)
    message = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name}: {self.message[:40]}"


def week_of(moment=None):
    """The Monday of the ISO week of `moment` (local date)."""
    day = timezone.localdate(moment) if moment else timezone.localdate()
    return day - datetime.timedelta(days=day.weekday())


class WeeklyCount(models.Model):
    """Views and WhatsApp taps per showcase (and product) per ISO week.

    Only the count is kept: no address, no account, no cookie, so nothing
    here says who looked.
    """

    class Kind(models.TextChoices):
        VIEW = "view", _("Views")
        WHATSAPP = "whatsapp", _("WhatsApp taps")

    showcase = models.ForeignKey(ShowcasePage, on_delete=models.CASCADE, related_name="+")
    product = models.ForeignKey(
        Product, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    week = models.DateField(_("week starting"))
    kind = models.CharField(max_length=10, choices=Kind.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("weekly count")
        constraints = [
            models.UniqueConstraint(
                fields=["showcase", "product", "week", "kind"],
                name="showcase_count_product_week",
            ),
            # NULLs are distinct in a unique index: the page-level row needs its own.
            models.UniqueConstraint(
                fields=["showcase", "week", "kind"],
                condition=Q(product__isnull=True),
                name="showcase_count_page_week",
            ),
        ]

    def __str__(self):
        return f"{self.showcase_id}/{self.product_id or '-'} {self.week} {self.kind}: {self.count}"


def manage_url():
    """`/etalase/kelola/`, wherever the index page lives."""
    return reverse("showcase:index") + "kelola/"
