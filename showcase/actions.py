"""Showcase rules, one function each, called by views, admin, demo and tests.

Who may keep a showcase, saving a showcase and its products, photos,
ordering, the WhatsApp link, counting visits, enquiries and unpublishing
with a reason. Views stay thin; nothing here knows about HTTP except the
absolute URLs handed in.
"""

import atexit
import datetime
import threading
from collections import Counter
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connections, transaction
from django.db.models import F, Max, Sum
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.images import get_image_model

from pusat.accounts.actions import notify
from pusat.accounts.roles import is_member
from pusat.uploads import checked_image

from .models import (
    RESERVED_SLUGS,
    Enquiry,
    Product,
    ProductPhoto,
    ShowcaseIndexPage,
    ShowcasePage,
    WeeklyCount,
    manage_url,
    week_of,
)

# Showcase and product photos: a phone photo fits; the limit is stated on the form.
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTOS_PER_PRODUCT = 5
CHART_WEEKS = 8

NOT_A_MEMBER = _("Only members of the centre can keep a showcase. Sign up or ask to join first.")
NOT_YOURS = _("This showcase or product belongs to another member. You can only change your own.")
HELD_BY_EDITORS = _(
    "The editors unpublished your showcase. Fix what they asked, then ask them to publish it again."
)


# --- Who --------------------------------------------------------------------


def check_may_keep_showcase(user):
    if not is_member(user):
        raise PermissionDenied(NOT_A_MEMBER)


def showcase_of(user):
    """The member's own showcase (live or not), or None."""
    if not user.is_authenticated:
        return None
    return ShowcasePage.objects.filter(owner=user).order_by("pk").first()


def owned_product(user, product_id):
    """The product if it is on the user's showcase; PermissionDenied otherwise."""
    product = Product.objects.select_related("showcase").filter(pk=product_id).first()
    if product is None or product.showcase.owner_id != user.pk:
        raise PermissionDenied(NOT_YOURS)
    return product


# --- Photos -----------------------------------------------------------------


def store_photo(upload, user, title):
    """A Wagtail image from an upload, checked and stripped by `pusat.uploads`."""
    clean = checked_image(upload, max_bytes=PHOTO_MAX_BYTES, stem=slugify(title)[:40] or "foto")
    image = get_image_model()(title=title[:255], file=clean, uploaded_by_user=user)
    image.save()
    return image


# --- Showcase ---------------------------------------------------------------


def unique_slug(index, text, exclude_pk=None):
    base = slugify(text)[:60].strip("-") or "etalase"
    if base in RESERVED_SLUGS:
        base = f"{base}-usaha"
    taken = set(
        ShowcasePage.objects.child_of(index)
        .exclude(pk=exclude_pk)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def save_showcase(user, page, fields, *, publish, logo=None, cover=None):
    """Create or update the member's showcase from cleaned form data.

    `page` is None for a new showcase. Every save is a page revision, so the
    editors' history in the Wagtail admin shows what the owner changed.
    """
    check_may_keep_showcase(user)
    if page is not None and page.owner_id != user.pk:
        raise PermissionDenied(NOT_YOURS)
    if publish and page is not None and page.unpublished_reason:
        raise PermissionDenied(HELD_BY_EDITORS)
    index = ShowcaseIndexPage.objects.get()
    new = page is None
    if new:
        page = ShowcasePage(owner=user, live=False)
    for name, value in fields.items():
        setattr(page, name, value)
    page.draft_title = page.title
    if logo is not None:
        page.logo = store_photo(logo, user, f"Logo {page.title}")
    if cover is not None:
        page.cover = store_photo(cover, user, page.cover_alt or page.title)
    if new:
        page.slug = unique_slug(index, page.title)
        index.add_child(instance=page)
    else:
        page.save()
    revision = page.save_revision(user=user)
    if publish:
        revision.publish(user=user, skip_permission_checks=True)
    elif page.live:
        take_offline(page, user)
    return ShowcasePage.objects.get(pk=page.pk)


def take_offline(page, user):
    # The rule was checked by the caller; the member has no Wagtail page permissions.
    UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)


