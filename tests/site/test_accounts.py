"""Sign-up, sign-in, sign-out, profile and passwords under /akun/."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils.text import capfirst

from pusat.accounts import roles
from tests.factories import PASSWORD, MemberFactory
from tests.helpers import indonesian, page_text

User = get_user_model()

VALID_SIGNUP = {
    "full_name": "Ni Luh Putu Sari",
    "email": "Sari.Endek@Contoh.id",
    "phone": "0812-3456-7890",
    "business_name": "Tenun Endek Sari",
    "business_category": "fesyen",
    "regency": "Karangasem",
    "district": "Sidemen",
    "password1": "benang emas dari sidemen",
    "password2": "benang emas dari sidemen",
}


def signup(client, **changes):
    data = {**VALID_SIGNUP, **changes}
    return client.post("/akun/daftar/", data)


@pytest.mark.django_db
class TestSignUp:
    def test_form_asks_for_everything_in_indonesian(self, client):
        response = client.get("/akun/daftar/")
        body = page_text(response)
        assert response.status_code == 200
        assert indonesian("Create your account") in body
        for msgid in ("full name", "WhatsApp number", "business category", "regency / city"):
            assert capfirst(indonesian(msgid)) in body
        for category in ("kuliner", "kerajinan", "fesyen", "pertanian", "jasa", "lainnya"):
            assert f'value="{category}"' in body

    def test_creates_a_member_and_signs_them_in(self, client):
        response = signup(client)
        assert response.status_code == 302
        user = User.objects.get()
        assert user.email == "sari.endek@contoh.id"
        assert user.phone == "+6281234567890"
        assert user.full_name == "Ni Luh Putu Sari"
        assert (user.first_name, user.last_name) == ("Ni", "Luh Putu Sari")
        assert user.business_category == "fesyen"
        assert (user.regency, user.district) == ("Karangasem", "Sidemen")
        assert roles.roles_of(user) == [roles.Role.MEMBER]
        assert user.check_password("benang emas dari sidemen")
        home = client.get("/")
        assert "Ni" in page_text(home)
        assert home.wsgi_request.user == user

    @pytest.mark.parametrize(
        "typed", ["081234567890", "+6281234567890", "62 812 3456 7890", "0812.3456.7890"]
    )
    def test_phone_numbers_are_normalised_to_e164(self, client, typed):
        signup(client, phone=typed)
        assert User.objects.get().phone == "+6281234567890"

    @pytest.mark.parametrize(
        ("changes", "field", "msgid"),
        [
            ({"password2": "benang perak dari sidemen"}, "password2", "The two passwords differ."),
            (
                {"phone": "12345"},
                "phone",
                "Enter a valid Indonesian mobile number, for example 0812-3456-7890.",
            ),
            (
                {"phone": "+6221 555 1234"},
                "phone",
                "Enter a valid Indonesian mobile number, for example 0812-3456-7890.",
            ),
            ({"email": "bukan-email"}, "email", None),
            ({"full_name": ""}, "full_name", None),
            ({"full_name": "   "}, "full_name", None),
            ({"business_name": ""}, "business_name", None),
            ({"business_category": ""}, "business_category", None),
            ({"business_category": "tambang"}, "business_category", None),
            ({"regency": ""}, "regency", None),
            ({"district": ""}, "district", None),
            ({"full_name": "A" * 121}, "full_name", None),
            ({"business_name": "B" * 121}, "business_name", None),
            ({"regency": "C" * 81}, "regency", None),
            ({"phone": "0" * 21}, "phone", None),
        ],
        ids=[
            "mismatched-passwords",
            "short-phone",
            "landline",
            "bad-email",
            "no-name",
            "blank-name",
            "no-business",
            "no-category",
            "unknown-category",
            "no-regency",
            "no-district",
            "long-name",
            "long-business",
            "long-regency",
            "long-phone",
        ],
    )
    def test_bad_input_is_explained_and_creates_nothing(self, client, changes, field, msgid):
        response = signup(client, **changes)
        assert response.status_code == 200
        assert User.objects.count() == 0
        form = response.context["form"]
        assert field in form.errors
        body = page_text(response)
        assert indonesian("Please correct the marked fields below.") in body
        for error in form.errors[field]:
            assert error in body
            # Django's and our messages both come out in Indonesian.
            assert not error.startswith(("This field", "Ensure this", "Enter a", "Select a"))
        if msgid:
            assert indonesian(msgid) in body

    @pytest.mark.parametrize(
        "password",
        ["pendek123", "123456789012345", "password12345", "sari.endek@contoh.id"],
        ids=["too-short", "numeric", "common", "same-as-email"],
    )
    def test_weak_passwords_are_refused(self, client, password):
        response = signup(client, password1=password, password2=password)
        assert response.status_code == 200
        assert "password1" in response.context["form"].errors
        assert User.objects.count() == 0

    def test_duplicate_email_is_refused_whatever_the_case(self, client):
        MemberFactory(email="sari.endek@contoh.id")
        response = signup(client, email="SARI.ENDEK@contoh.id")
        assert User.objects.count() == 1
        assert indonesian(
            "This email address is already registered. Sign in, or reset your password."
        ) in page_text(response)

    def test_duplicate_phone_is_refused_whatever_the_format(self, client):
        MemberFactory(phone="+6281234567890")
        response = signup(client, phone="0812 3456 7890")
        assert User.objects.count() == 1
        assert indonesian(
            "This WhatsApp number is already registered. Sign in, or reset your password."
        ) in page_text(response)


@pytest.mark.django_db
class TestSignIn:
    @pytest.mark.parametrize(
        "identifier",
        ["wayan@contoh.id", "WAYAN@Contoh.ID", "081299990000", "+6281299990000", "6281299990000"],
    )
    def test_with_email_or_whatsapp_number(self, client, identifier):
        user = MemberFactory(email="wayan@contoh.id", phone="+6281299990000")
        response = client.post("/akun/masuk/", {"username": identifier, "password": PASSWORD})
        assert response.status_code == 302
        assert client.get("/").wsgi_request.user == user

    def test_wrong_password_is_explained_in_indonesian(self, client, member):
        response = client.post("/akun/masuk/", {"username": member.email, "password": "salah"})
        assert response.status_code == 200
        assert indonesian(
            "The email/WhatsApp number or password is wrong. Check them and try again."
        ) in page_text(response)
        assert not client.get("/").wsgi_request.user.is_authenticated

    def test_guessing_is_locked_out_with_a_clear_message(self, client, member, settings):
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            response = client.post("/akun/masuk/", {"username": member.email, "password": "x"})
            assert response.status_code == 200
        response = client.post("/akun/masuk/", {"username": member.email, "password": "x"})
        assert response.status_code == 429
        assert indonesian("Too many attempts") in page_text(response)
        # Even the right password is refused while the lock lasts.
        response = client.post("/akun/masuk/", {"username": member.email, "password": PASSWORD})
        assert response.status_code == 429
        assert not client.get("/").wsgi_request.user.is_authenticated

    def test_lockout_counts_phone_formats_as_one_account(self, member, settings):
        from django.test import Client

        formats = ["0" + member.phone[3:], member.phone, member.phone[1:]]
        for attempt in range(settings.AXES_FAILURE_LIMIT):
            # A fresh client and address each time: only the account is counted.
            client = Client(REMOTE_ADDR=f"10.0.0.{attempt + 1}")
            client.post("/akun/masuk/", {"username": formats[attempt % 3], "password": "x"})
        by_phone = Client(REMOTE_ADDR="10.0.0.99")
        response = by_phone.post("/akun/masuk/", {"username": member.phone, "password": PASSWORD})
        assert response.status_code == 429
        # The email address is another identifier, so it was not locked.
        by_email = Client(REMOTE_ADDR="10.0.0.98")
        response = by_email.post("/akun/masuk/", {"username": member.email, "password": PASSWORD})
        assert response.status_code == 302

    def test_one_address_guessing_many_accounts_is_locked_out(self, member, settings):
        from django.test import Client

        from tests.factories import MemberFactory

        guesser = Client(REMOTE_ADDR="10.0.1.7")
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            # A different account each time: only the address is counted.
            other = MemberFactory()
            guesser.post("/akun/masuk/", {"username": other.email, "password": "x"})
        response = guesser.post("/akun/masuk/", {"username": member.email, "password": PASSWORD})
        assert response.status_code == 429
        assert indonesian("Too many attempts") in page_text(response)
        # The account itself was never guessed at: from another address it signs in.
        elsewhere = Client(REMOTE_ADDR="10.0.1.8")
        response = elsewhere.post("/akun/masuk/", {"username": member.email, "password": PASSWORD})
        assert response.status_code == 302

    def test_sign_out_needs_a_post(self, client, member):
        client.force_login(member)
        assert client.get("/akun/keluar/").status_code == 405
        response = client.post("/akun/keluar/")
        assert response.status_code == 200
        assert indonesian("You have signed out") in page_text(response)
        assert not client.get("/").wsgi_request.user.is_authenticated


@pytest.mark.django_db
class TestProfile:
    def test_needs_sign_in(self, client):
        response = client.get("/akun/profil/")
        assert response.status_code == 302
        assert response["Location"].startswith("/akun/masuk/?next=/akun/profil/")

    def test_member_edits_their_details(self, client, member):
        client.force_login(member)
        data = {
            "full_name": "I Wayan Sudarma",
            "email": member.email,
            "phone": "0813 1111 2222",
            "business_name": "Salak Sibetan Sudarma",
            "business_category": "pertanian",
            "regency": "Karangasem",
            "district": "Bebandem",
            "language": "en",
            "text_size": "besar",
            "current_password": PASSWORD,  # the phone changes
        }
        response = client.post("/akun/profil/", data)
        assert response.status_code == 302
        member.refresh_from_db()
        assert member.full_name == "I Wayan Sudarma"
        assert member.phone == "+6281311112222"
        assert (member.language, member.text_size) == ("en", "besar")
        page = client.get("/akun/profil/")
        assert 'class="text-besar"' in page.content.decode()
        assert '<html lang="en"' in page.content.decode()

    def test_cannot_take_another_members_phone(self, client, member):
        other = MemberFactory(phone="+6281377778888")
        client.force_login(member)
        response = client.post(
            "/akun/profil/",
            {
                "full_name": member.full_name,
                "email": member.email,
                "phone": "081377778888",
                "business_name": member.business_name,
                "business_category": member.business_category,
                "regency": member.regency,
                "district": member.district,
                "language": "id-id",
                "text_size": "normal",
            },
        )
        assert response.status_code == 200
        member.refresh_from_db()
        assert member.phone != other.phone


@pytest.mark.django_db
class TestPasswords:
    def test_change_password(self, client, member):
        client.force_login(member)
        response = client.post(
            "/akun/kata-sandi/",
            {
                "old_password": PASSWORD,
                "new_password1": "gula aren dari lombok timur",
                "new_password2": "gula aren dari lombok timur",
            },
        )
        assert response.status_code == 302
        member.refresh_from_db()
        assert member.check_password("gula aren dari lombok timur")

    def test_reset_by_email_end_to_end(self, client, member):
        response = client.post("/akun/kata-sandi/lupa/", {"email": member.email})
        assert response.status_code == 302
        assert len(mail.outbox) == 1
        link = next(
            line for line in mail.outbox[0].body.splitlines() if "/kata-sandi/atur/" in line
        )
        path = link.split("://", 1)[1].split("/", 1)[1]
        form_page = client.get("/" + path, follow=True)
        assert form_page.status_code == 200
        response = client.post(
            form_page.redirect_chain[-1][0],
            {
                "new_password1": "jahe merah untuk wedang",
                "new_password2": "jahe merah untuk wedang",
            },
        )
        assert response.status_code == 302
        member.refresh_from_db()
        assert member.check_password("jahe merah untuk wedang")

    def test_reset_for_unknown_email_sends_nothing_and_reveals_nothing(self, client):
        response = client.post("/akun/kata-sandi/lupa/", {"email": "tidak.ada@contoh.id"})
        assert response.status_code == 302
        assert mail.outbox == []
