"""Sessions: remember me, the list of signed-in devices, ending sessions,
re-entering the password before changing how one signs in."""

import time

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from qsessions.models import Session

from tests.factories import PASSWORD, MemberFactory
from tests.helpers import indonesian, page_text

PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 11; Redmi 9A) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"
)
LAPTOP_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0 Safari/537.36"
)


def signed_in(user, user_agent=PHONE_UA, remember=True):
    client = Client(HTTP_USER_AGENT=user_agent)
    data = {"username": user.email, "password": PASSWORD}
    if remember:
        data["remember"] = "on"
    response = client.post("/akun/masuk/", data)
    assert response.status_code == 302, "sign-in failed"
    return client


def is_signed_in(client):
    return client.get("/akun/profil/").status_code == 200


@pytest.mark.django_db
class TestRememberMe:
    def test_the_box_is_ticked_and_explained_on_the_form(self, client):
        text = page_text(client.get("/akun/masuk/"))
        assert indonesian("Keep me signed in on this phone") in text
        assert 'name="remember"' in text and "checked" in text

    def test_remembered_session_lasts_two_weeks(self, member, settings):
        client = signed_in(member, remember=True)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        assert cookie["max-age"] == 14 * 24 * 60 * 60
        assert client.session.get_expire_at_browser_close() is False

    def test_without_it_the_session_ends_with_the_browser(self, member, settings):
        client = signed_in(member, remember=False)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        assert cookie["max-age"] == ""  # a browser-session cookie
        assert client.session.get_expire_at_browser_close() is True

    def test_inactivity_moves_the_expiry_forward_at_most_once_a_day(self, member):
        client = signed_in(member)
        client.get("/akun/profil/")  # first visit stamps the session
        key = client.session.session_key
        first = Session.objects.get(session_key=key).expire_date
        client.get("/akun/profil/")
        assert Session.objects.get(session_key=key).expire_date == first
        # A day later the next visit pushes the end of the session forward.
        session = client.session
        session["_refreshed_at"] = int(time.time()) - 24 * 60 * 60
        session.save()
        saved = Session.objects.get(session_key=key).expire_date
        Session.objects.filter(session_key=key).update(expire_date=first)
        client.get("/akun/profil/")
        assert Session.objects.get(session_key=key).expire_date >= saved


@pytest.mark.django_db
class TestSessionList:
    def test_visitors_are_sent_to_sign_in(self, client):
        response = client.get("/akun/sesi/")
        assert response.status_code == 302
        assert response["Location"].startswith("/akun/masuk/?next=/akun/sesi/")

    def test_shows_each_device_and_marks_this_one(self, member):
        laptop = signed_in(member, LAPTOP_UA)
        phone = signed_in(member, PHONE_UA)
        someone_else = signed_in(MemberFactory(), LAPTOP_UA)
        text = page_text(phone.get("/akun/sesi/"))
        assert text.count(indonesian("Sign out this device")) == 1  # the laptop, not this phone
        assert indonesian("This device") in text
        assert "Android 11" in text and "Windows" in text
        assert is_signed_in(laptop) and is_signed_in(someone_else)

    def test_ending_one_other_device(self, member):
        laptop = signed_in(member, LAPTOP_UA)
        phone = signed_in(member, PHONE_UA)
        response = phone.post("/akun/sesi/", {"session": laptop.session.session_key}, follow=True)
        assert indonesian("Signed out on %(count)d device.") % {"count": 1} in page_text(response)
        assert not is_signed_in(laptop)
        assert is_signed_in(phone)

    def test_ending_all_others_keeps_this_one_and_other_people(self, member):
        others = [signed_in(member, LAPTOP_UA), signed_in(member, LAPTOP_UA)]
        phone = signed_in(member, PHONE_UA)
        neighbour = signed_in(MemberFactory())
        phone.post("/akun/sesi/", {"session": "others"})
        assert [is_signed_in(client) for client in others] == [False, False]
        assert is_signed_in(phone) and is_signed_in(neighbour)
        assert Session.objects.filter(user=member).count() == 1

    @pytest.mark.parametrize("whose", ["another member's", "unknown", "this one"])
    def test_cannot_end_a_session_that_is_not_another_of_ones_own(self, member, whose):
        phone = signed_in(member, PHONE_UA)
        neighbour = signed_in(MemberFactory())
        key = {
            "another member's": neighbour.session.session_key,
            "unknown": "x" * 32,
            "this one": phone.session.session_key,
        }[whose]
        before = Session.objects.count()
        response = phone.post("/akun/sesi/", {"session": key}, follow=True)
        assert indonesian("That session no longer exists. Nothing was changed.") in page_text(
            response
        )
        assert Session.objects.count() == before
        assert is_signed_in(phone) and is_signed_in(neighbour)