@transaction.atomic
def unpublish_with_reason(page, reason, by):
    """An editor takes a showcase offline; the owner is told why."""
    page.unpublished_reason = reason
    page.save(update_fields=["unpublished_reason"])
    if page.live:
        take_offline(page, by)
    if page.owner_id:
        notify(
            page.owner,
            lambda: (
                gettext("Your showcase “%(name)s” was unpublished by the editors: %(reason)s")
                % {"name": page.title, "reason": reason}
            ),
            url=manage_url(),
            email_subject=lambda: gettext("Your showcase was unpublished"),
        )


# --- Products ---------------------------------------------------------------


def unique_product_slug(showcase, name, exclude_pk=None):
    base = slugify(name)[:120].strip("-") or "produk"
    taken = set(
        Product.objects.filter(showcase=showcase, slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def save_product(
    user, showcase, product, fields, *, photos=(), remove_photo_ids=(), cover_photo_id=None
):
    """Create or update a product; `photos` are (upload, alt) pairs to add,
    `cover_photo_id` one of its photos to show first."""
    if showcase.owner_id != user.pk or (product is not None and product.showcase_id != showcase.pk):
        raise PermissionDenied(NOT_YOURS)
    if product is None:
        product = Product(showcase=showcase)
        last = Product.objects.filter(showcase=showcase).aggregate(n=Max("sort_order"))["n"]
        product.sort_order = 0 if last is None else last + 1
    for name, value in fields.items():
        setattr(product, name, value)
    product.slug = unique_product_slug(showcase, product.name, exclude_pk=product.pk)
    product.save()
    if remove_photo_ids:
        ProductPhoto.objects.filter(product=product, pk__in=remove_photo_ids).delete()
    last = product.photos.aggregate(n=Max("sort_order"))["n"]
    position = 0 if last is None else last + 1
    for upload, alt in photos:
        image = store_photo(upload, user, alt)
        ProductPhoto.objects.create(product=product, image=image, alt=alt, sort_order=position)
        position += 1
    if cover_photo_id:
        order = sorted(product.photos.all(), key=lambda photo: photo.pk != cover_photo_id)
        for number, photo in enumerate(order):
            if photo.sort_order != number:
                ProductPhoto.objects.filter(pk=photo.pk).update(sort_order=number)
    return product


def delete_product(user, product_id):
    product = owned_product(user, product_id)
    product.delete()


@transaction.atomic
def move_product(user, product_id, direction):
    """Swap a product with its neighbour: `direction` is "up" or "down"."""
    product = owned_product(user, product_id)
    order = list(
        Product.objects.filter(showcase_id=product.showcase_id).order_by("sort_order", "pk")
    )
    at = [item.pk for item in order].index(product.pk)
    other = at - 1 if direction == "up" else at + 1
    if not 0 <= other < len(order):
        return
    order[at], order[other] = order[other], order[at]
    for position, item in enumerate(order):
        if item.sort_order != position:
            Product.objects.filter(pk=item.pk).update(sort_order=position)


# --- WhatsApp ---------------------------------------------------------------


def whatsapp_message(showcase, page_url, product=None):
    if product is not None:
        return gettext(
            "Hello %(business)s, I would like to order %(product)s (%(url)s). Is it available?"
        ) % {"business": showcase.title, "product": product.name, "url": page_url}
    return gettext("Hello %(business)s, I saw your showcase (%(url)s) and would like to ask.") % {
        "business": showcase.title,
        "url": page_url,
    }


def whatsapp_url(showcase, page_url, product=None):
    """`https://wa.me/<digits>?text=…`, or "" when the owner gave no number."""
    digits = "".join(ch for ch in showcase.whatsapp if ch.isdigit())
    if not digits:
        return ""
    return f"https://wa.me/{digits}?text={quote(whatsapp_message(showcase, page_url, product))}"


# --- Visits -----------------------------------------------------------------


# Visits are added up in memory and written together at most
# `VISIT_COUNT_DELAY` seconds later (0: written at once), so a busy showcase
# costs one write per few seconds instead of one per visit; a process that
# stops writes what it holds (atexit).
_pending = Counter()
_pending_lock = threading.Lock()
_flush_timer = None


def count(showcase_id, kind, product_id=None):
    """Add one to this week's count; nothing about the visitor is kept."""
    key = (showcase_id, product_id, week_of(), str(kind))
    delay = settings.VISIT_COUNT_DELAY
    if not delay:
        _add_visits(key, 1)
        return
    global _flush_timer
    with _pending_lock:
        _pending[key] += 1
        if _flush_timer is None:
            _flush_timer = threading.Timer(delay, _flush_in_background)
            _flush_timer.daemon = True
            _flush_timer.start()


def flush_visits():
    """Write the visits counted in memory; returns how many."""
    global _flush_timer
    with _pending_lock:
        batch = dict(_pending)
        _pending.clear()
        timer, _flush_timer = _flush_timer, None
    if timer is not None and timer is not threading.current_thread():
        timer.cancel()
    for key, visits in batch.items():
        _add_visits(key, visits)
    return sum(batch.values())


def _flush_in_background():
    try:
        flush_visits()
    finally:
        connections.close_all()  # this thread's own connections


atexit.register(flush_visits)


def _add_visits(key, visits):
    showcase_id, product_id, week, kind = key
    keys = {"showcase_id": showcase_id, "product_id": product_id, "week": week, "kind": kind}
    if WeeklyCount.objects.filter(**keys).update(count=F("count") + visits):
        return
    try:
        with transaction.atomic():
            WeeklyCount.objects.create(count=visits, **keys)
    except IntegrityError:  # someone else created this week's row first
        WeeklyCount.objects.filter(**keys).update(count=F("count") + visits)


def weekly_chart(showcase, weeks=CHART_WEEKS):
    """The last `weeks` weeks, oldest first, with views and WhatsApp taps
    (page and products together) and bar heights in percent."""
    flush_visits()
    this_week = week_of()
    starts = [this_week - datetime.timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    totals = {
        (row["week"], row["kind"]): row["n"]
        for row in WeeklyCount.objects.filter(showcase=showcase, week__gte=starts[0])
        .values("week", "kind")
        .annotate(n=Sum("count"))
    }
    rows = [
        {
            "week": start,
            "views": totals.get((start, WeeklyCount.Kind.VIEW), 0),
            "whatsapp": totals.get((start, WeeklyCount.Kind.WHATSAPP), 0),
        }
        for start in starts
    ]
    top = max([row["views"] for row in rows] + [row["whatsapp"] for row in rows] + [1])
    for row in rows:
        row["views_pct"] = row["views"] * 100 // top
        row["whatsapp_pct"] = row["whatsapp"] * 100 // top
    return rows


# --- Enquiries --------------------------------------------------------------


@transaction.atomic
def send_enquiry(showcase, *, name, contact, message, product=None):
    """Keep the buyer's question for the owner and email it after commit."""
    enquiry = Enquiry.objects.create(
        showcase=showcase, product=product, name=name, contact=contact, message=message
    )
    if showcase.owner_id:

        def text():
            about = gettext("About: %(product)s\n") % {"product": product.name} if product else ""
            return gettext(
                "New question from %(name)s (%(contact)s) on your showcase:\n%(about)s\n%(message)s"
            ) % {"name": name, "contact": contact, "about": about, "message": message}

        notify(
            showcase.owner,
            text,
            url=manage_url() + "#pesan",
            email_subject=lambda: (
                gettext("A buyer asked about %(business)s") % {"business": showcase.title}
            ),
        )
    return enquiry
