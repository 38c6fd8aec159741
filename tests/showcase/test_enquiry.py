"""Buyers' questions: kept for the owner, emailed after commit, spam refused."""

import pytest
from django.core import mail

from showcase.models import Enquiry
from tests.helpers import indonesian, page_text

pytestmark = pytest.mark.django_db


def post(client, showcase, **changes):
    data = {
        "name": "Budi",
        "contact": "0812-1111-2222",
        "message": "Apakah motif cepuk ada warna merah?",
        "website": "",
    }
    data.update(changes)
    return client.post(showcase.url + "pesan/", data)


def test_enquiry_is_kept_and_emailed_to_the_owner(
    client, showcase, django_capture_on_commit_callbacks
):
    product = showcase.products.first()
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, showcase, product=product.slug)
    assert response.status_code == 302
    assert response["Location"] == product.get_url() + "#pesan"
    enquiry = Enquiry.objects.get()
    assert (enquiry.showcase, enquiry.product, enquiry.name) == (showcase, product, "Budi")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [showcase.owner.email]
    assert "motif cepuk ada warna merah" in mail.outbox[0].body
    assert product.name in mail.outbox[0].body


def test_empty_message_is_refused(client, showcase):
    response = post(client, showcase, message="   ")
    assert response.status_code == 400
    assert indonesian("Write your question for the seller.") in page_text(response)
    assert not Enquiry.objects.exists()


def test_honeypot_keeps_bots_out_quietly(client, showcase):
    response = post(client, showcase, website="http://spam.example")
    assert response.status_code == 302
    assert not Enquiry.objects.exists()
    assert not mail.outbox


def test_too_many_enquiries_are_refused(client, showcase, settings):
    settings.SHOWCASE_ENQUIRY_RATE = "2/h"
    assert post(client, showcase).status_code == 302
    assert post(client, showcase).status_code == 302
    response = post(client, showcase, message="Ketiga kalinya")
    assert response.status_code == 302
    assert Enquiry.objects.count() == 2
    followed = client.get(response["Location"])
    assert indonesian(
        "You have sent several questions in a short time. Please try again in an hour."
    ) in page_text(followed)


def test_enquiry_needs_post(client, showcase):
    assert client.get(showcase.url + "pesan/").status_code == 405
