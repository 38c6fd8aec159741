"""Public showcase views, reached through the pages' routes (models.py).

The directory (`/etalase/`), a showcase (`/etalase/<slug>/`), a product
(`…/produk/<slug>/`), the counted WhatsApp redirect (`…/wa/`), the QR code
(`…/qr/`, `qr.svg`, `qr.png`) and the buyer's enquiry (`…/pesan/`). Each
page fetches what it shows in a fixed number of queries.
"""

import io

import segno
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited
from wagtail.images import get_image_model

from community.models import Membership
from courses.models import Certificate
from courses.reports import stage_from
from pusat import pagecache
from pusat.accounts.models import BusinessCategory

from . import actions
from .forms import EnquiryForm
from .models import Product, ShowcasePage, WeeklyCount

DIRECTORY_PAGE_SIZE = 12
FEATURED_PRODUCTS = 6
ENQUIRY_RATE = "5/h"


def enquiry_rate(group, request):
    return getattr(settings, "SHOWCASE_ENQUIRY_RATE", ENQUIRY_RATE)


# --- Directory --------------------------------------------------------------


def directory_filters(request):
    params = request.GET
    categories = dict(BusinessCategory.choices)
    category = params.get("kategori", "")
    return {
        "q": params.get("q", "").strip()[:80],
        "category": category if category in categories else "",
        "regency": params.get("kabupaten", "").strip()[:80],
        "district": params.get("kecamatan", "").strip()[:80],
        "speciality": params.get("unggulan") == "1",
    }


def filtered_showcases(showcases, filters):
    if filters["q"]:
        q = filters["q"]
        showcases = showcases.filter(
            Q(title__icontains=q)
            | Exists(Product.objects.filter(showcase=OuterRef("pk"), name__icontains=q))
        )
    if filters["category"]:
        category = filters["category"]
        showcases = showcases.filter(
            Q(category=category)
            | Exists(Product.objects.filter(showcase=OuterRef("pk"), category=category))
        )
    if filters["regency"]:
        showcases = showcases.filter(regency__iexact=filters["regency"])
    if filters["district"]:
        showcases = showcases.filter(district__iexact=filters["district"])
    if filters["speciality"]:
        showcases = showcases.with_speciality()
    return showcases


def directory(request, index):
    filters = directory_filters(request)
    # public() reads the view restrictions once, when the query is built: the
    # listing and the region choices share that read.
    published = ShowcasePage.objects.published().child_of(index)
    showcases = (
        filtered_showcases(published, filters)
        .select_related("cover")
        .prefetch_related("cover__renditions")
        .order_by("-featured", "title")
    )
    paginator = Paginator(showcases, DIRECTORY_PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("halaman"))
    # Counted for the listed page only: a COUNT joined over every showcase's
    # products would grow with the whole directory.
    listed = list(page_obj.object_list)
    counts = dict(
        Product.objects.filter(showcase__in=listed)
        .order_by()
        .values_list("showcase_id")
        .annotate(n=Count("id"))
    )
    for item in listed:
        item.product_count = counts.get(item.pk, 0)
    regions = sorted(set(published.values_list("regency", "district").distinct()))
    filtering = any(filters.values())
    featured_products = []
    if not filtering and page_obj.number == 1:
        featured_products = list(
            Product.objects.published()
            .filter(featured=True)
            .select_related("showcase")
            .with_photos()
            .order_by("sort_order", "pk")[:FEATURED_PRODUCTS]
        )
    query = request.GET.copy()
    query.pop("halaman", None)
    return TemplateResponse(
        request,
        "showcase/showcase_index_page.html",
        {
            "page": index,
            "self": index,
            "filters": filters,
            "filtering": filtering,
            "page_obj": page_obj,
            "showcases": listed,
            "categories": BusinessCategory.choices,
            "regencies": sorted({regency for regency, _district in regions if regency}),
            "districts": sorted(
                {
                    district
                    for regency, district in regions
                    if district and (not filters["regency"] or regency == filters["regency"])
                }
            ),
            "featured_products": featured_products,
            "query_string": query.urlencode(),
        },
    )


# --- One showcase -----------------------------------------------------------


def page_images(showcase):
    """The logo and cover with their renditions, in one query (plus one)."""
    wanted = [pk for pk in (showcase.logo_id, showcase.cover_id) if pk]
    if not wanted:
        return None, None
    images = {
        image.pk: image
        for image in get_image_model().objects.filter(pk__in=wanted).prefetch_related("renditions")
    }
    return images.get(showcase.logo_id), images.get(showcase.cover_id)


