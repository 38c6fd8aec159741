"""Showcase template filters: rupiah amounts, product prices, JSON-LD."""

import json

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()

# What `json_script` escapes, so user text holding `</script>` or `<!--`
# cannot end the script element it sits in.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def rupiah(amount):
    """25000 → "Rp 25.000" (Indonesian thousands separator, no decimals)."""
    if amount is None or amount == "":
        return ""
    return "Rp " + f"{int(amount):,}".replace(",", ".")


@register.filter
def price_text(product):
    """A product's price as shown: one amount, a range, or "harga nego"."""
    if product.price is None:
        return _("Price negotiable") if product.negotiable else ""
    text = rupiah(product.price)
    if product.price_max and product.price_max != product.price:
        text = f"{text} – {rupiah(product.price_max)}"
    if product.negotiable:
        text = f"{text} ({_('negotiable')})"
    return text


@register.filter
def ld_json(data):
    """A dict as JSON safe to place inside <script type="application/ld+json">."""
    return mark_safe(
        json.dumps(data, ensure_ascii=False, default=str).translate(JSON_SCRIPT_ESCAPES)
    )


@register.inclusion_tag("showcase/includes/featured_showcases.html")
def featured_showcases(limit=6):
    """The showcases editors featured, for the home page (two queries)."""
    from showcase.models import ShowcasePage

    showcases = list(
        ShowcasePage.objects.published()
        .filter(featured=True)
        .select_related("cover")
        .prefetch_related("cover__renditions")
        .order_by("title")[:limit]
    )
    return {"showcases": showcases}
