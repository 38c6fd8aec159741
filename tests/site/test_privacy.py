"""A member downloads everything stored about them (UU PDP art. 7–8)."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from forum import actions as forum
from forum.models import Category
from pusat.accounts.actions import notify
from pusat.accounts.privacy import EXCLUDED_MODELS, _relations_to_users, personal_data
from tests.factories import MemberFactory, MembershipFactory
from tests.helpers import indonesian, page_text


@pytest.fixture
def member_with_history(db):
    member = MembershipFactory(user__full_name="Ni Wayan Rasmini").user
    notify(member, "Pesanan tenun Anda sudah dikirim.", url="/forum/")
    category = Category.objects.create(name="Foto Produk", slug="foto-produk")
    forum.create_thread(
        member, category, "Lampu untuk foto kain endek", "Lampu apa yang bagus untuk kain?"
    )
    return member


def download(client, user):
    client.force_login(user)
    response = client.get("/akun/data-saya/")
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_visitors_are_sent_to_sign_in(client, db):
    response = client.get("/akun/data-saya/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/?next=/akun/data-saya/")


def test_the_profile_links_to_the_download(client, member):
    client.force_login(member)
    text = page_text(client.get("/akun/profil/"))
    assert indonesian("Download all your data (JSON)") in text
    assert 'href="/akun/data-saya/"' in text


def test_the_download_holds_the_account_and_what_the_member_wrote(client, member_with_history):
    response, data = download(client, member_with_history)
    assert response["Content-Disposition"].startswith('attachment; filename="data-saya-')
    assert response["Cache-Control"] == "no-store"
    account = data["account"]
    assert account["full_name"] == "Ni Wayan Rasmini"
    assert account["email"] == member_with_history.email
    assert account["phone"] == member_with_history.phone
    assert "password" not in account
    records = data["records"]
    assert records["accounts.Notification"]["user"][0]["message"] == (
        "Pesanan tenun Anda sudah dikirim."
    )
    assert records["community.Membership"]["user"][0]["status"] == "active"
    assert records["forum.Thread"]["author"][0]["title"] == "Lampu untuk foto kain endek"
    assert records["forum.Post"]["author"][0]["body"] == "Lampu apa yang bagus untuk kain?"


def test_secrets_and_other_people_are_left_out(client, member_with_history):
    neighbour = MemberFactory(full_name="Made Tetangga")
    notify(neighbour, "Pesan untuk orang lain.")
    response, data = download(client, member_with_history)
    text = response.content.decode()
    assert member_with_history.password not in text
    assert "qsessions.Session" not in data["records"]
    assert neighbour.email not in text and "Pesan untuk orang lain." not in text


def test_every_relation_to_an_account_is_covered(db):
    """A new model that points at the user is exported unless excluded by name."""
    labels = {model._meta.label for model, _field in _relations_to_users()}
    assert {"forum.Post", "community.ChatMessage", "courses.Evidence"} <= labels
    assert labels >= EXCLUDED_MODELS  # the exclusions name real models
    data = personal_data(MemberFactory())
    json.dumps(data, cls=DjangoJSONEncoder)  # serialisable as it stands
