"""Showcases in the Wagtail admin.

Showcase pages live in the page explorer under "Etalase" (the `featured`
flag and the reason field are in their "Editors" panel). Products are a
snippet listing across all showcases, where editors feature them for the
directory's highlights. "Unpublish with reason" is a small admin view,
linked from each showcase page's header, that tells the owner why.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pusat.accounts.roles import is_administrator, is_editor

from . import actions
from .forms import UnpublishForm
from .models import Product, ShowcasePage


class EditorPermissionPolicy(ModelPermissionPolicy):
    """Editors view and change products (e.g. feature them); only
    administrators delete; nobody adds one here (owners do, on the site)."""

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        if action in ("view", "change"):
            return is_editor(user)
        return action == "delete" and is_administrator(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Product, EditorPermissionPolicy(Product))


class ProductViewSet(SnippetViewSet):
    model = Product
    icon = "tag"
    menu_label = _("Products")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "showcase", "price", "stock", "village_speciality", "featured"]
    list_filter = ["featured", "village_speciality", "stock", "category"]
    search_fields = ["name", "description"]
    ordering = ["showcase__title", "sort_order"]
    panels = [
        "featured",
        "name",
        "description",
        "price",
        "price_max",
        "negotiable",
        "stock",
        "category",
        "village_speciality",
        "marketplace_url",
    ]


register_snippet(ProductViewSet)


def unpublish_view(request, page_id):
    if not is_editor(request.user):
        raise PermissionDenied
    page = get_object_or_404(ShowcasePage, pk=page_id)
    form = UnpublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.unpublish_with_reason(page, form.cleaned_data["reason"], request.user)
        messages.success(request, _("The showcase is unpublished; the owner was told why."))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(request, "showcase/admin/unpublish.html", {"page": page, "form": form})


@hooks.register("register_admin_urls")
def register_unpublish_url():
    return [
        path(
            "etalase/<int:page_id>/tarik/",
            unpublish_view,
            name="showcase_unpublish_with_reason",
        )
    ]


@hooks.register("register_page_header_buttons")
def unpublish_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, ShowcasePage) and page.live and is_editor(user):
        yield Button(
            _("Unpublish with reason"),
            reverse("showcase_unpublish_with_reason", args=[page.pk]),
            icon_name="cross",
            priority=60,
        )


@hooks.register("after_publish_page")
def clear_reason_on_republish(request, page):
    """An editor publishing the showcase again lifts the hold on it."""
    if isinstance(page.specific_deferred, ShowcasePage):
        ShowcasePage.objects.filter(pk=page.pk).exclude(unpublished_reason="").update(
            unpublished_reason=""
        )