def badges(showcase):
    """The owner's e-UMKM stage and certificates, shown as badges."""
    if not showcase.owner_id:
        return None, []
    certificates = list(
        Certificate.objects.filter(user_id=showcase.owner_id)
        .select_related("course")
        .order_by("issued_at")
    )
    done = {certificate.course.stage for certificate in certificates if certificate.course.stage}
    active = Membership.objects.active().filter(user_id=showcase.owner_id).exists()
    return stage_from(done, active and showcase.live), certificates


def is_owner(request, showcase):
    return request.user.is_authenticated and request.user.pk == showcase.owner_id


def count_visit(request, showcase, product=None, kind=WeeklyCount.Kind.VIEW):
    # The owner looking at their own page is not a visit.
    if request.method == "GET" and not is_owner(request, showcase):
        product_id = product.pk if product else None
        actions.count(showcase.pk, kind, product_id)
        # A visitor served this page from the cache is counted too.
        pagecache.on_hit(request, "showcase.actions.count", showcase.pk, str(kind), product_id)


def absolute(request, url):
    return request.build_absolute_uri(url)


def og_image(request, image):
    if image is None:
        return ""
    return absolute(request, image.get_rendition("fill-1200x630").url)


def business_ld(request, showcase, page_url, logo, cover, products):
    data = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "name": showcase.title,
        "url": page_url,
        "description": showcase.story,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": showcase.village or showcase.district,
            "addressRegion": showcase.regency,
            "addressCountry": "ID",
        },
    }
    if showcase.whatsapp:
        data["telephone"] = showcase.whatsapp
    if showcase.opening_hours:
        data["openingHours"] = showcase.opening_hours
    if cover is not None:
        data["image"] = og_image(request, cover)
    if logo is not None:
        data["logo"] = absolute(request, logo.get_rendition("fill-256x256").url)
    same_as = [url for _label, url in showcase.store_links() + showcase.social_links()]
    if same_as:
        data["sameAs"] = same_as
    if products:
        data["makesOffer"] = [
            {
                "@type": "Offer",
                "itemOffered": product_ld(request, showcase, product, page_url),
            }
            for product in products
        ]
    return data


AVAILABILITY = {
    Product.Stock.AVAILABLE: "https://schema.org/InStock",
    Product.Stock.PRE_ORDER: "https://schema.org/PreOrder",
    Product.Stock.SOLD_OUT: "https://schema.org/OutOfStock",
}


def product_ld(request, showcase, product, showcase_url):
    url = f"{showcase_url}produk/{product.slug}/"
    data = {
        "@type": "Product",
        "name": product.name,
        "url": url,
        "description": product.description,
        "brand": {"@type": "Brand", "name": showcase.title},
    }
    photos = list(product.photos.all())
    if photos:
        data["image"] = [
            absolute(request, photo.image.get_rendition("width-720").url) for photo in photos
        ]
    if product.price is not None:
        offer = {
            "@type": "Offer",
            "priceCurrency": "IDR",
            "availability": AVAILABILITY[product.stock],
            "url": url,
        }
        if product.price_max and product.price_max != product.price:
            offer["@type"] = "AggregateOffer"
            offer["lowPrice"] = product.price
            offer["highPrice"] = product.price_max
        else:
            offer["price"] = product.price
        data["offers"] = offer
    return data


def showcase_context(request, showcase):
    page_url = absolute(request, showcase.url)
    products = list(Product.objects.filter(showcase=showcase).with_photos())
    logo, cover = page_images(showcase)
    stage, certificates = badges(showcase)
    return {
        "page": showcase,
        "self": showcase,
        "products": products,
        "logo": logo,
        "cover": cover,
        "stage": stage,
        "certificates": certificates,
        "page_url": page_url,
        "is_owner": is_owner(request, showcase),
        "whatsapp_href": showcase.url + "wa/" if showcase.whatsapp else "",
    }


def showcase(request, page):
    context = showcase_context(request, page)
    count_visit(request, page)
    cover = context["cover"]
    if cover is None:
        cover = next(
            (
                product.cover_photo().image
                for product in context["products"]
                if product.cover_photo()
            ),
            None,
        )
    context.update(
        {
            "canonical": context["page_url"],
            "og_image": og_image(request, cover),
            "structured_data": business_ld(
                request,
                page,
                context["page_url"],
                context["logo"],
                context["cover"],
                context["products"],
            ),
            "enquiry_form": EnquiryForm(),
            "share_text": page.title,
        }
    )
    return TemplateResponse(request, "showcase/showcase_page.html", context)


