"""Editors in the Wagtail admin: products listing, featuring, and unpublishing
a showcase with a reason the owner sees."""

import pytest
from django.core import mail

from showcase.models import Product
from tests.helpers import page_text

from .conftest import make_showcase

pytestmark = pytest.mark.django_db


def unpublish_url(page):
    return f"/admin/etalase/{page.pk}/tarik/"


def test_editor_unpublishes_with_a_reason(
    client, editor, member, django_capture_on_commit_callbacks
):
    page = make_showcase(owner=member)
    client.force_login(editor)
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert unpublish_url(page) in edit.content.decode()
    assert client.get(unpublish_url(page)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(unpublish_url(page), {"reason": "Nomor rekening pribadi di foto."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.unpublished_reason == "Nomor rekening pribadi di foto."
    assert mail.outbox[0].to == [member.email]
    assert "Nomor rekening pribadi di foto." in mail.outbox[0].body


def test_an_empty_reason_is_refused(client, editor, member):
    page = make_showcase(owner=member)
    client.force_login(editor)
    response = client.post(unpublish_url(page), {"reason": "  "})
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.live


@pytest.mark.parametrize("who", ["visitor", "member", "officer"])
def test_only_editors_may_unpublish(client, member, officer, who):
    page = make_showcase(owner=member)
    if who == "member":
        client.force_login(member)
    elif who == "officer":
        client.force_login(officer)
    response = client.post(unpublish_url(page), {"reason": "Coba-coba"})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/login/" in response["Location"]
    page.refresh_from_db()
    assert page.live and page.unpublished_reason == ""


def test_editor_lists_and_features_products(client, editor, member):
    page = make_showcase(owner=member, products=2)
    product = page.products.first()
    client.force_login(editor)
    listing = client.get("/admin/snippets/showcase/product/")
    assert listing.status_code == 200
    assert product.name in page_text(listing)
    edit = client.get(f"/admin/snippets/showcase/product/edit/{product.pk}/")
    assert edit.status_code == 200


def test_members_cannot_open_the_product_admin(client, member):
    make_showcase(owner=member, products=1)
    client.force_login(member)
    response = client.get("/admin/snippets/showcase/product/")
    assert response.status_code in (302, 403)
    assert Product.objects.count() == 1


def test_republishing_in_the_admin_lifts_the_hold(rf, editor, member):
    from showcase.actions import unpublish_with_reason
    from showcase.wagtail_hooks import clear_reason_on_republish

    page = make_showcase(owner=member)
    unpublish_with_reason(page, "Foto buram.", editor)
    page.refresh_from_db()
    page.save_revision(user=editor).publish(user=editor)
    clear_reason_on_republish(rf.get("/"), page)
    page.refresh_from_db()
    assert page.live and page.unpublished_reason == ""
