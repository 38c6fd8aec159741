"""The member's own pages under `/etalase/kelola/`: their showcase form, the
product list with its order, product forms, enquiries and the weekly chart.

All of them need a signed-in member; products can only be reached through
the owner's showcase, and every refusal is a page in Indonesian (403).
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import actions
from .forms import ProductForm, ShowcaseForm
from .models import Enquiry, Product


def refused(request, message):
    return TemplateResponse(request, "showcase/refused.html", {"message": message}, status=403)


def member_only(view):
    @wraps(view)
    def wrapped(request, index, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            actions.check_may_keep_showcase(request.user)
            return view(request, index, *args, **kwargs)
        except PermissionDenied as exc:
            return refused(request, str(exc) or _("You may not do this."))

    return wrapped


@member_only
def manage(request, index):
    showcase = actions.showcase_of(request.user)
    if request.method == "POST":
        form = ShowcaseForm(request.POST, request.FILES, instance=showcase)
        if form.is_valid():
            showcase = actions.save_showcase(
                request.user,
                showcase,
                form.page_fields(),
                publish=form.cleaned_data["publish"],
                logo=form.cleaned_data.get("logo_upload"),
                cover=form.cleaned_data.get("cover_upload"),
            )
            messages.success(
                request,
                _("Your showcase is saved and published.")
                if showcase.live
                else _("Your showcase is saved. It is not public yet."),
            )
            return redirect(request.path)
        status = 400
    else:
        initial = {}
        if showcase is None:
            user = request.user
            initial = {
                "title": user.business_name,
                "category": user.business_category,
                "regency": user.regency,
                "district": user.district,
                "whatsapp": user.phone or "",
            }
        form = ShowcaseForm(instance=showcase, initial=initial)
        status = 200
    context = {"page": index, "showcase": showcase, "form": form}
    if showcase is not None:
        context.update(
            {
                "products": list(Product.objects.filter(showcase=showcase).with_photos()),
                "enquiries": list(
                    Enquiry.objects.filter(showcase=showcase).select_related("product")[:20]
                ),
                "chart": actions.weekly_chart(showcase),
            }
        )
    return TemplateResponse(request, "showcase/manage.html", context, status=status)


@member_only
def product_form(request, index, product_id):
    showcase = actions.showcase_of(request.user)
    if showcase is None:
        messages.info(request, _("Create your showcase first, then add products."))
        return redirect(index.url + "kelola/")
    product = actions.owned_product(request.user, product_id) if product_id else None
    if request.method == "POST":
        form = ProductForm(request.POST, request.FILES, instance=product)
        if form.is_valid():
            actions.save_product(
                request.user,
                showcase,
                product,
                form.product_fields(),
                photos=form.new_photos,
                remove_photo_ids=form.removed_photo_ids,
                cover_photo_id=form.cover_photo_id,
            )
            messages.success(request, _("Product saved."))
            return redirect(index.url + "kelola/#produk")
        status = 400
    else:
        form = ProductForm(instance=product)
        status = 200
    return TemplateResponse(
        request,
        "showcase/product_form.html",
        {"page": index, "showcase": showcase, "product": product, "form": form},
        status=status,
    )


@member_only
def product_delete(request, index, product_id):
    product = actions.owned_product(request.user, product_id)
    if request.method == "POST":
        actions.delete_product(request.user, product_id)
        messages.success(request, _("“%(name)s” was removed.") % {"name": product.name})
        return redirect(index.url + "kelola/#produk")
    return TemplateResponse(
        request, "showcase/product_delete.html", {"page": index, "product": product}
    )


@member_only
def product_move(request, index, product_id):
    if request.method != "POST":
        return redirect(index.url + "kelola/#produk")
    actions.owned_product(request.user, product_id)  # someone else's: refused first
    direction = {"naik": "up", "turun": "down"}.get(request.POST.get("arah"))
    if direction is None:
        messages.error(request, _("Choose whether to move the product up or down."))
    else:
        actions.move_product(request.user, product_id, direction)
    return redirect(index.url + "kelola/#produk")
