"""A member deletes their account (UU PDP, Law 27/2022): personal data is
erased, what others rely on stays as "Anggota terhapus"."""

import datetime
import json
import os

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from qsessions.models import Session
from wagtail.images import get_image_model

from community import chat, elections
from community.models import (
    AuditEntry,
    ChatMessage,
    Election,
    Membership,
    OfficerTerm,
    Participation,
)
from courses.models import Certificate, Evidence
from forum import actions as forum
from forum.models import Category, ForumProfile, Post
from pusat.accounts import deletion
from pusat.accounts.actions import notify
from pusat.accounts.models import Notification
from pusat.accounts.privacy import _relations_to_users, personal_data
from showcase import actions as showcase_actions
from showcase.models import Enquiry, Product, ShowcasePage
from tests.courses.conftest import make_course
from tests.courses.conftest import png_upload as small_png
from tests.factories import (
    PASSWORD,
    AdministratorFactory,
    CommunityFactory,
    MemberFactory,
    MembershipFactory,
    OfficerTermFactory,
)
from tests.helpers import indonesian, page_text
from tests.showcase.conftest import make_showcase

User = get_user_model()
HOUR = datetime.timedelta(hours=1)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def signed_in(user):
    client = Client()
    response = client.post("/akun/masuk/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302, "sign-in failed"
    return client


@pytest.fixture
def life(db):
    """A member with a bit of everything, and a neighbour in their community."""
    community = CommunityFactory()
    member = MemberFactory(full_name="Ni Luh Sukerti Wirawan", phone="+6281299887766")
    MembershipFactory(community=community, user=member)
    neighbour = MembershipFactory(community=community, user__full_name="Made Tetangga").user
    OfficerTermFactory(community=community, user=member, role="sekretaris")
    notify(member, "Pesanan tenun Anda sudah dikirim.")
    category = Category.objects.create(name="Foto Produk", slug="foto-produk")
    thread = forum.create_thread(
        member, category, "Lampu untuk foto kain endek", "Lampu apa yang bagus untuk kain?"
    )
    forum.create_reply(neighbour, thread, "Pakai lampu LED putih, Bu.")
    room = chat.direct_room(member, neighbour)
    chat.post_message(member, room, "Besok saya antar kainnya.")
    showcase = make_showcase(owner=member, products=2, photos=1)
    showcase_actions.send_enquiry(
        showcase, name="Pembeli", contact="pembeli@contoh.id", message="Masih ada?"
    )
    other_showcase = make_showcase(owner=neighbour, title="Kopi Tetangga", whatsapp="")
    showcase_actions.send_enquiry(
        other_showcase, name="Luh", contact=member.email, message="Kopinya ada?"
    )
    course = make_course(lessons=1)
    Certificate.objects.create(
        user=member,
        course=course,
        code="PKK-TEST-0001",
        member_name=member.full_name,
        course_title=course.title,
    )
    Evidence.objects.create(
        user=member,
        indicator=course.indicators.get(code="lampiran"),
        course=course,
        image=small_png(),
    )
    election = elections.create_election(
        OfficerTerm.objects.get(user=member).user,
        community,
        title="Pemilihan Pengurus 2027",
        method=Election.Method.MAJORITY,
        windows=(
            timezone.now() - HOUR,
            timezone.now() + HOUR,
            timezone.now() + 2 * HOUR,
            timezone.now() + 3 * HOUR,
        ),
        roles=["ketua"],
    )
    position = election.positions.get()
    elections.nominate(neighbour, position, member)
    Participation.objects.create(position=position, user=member)
    return {
        "member": member,
        "neighbour": neighbour,
        "thread": thread,
        "room": room,
        "showcase": showcase,
        "position": position,
    }


def test_every_relation_to_an_account_has_a_decision(db):
    """A new model pointing at the account fails here until deletion handles it."""
    found = {(model._meta.label, field) for model, field in _relations_to_users()}
    assert found == set(deletion.RELATIONS), (
        "Decide in pusat/accounts/deletion.py what deleting an account does to: "
        f"{sorted(found - set(deletion.RELATIONS))}; stale entries: "
        f"{sorted(set(deletion.RELATIONS) - found)}"
    )


def test_the_profile_leads_to_a_page_that_explains_in_indonesian(client, member):
    client.force_login(member)
    assert 'href="/akun/hapus/"' in page_text(client.get("/akun/profil/"))
    response = client.get("/akun/hapus/")
    assert response.status_code == 200
    text = page_text(response)
    assert indonesian("What is erased") in text
    assert indonesian("What is kept, and why") in text
    assert "Anggota terhapus" in text
    assert 'autocomplete="current-password"' in text


def test_visitors_are_sent_to_sign_in(client, db):
    response = client.get("/akun/hapus/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/?next=/akun/hapus/")


def snapshot(user):
    data = personal_data(user)
    del data["exported_at"]
    return json.loads(json.dumps(data, default=str))


@pytest.mark.parametrize("password", ["", "salah sandi sekali", "x" * 129])
def test_a_wrong_password_changes_nothing(life, password):
    member = life["member"]
    client = signed_in(member)
    member.refresh_from_db()
    data_before = snapshot(member)
    before = (Session.objects.count(), ShowcasePage.objects.count())
    response = client.post("/akun/hapus/", {"current_password": password})
    assert response.status_code == 400
    text = page_text(response)
    assert indonesian("Your account was not deleted. Please correct the marked field below.") in (
        text
    )
    member.refresh_from_db()
    assert member.deleted_at is None and member.is_active
    data_after = snapshot(member)
    assert data_after["account"] == data_before["account"]
    for label, rows in data_before["records"].items():
        assert data_after["records"][label] == rows
    assert data_after["records"].keys() == data_before["records"].keys()
    assert (Session.objects.count(), ShowcasePage.objects.count()) == before
    assert client.get("/akun/profil/").status_code == 200


def test_deleting_erases_personal_data_and_keeps_what_others_rely_on(
    life, django_capture_on_commit_callbacks
):
    member, neighbour = life["member"], life["neighbour"]
    email, phone, name = member.email, member.phone, member.full_name
    client, other_device = signed_in(member), signed_in(member)
    showcase = life["showcase"]
    images = get_image_model().objects.filter(uploaded_by_user=member)
    image_ids = set(images.values_list("pk", flat=True))
    image_files = [image.file.path for image in images]
    assert image_files
    evidence_file = Evidence.objects.get(user=member).image.path
    assert Session.objects.filter(user=member).count() == 2

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/akun/hapus/", {"current_password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"

    # Signed out everywhere.
    for device in (client, other_device):
        assert device.get("/akun/profil/").status_code == 302
    assert not Session.objects.filter(user=member).exists()

    # The tombstone holds nothing about the person.
    member.refresh_from_db()
    assert member.deleted_at is not None
    assert not member.is_active and not member.has_usable_password()
    assert member.full_name == "Anggota terhapus" and member.phone is None
    assert member.email.endswith(".invalid") and not member.groups.exists()
    assert not (member.business_name or member.regency or member.district)
    everything = json.dumps(personal_data(member), default=str)
    for secret in (email, phone, name, "Pesanan tenun", "Sukerti"):
        assert secret not in everything
    for model in (Notification, ForumProfile, Membership, Evidence):
        assert not model.objects.filter(user=member).exists()
    assert not AuditEntry.objects.filter(detail__contains="Sukerti").exists()

    # The showcase, its products, photos and enquiries are gone, files too.
    assert not ShowcasePage.objects.filter(pk=showcase.pk).exists()
    assert not Product.objects.filter(showcase_id=showcase.pk).exists()
    assert not Enquiry.objects.filter(showcase_id=showcase.pk).exists()
    assert not Enquiry.objects.filter(contact=email).exists()  # sent to the neighbour
    assert Client().get(showcase.url).status_code == 404
    assert not get_image_model().objects.filter(pk__in=image_ids).exists()
    assert not any(os.path.exists(path) for path in image_files)
    assert not os.path.exists(evidence_file)

    # Posts and messages stay, by "Anggota terhapus".
    text = page_text(Client().get(life["thread"].get_absolute_url()))
    assert "Lampu apa yang bagus untuk kain?" in text and "Pakai lampu LED putih" in text
    assert "Anggota terhapus" in text and name not in text
    assert Post.objects.filter(author=member).count() == 1
    message = ChatMessage.objects.get(author=member)
    assert chat.message_frame(message)["author"] == "Anggota terhapus"
    life["room"].refresh_from_db()
    assert name not in life["room"].name

    # Votes stay counted; the office record stays, ended today.
    assert Participation.objects.filter(position=life["position"]).count() == 1
    term = OfficerTerm.objects.get(user=member)
    assert term.ends_on == timezone.localdate()

    # The certificate is still valid, without a name.
    response = Client().get("/kursus/sertifikat/PKK-TEST-0001/")
    text = page_text(response)
    assert response.status_code == 200 and name not in text
    assert (
        indonesian("The holder has since deleted their account, so their name is no longer kept.")
        in text
    )

    # The email and the number can sign up again.
    response = Client().post(
        "/akun/daftar/",
        {
            "full_name": "Ni Luh Sukerti",
            "email": email,
            "phone": phone,
            "business_name": "Tenun Sukerti",
            "business_category": "fesyen",
            "regency": "Karangasem",
            "district": "Sidemen",
            "password1": "kain endek baru lagi",
            "password2": "kain endek baru lagi",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(email=email).phone == phone
    assert neighbour.pk != member.pk


def test_the_last_administrator_cannot_delete_themself(client, db):
    admin = AdministratorFactory()
    client.force_login(admin)
    response = client.get("/akun/hapus/")
    message = indonesian(
        "You are the last administrator. Make someone else an administrator "
        "first, then delete your account."
    )
    assert message in page_text(response)
    response = client.post("/akun/hapus/", {"current_password": PASSWORD})
    assert response.status_code == 400
    admin.refresh_from_db()
    assert admin.deleted_at is None and admin.is_active
    with pytest.raises(deletion.CannotDelete):
        deletion.delete_account(admin)

    AdministratorFactory()
    response = client.post("/akun/hapus/", {"current_password": PASSWORD})
    assert response.status_code == 302
    admin.refresh_from_db()
    assert admin.deleted_at is not None


def test_the_privacy_page_says_what_is_kept_and_why_in_indonesian(client, db):
    response = client.get("/privasi/")
    assert response.status_code == 200
    text = page_text(response)
    for msgid in (
        "What we collect, and why",
        "What is public",
        "Your rights: download, correct, delete",
        "What is kept after you delete your account, and why",
        "Contact",
    ):
        assert f">{indonesian(msgid)}</h2>" in text
    assert "Anggota terhapus" in text and "UU PDP" in text
    for url in ("/akun/data-saya/", "/akun/hapus/", "/akun/profil/"):
        assert f'href="{url}"' in text


def test_the_footer_and_sign_up_link_to_the_privacy_page(client, db):
    assert 'href="/privasi/"' in page_text(client.get("/"))
    signup = page_text(client.get("/akun/daftar/"))
    assert 'href="/privasi/"' in signup
    assert indonesian("Privacy") == "Privasi"


@pytest.mark.parametrize("others", [0, 20])
def test_the_pages_cost_the_same_whoever_else_is_there(client, db, others):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(others):
        MemberFactory()
    member = MemberFactory(password=PASSWORD)
    client.force_login(member)

    def count(url):
        client.get(url)  # the first page of a session fills a few caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    # The deletion form: the user (the session is cached), the last-administrator
    # check and the layout's notifications; the privacy page only the layout's.
    assert (count("/akun/hapus/"), count("/privasi/")) == (3, 2)
