"""`manage.py load_demo_data`: a complete Indonesian demo site, safe to rerun."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Revision
from wagtail.users.models import UserProfile

from community.models import Community, Membership, OfficerTerm
from pusat.accounts import roles
from pusat.accounts.phone import normalise_phone
from pusat.home import demo
from pusat.home.models import HomePage, SiteSettings, StandardPage

User = get_user_model()


def load():
    out = StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def counts():
    return {
        "users": User.objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "communities": Community.objects.count(),
        "memberships": Membership.objects.count(),
        "officer_terms": OfficerTerm.objects.count(),
    }


@pytest.fixture
def demo_site(db):
    load()


@pytest.mark.django_db
def test_running_twice_changes_no_counts():
    first_output = load()
    after_first = counts()
    second_output = load()

    assert counts() == after_first
    assert after_first["communities"] >= 2
    assert after_first["memberships"] == len(demo.MEMBERS)
    assert after_first["users"] == len(demo.MEMBERS) + len(demo.STAFF)
    assert "Beranda" in first_output
    assert "all up to date" in second_output


@pytest.mark.django_db
def test_rerun_updates_in_place_and_keeps_changed_passwords():
    load()
    member = User.objects.get(email=demo.MEMBERS[0]["email"])
    member.business_name = "Nama lama"
    member.set_password("kata sandi pilihan sendiri")
    member.save()
    home = HomePage.objects.get()
    home.body = []
    home.save_revision().publish()

    load()

    member.refresh_from_db()
    assert member.business_name == demo.MEMBERS[0]["business_name"]
    assert member.check_password("kata sandi pilihan sendiri")
    assert HomePage.objects.get().body[0].value["title"] == demo.HERO_TITLE


@pytest.mark.django_db
def test_home_page_has_hero_and_highlight_cards(demo_site):
    home = HomePage.objects.get()
    assert home.live and not home.has_unpublished_changes

    hero = home.body.first_block_by_name("hero").value
    assert hero["title"] == "Dari usaha rumahan menjadi e-UMKM"
    assert "UMKM" in hero["text"]
    assert hero["action"]["label"] == "Daftar gratis"
    assert hero["action"]["url"] == "/akun/daftar/"

    cards = home.body.first_block_by_name("highlights").value["cards"]
    assert [(card["title"], card["url"]) for card in cards] == [
        ("Kursus mandiri", "/kursus/"),
        ("Komunitas e-UMKM", "/komunitas/"),
        ("Forum", "/forum/"),
        ("Etalase produk", "/etalase/"),
    ]

    stages = " ".join(block.value.source for block in home.body.blocks_by_name("text"))
    for stage in ["Persiapan", "Presence", "Portal", "Integrasi Transaksi", "Kemandirian"]:
        assert f"<b>{stage}</b>" in stages


@pytest.mark.django_db
def test_home_page_shows_the_hero_and_centre_contacts(client, demo_site):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Dari usaha rumahan menjadi e-UMKM" in html
    assert 'href="/akun/daftar/"' in html
    assert "Etalase produk" in html
    # The footer carries the centre's settings.
    assert "Jl. Contoh Raya No. 17, Amlapura" in html
    assert "WhatsApp: 0812-3456-7890" in html
    assert "https://wa.me/6281234567890" in html
    assert "halo@pusatkreatif.id" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "title", "text"),
    [
        ("/tentang-kami/", "Tentang Kami", "Dinas Koperasi dan UMKM"),
        ("/faq/", "FAQ", "Berapa biaya menjadi anggota?"),
    ],
)
def test_standard_pages_are_live(client, demo_site, url, title, text):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert text in html


@pytest.mark.django_db
def test_faq_has_six_to_eight_questions(demo_site):
    faq = StandardPage.objects.get(slug="faq")
    assert faq.get_parent().specific_class is HomePage
    assert 6 <= len(faq.body.blocks_by_name("heading")) <= 8


@pytest.mark.django_db
def test_site_settings(demo_site):
    centre = SiteSettings.objects.get()
    assert centre.centre_name == "Pusat Komunitas Kreatif"
    assert centre.tagline
    assert "Karangasem" in centre.address
    assert centre.email == "halo@pusatkreatif.id"
    assert len(centre.social_links) == 4
    centre.full_clean()


@pytest.mark.django_db
def test_members_belong_to_communities(demo_site):
    members = User.objects.filter(email__endswith="@contoh.id")
    assert members.count() == len(demo.MEMBERS) >= 8
    assert len({member.regency for member in members}) >= 4
    for member in members:
        assert roles.is_member(member)
        assert member.membership.status == Membership.Status.ACTIVE
        assert member.phone == normalise_phone(member.phone)
        assert member.business_name and member.business_category
    assert Community.objects.filter(memberships__isnull=False).distinct().count() >= 2


@pytest.mark.django_db
def test_karangasem_first_board_then_an_elected_one(demo_site):
    community = Community.objects.get(name="Komunitas e-UMKM Karangasem")
    first = OfficerTerm.objects.filter(community=community, source=OfficerTerm.Source.BOOTSTRAP)
    assert {term.role for term in first} >= {OfficerTerm.Role.CHAIR, OfficerTerm.Role.SECRETARY}
    assert {term.recorded_by.email for term in first} == {demo.ADMIN_EMAIL}
    # The board elected in February 2026 holds office now; the first one ended.
    terms = OfficerTerm.objects.current().filter(community=community)
    assert {term.role for term in terms} == set(OfficerTerm.Role.values)
    assert {term.source for term in terms} == {OfficerTerm.Source.ELECTION}
    assert {term.election.title for term in terms} == {"Pemilihan Pengurus Periode 2026–2029"}
    assert all(term.user.membership.community == community for term in terms)


@pytest.mark.django_db
def test_staff_accounts(demo_site):
    admin = User.objects.get(email=demo.ADMIN_EMAIL)
    editor = User.objects.get(email=demo.EDITOR_EMAIL)

    assert admin.is_superuser and admin.full_name == "Admin Pusat"
    assert roles.is_administrator(admin)
    assert roles.is_editor(editor) and not roles.is_administrator(editor)
    assert admin.check_password(demo.ADMIN_PASSWORD)
    assert editor.check_password(demo.EDITOR_PASSWORD)
    for user in (admin, editor):
        assert UserProfile.get_for_user(user).preferred_language == "id-id"


@pytest.mark.django_db
def test_demo_passwords_pass_the_project_validators(demo_site):
    validate_password(demo.ADMIN_PASSWORD, User.objects.get(email=demo.ADMIN_EMAIL))
    validate_password(demo.EDITOR_PASSWORD, User.objects.get(email=demo.EDITOR_EMAIL))
    validate_password(demo.DEMO_MEMBER_PASSWORD, User.objects.get(email=demo.MEMBERS[0]["email"]))


@pytest.mark.django_db
def test_a_demo_member_can_sign_in(client, demo_site):
    email = demo.MEMBERS[0]["email"]

    response = client.post(
        "/akun/masuk/", {"username": email, "password": demo.DEMO_MEMBER_PASSWORD}
    )

    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == User.objects.get(email=email).pk


@pytest.mark.django_db
def test_editor_can_open_the_admin(client, demo_site):
    client.post("/akun/masuk/", {"username": demo.EDITOR_EMAIL, "password": demo.EDITOR_PASSWORD})

    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_refuses_production_without_force(monkeypatch, settings):
    settings.DEBUG = False
    monkeypatch.setenv("DJANGO_ENV", "production")

    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo_data", stdout=StringIO())
    assert not User.objects.filter(email=demo.ADMIN_EMAIL).exists()

    call_command("load_demo_data", "--force", stdout=StringIO())
    assert User.objects.filter(email=demo.ADMIN_EMAIL).exists()