@pytest.mark.django_db
class TestPasswordChangesEndOtherSessions:
    def test_changing_the_password_signs_out_the_other_devices(self, member):
        laptop = signed_in(member, LAPTOP_UA)
        phone = signed_in(member, PHONE_UA)
        response = phone.post(
            "/akun/kata-sandi/",
            {
                "old_password": PASSWORD,
                "new_password1": "gula aren dari lombok timur",
                "new_password2": "gula aren dari lombok timur",
            },
            follow=True,
        )
        text = page_text(response)
        assert indonesian("You were signed out on %(count)d other device.") % {"count": 1} in text
        assert is_signed_in(phone)
        assert not is_signed_in(laptop)
        assert Session.objects.filter(user=member).count() == 1

    def test_resetting_the_password_signs_out_everywhere(self, member):
        laptop = signed_in(member, LAPTOP_UA)
        client = Client()
        client.post("/akun/kata-sandi/lupa/", {"email": member.email})
        link = next(line for line in mail.outbox[0].body.splitlines() if "/atur/" in line)
        form_page = client.get("/" + link.split("://", 1)[1].split("/", 1)[1], follow=True)
        client.post(
            form_page.redirect_chain[-1][0],
            {
                "new_password1": "jahe merah untuk wedang",
                "new_password2": "jahe merah untuk wedang",
            },
        )
        assert not is_signed_in(laptop)
        assert not Session.objects.filter(user=member).exists()


@pytest.mark.django_db
class TestSensitiveChangesAskForThePassword:
    def profile_data(self, member, **changes):
        data = {
            "full_name": member.full_name,
            "email": member.email,
            "phone": member.phone,
            "business_name": member.business_name,
            "business_category": member.business_category,
            "regency": member.regency,
            "district": member.district,
            "language": "id-id",
            "text_size": "normal",
        }
        return {**data, **changes}

    @pytest.mark.parametrize(
        "changes",
        [
            {"email": "alamat.baru@contoh.id"},
            {"phone": "0813 9999 0000"},
            {"email": "alamat.baru@contoh.id", "current_password": "bukan kata sandinya"},
        ],
        ids=["email", "phone", "wrong password"],
    )
    def test_without_the_right_password_nothing_changes(self, client, member, changes):
        before = (member.email, member.phone, member.full_name)
        client.force_login(member)
        changes = {**changes, "full_name": "Nama Baru Sekali"}
        response = client.post("/akun/profil/", self.profile_data(member, **changes))
        assert response.status_code == 200
        assert indonesian(
            "To change your email or WhatsApp number, type your current password. "
            "Nothing was saved."
        ) in page_text(response)
        member.refresh_from_db()
        assert (member.email, member.phone, member.full_name) == before

    def test_with_the_password_the_email_changes(self, client, member):
        client.force_login(member)
        response = client.post(
            "/akun/profil/",
            self.profile_data(member, email="alamat.baru@contoh.id", current_password=PASSWORD),
        )
        assert response.status_code == 302
        member.refresh_from_db()
        assert member.email == "alamat.baru@contoh.id"

    def test_other_details_need_no_password(self, client, member):
        client.force_login(member)
        response = client.post("/akun/profil/", self.profile_data(member, district="Sidemen"))
        assert response.status_code == 302
        member.refresh_from_db()
        assert member.district == "Sidemen"


@pytest.mark.django_db
def test_the_session_list_costs_the_same_for_one_or_five_devices():
    member = MemberFactory()
    phone = signed_in(member, PHONE_UA)
    phone.get("/akun/sesi/")  # the first visit stamps the session
    counts = []
    for _ in range(2):
        # Signing in elsewhere changes the account: the shared caches refill once.
        phone.get("/akun/sesi/")
        with CaptureQueriesContext(connection) as queries:
            assert phone.get("/akun/sesi/").status_code == 200
        counts.append(len(queries))
        for _ in range(4):
            signed_in(member, LAPTOP_UA)
    # The account, its sessions and the layout's notifications; the groups,
    # site, centre settings and the Wagtail user bar's permissions come from
    # the cache (pusat/pagecache.py) until something changes.
    assert counts == [3, 3]
