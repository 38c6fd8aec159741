"""Password rules (OWASP ASVS 2.1): 12 to 128 characters, no composition
rules, the common-password list, and passphrases welcomed in Indonesian."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories import PASSWORD
from tests.helpers import indonesian, page_text
from tests.site.test_accounts import VALID_SIGNUP

User = get_user_model()

# 128 characters of words and spaces: a long passphrase at the limit.
AT_LIMIT = ("kopi robusta dari bukit kintamani " * 4)[:128]
OVER_LIMIT = AT_LIMIT + "x"


def test_the_phrases_have_the_lengths_the_tests_claim():
    assert (len(AT_LIMIT), len(OVER_LIMIT)) == (128, 129)


@pytest.mark.django_db
class TestValidators:
    def test_129_characters_are_refused_in_indonesian(self):
        with translation.override("id-id"), pytest.raises(ValidationError) as refused:
            validate_password(OVER_LIMIT)
        messages = refused.value.messages
        assert len(messages) == 1
        assert "128" in messages[0] and "129" in messages[0]
        assert "too long" not in messages[0]
        assert messages[0].startswith("Kata sandi")

    @pytest.mark.parametrize(
        "password",
        [
            AT_LIMIT,
            "kopi robusta dari bukit",
            "semua huruf kecil tanpa angka",
            "sate lilit ikan tongkol enak sekali",
        ],
        ids=["128", "passphrase", "lowercase-only", "long-passphrase"],
    )
    def test_passphrases_pass_with_no_composition_rules(self, password):
        assert validate_password(password) is None

    def test_common_passwords_are_still_refused(self):
        with pytest.raises(ValidationError):
            validate_password("password12345")


def signup(client, password):
    return client.post(
        "/akun/daftar/", {**VALID_SIGNUP, "password1": password, "password2": password}
    )


@pytest.mark.django_db
class TestSignUp:
    def test_129_characters_refused_with_indonesian_message_and_no_account(self, client):
        response = signup(client, OVER_LIMIT)
        assert response.status_code == 200
        assert User.objects.count() == 0
        errors = response.context["form"].errors["password1"]
        assert len(errors) == 1
        assert "128" in errors[0] and errors[0].startswith("Kata sandi")
        assert errors[0] in page_text(response)

    def test_128_characters_accepted(self, client):
        response = signup(client, AT_LIMIT)
        assert response.status_code == 302
        assert User.objects.get().check_password(AT_LIMIT)

    def test_long_passphrase_with_spaces_accepted(self, client):
        phrase = "  tenun ikat gringsing dari desa tenganan pegringsingan  "
        response = signup(client, phrase)
        assert response.status_code == 302
        # Spaces are part of the password, never stripped.
        assert User.objects.get().check_password(phrase)

    def test_form_welcomes_passphrases_and_does_not_cut_long_pastes(self, client):
        response = client.get("/akun/daftar/")
        body = page_text(response)
        assert (
            indonesian(
                "12 to 128 characters. Passphrases are welcome: a short sentence you can "
                "remember, spaces included, is a good password, e.g. “kopi robusta dari "
                "bukit”. No numbers or symbols are required."
            )
            in body
        )
        # A maxlength attribute would make the browser cut a longer paste silently.
        assert 'maxlength="128"' not in response.content.decode().split('name="password1"')[1][:200]


@pytest.mark.django_db
class TestPasswordChange:
    def change(self, client, new):
        return client.post(
            "/akun/kata-sandi/",
            {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
        )

    def test_page_welcomes_passphrases_in_indonesian(self, client, member):
        client.force_login(member)
        body = page_text(client.get("/akun/kata-sandi/"))
        welcome = indonesian(
            "Your password may be up to %(max_length)d characters long. A passphrase of "
            "several words with spaces is welcome; no special characters are required."
        ) % {"max_length": 128}
        assert welcome in body

    def test_129_characters_refused_and_password_unchanged(self, client, member):
        client.force_login(member)
        response = self.change(client, OVER_LIMIT)
        assert response.status_code == 200
        errors = response.context["form"].errors["new_password2"]
        assert any("128" in error and error.startswith("Kata sandi") for error in errors)
        member.refresh_from_db()
        assert member.check_password(PASSWORD)

    def test_128_characters_accepted(self, client, member):
        client.force_login(member)
        assert self.change(client, AT_LIMIT).status_code == 302
        member.refresh_from_db()
        assert member.check_password(AT_LIMIT)