def product(request, page, product_slug):
    item = Product.objects.filter(showcase=page, slug=product_slug).with_photos().first()
    if item is None:
        raise Http404
    count_visit(request, page, item)
    page_url = absolute(request, page.url)
    url = f"{page_url}produk/{item.slug}/"
    photos = list(item.photos.all())
    logo, _cover = page_images(page)
    ld = product_ld(request, page, item, page_url)
    ld["@context"] = "https://schema.org"
    return TemplateResponse(
        request,
        "showcase/product.html",
        {
            "page": page,
            "self": page,
            "product": item,
            "photos": photos,
            "logo": logo,
            "canonical": url,
            "page_url": url,
            "og_image": og_image(request, photos[0].image) if photos else "",
            "structured_data": ld,
            "whatsapp_href": f"{page.url}wa/?produk={item.slug}" if page.whatsapp else "",
            "enquiry_form": EnquiryForm(initial={"product": item.slug}),
            "share_text": f"{item.name} · {page.title}",
            "is_owner": is_owner(request, page),
        },
    )


def whatsapp(request, page):
    """Count the tap, then send the buyer on to WhatsApp with the message filled in."""
    if not page.whatsapp:
        raise Http404
    item = None
    if request.GET.get("produk"):
        item = Product.objects.filter(showcase=page, slug=request.GET["produk"]).first()
    page_url = absolute(request, page.url)
    if item is not None:
        page_url = f"{page_url}produk/{item.slug}/"
    count_visit(request, page, item, WeeklyCount.Kind.WHATSAPP)
    response = HttpResponseRedirect(actions.whatsapp_url(page, page_url, item))
    response["Cache-Control"] = "no-store"
    return response


# --- QR code ----------------------------------------------------------------


def qr_code(request, page):
    return segno.make(absolute(request, page.url), error="m")


def qr_print(request, page):
    """A printable sheet with the QR code, for packaging or a market stand."""
    return TemplateResponse(
        request,
        "showcase/qr.html",
        {"page": page, "self": page, "page_url": absolute(request, page.url)},
    )


def qr_image(request, page, kind):
    buffer = io.BytesIO()
    code = qr_code(request, page)
    if kind == "svg":
        code.save(buffer, kind="svg", scale=8, border=4, xmldecl=False, title=page.title)
        content_type = "image/svg+xml"
    else:
        code.save(buffer, kind="png", scale=12, border=4)
        content_type = "image/png"
    response = HttpResponse(buffer.getvalue(), content_type=content_type)
    if request.GET.get("unduh"):
        response["Content-Disposition"] = f'attachment; filename="qr-{page.slug}.{kind}"'
    return response


# --- Enquiry ----------------------------------------------------------------


@require_POST
def enquiry(request, page):
    form = EnquiryForm(request.POST)
    limited = is_ratelimited(
        request,
        group="showcase-enquiry",
        key="ip",
        rate=enquiry_rate,
        method="POST",
        increment=True,
    )
    if limited:
        messages.error(
            request,
            _("You have sent several questions in a short time. Please try again in an hour."),
        )
        return redirect(page.url + "#pesan")
    if not form.is_valid():
        item = Product.objects.filter(showcase=page, slug=form.data.get("product", "")).first()
        context = showcase_context(request, page)
        context.update({"enquiry_form": form, "structured_data": None, "canonical": ""})
        if item is not None:
            context["enquiry_product"] = item
        response = TemplateResponse(request, "showcase/showcase_page.html", context, status=400)
        return response
    item = None
    if form.cleaned_data["product"]:
        item = Product.objects.filter(showcase=page, slug=form.cleaned_data["product"]).first()
    if not form.cleaned_data["website"]:
        actions.send_enquiry(
            page,
            name=form.cleaned_data["name"],
            contact=form.cleaned_data["contact"],
            message=form.cleaned_data["message"],
            product=item,
        )
    # A bot that filled the honeypot sees the same thanks and sends nothing.
    messages.success(
        request, _("Thank you. Your question was sent to %(name)s.") % {"name": page.title}
    )
    return redirect((item.get_url() if item else page.url) + "#pesan")
