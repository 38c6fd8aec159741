"""A newcomer signs up on a phone, signs out, and signs in again; bad sign-ups change nothing."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from pusat.accounts import roles
from pusat.home import demo

pytestmark = pytest.mark.browser

NEW_NAME = "Sri Wahyuni Lestari"
NEW_EMAIL = "sri.wahyuni@contoh.id"
NEW_PHONE_LOCAL = "0813-3975-2046"
NEW_PHONE_INTERNATIONAL = "+62 813 3975 2046"
NEW_PHONE_E164 = "+6281339752046"
NEW_PASSWORD = "sambal matah pedas sekali"

FIX_FIELDS = "Mohon perbaiki isian yang ditandai di bawah ini."
PASSWORDS_DIFFER = "Kedua kata sandi tidak sama."
EMAIL_TAKEN = "Alamat email ini sudah terdaftar. Silakan masuk, atau atur ulang kata sandi Anda."


def label(text):
    """A form field by its exact Indonesian label, whose text crispy forms pads
    with white space and ends with `*` when the field is required.

    (No re.escape: Playwright hands the pattern to JavaScript, where an escaped
    space does not match.)"""
    return re.compile(rf"^\s*{text}\*?\s*$")


def fill_sign_up(page, *, email, password1, password2, name=NEW_NAME, phone=NEW_PHONE_LOCAL):
    page.get_by_label(label("Nama lengkap")).fill(name)
    page.get_by_label(label("Alamat email")).fill(email)
    page.get_by_label(label("Nomor WhatsApp")).fill(phone)
    page.get_by_label(label("Nama usaha")).fill("Sambal Bu Sri")
    page.get_by_label(label("Jenis usaha")).select_option(label="Kuliner")
    page.get_by_label(label("Kabupaten/kota")).fill("Kota Bekasi")
    page.get_by_label(label("Kecamatan")).fill("Bekasi Timur")
    page.get_by_label(label("Kata sandi")).fill(password1)
    page.get_by_label(label("Ulangi kata sandi")).fill(password2)


def submit_sign_up(page):
    page.locator("main form").get_by_role("button", name="Daftar").click()
    page.wait_for_load_state()


def test_newcomer_signs_up_signs_out_and_signs_in_with_the_other_phone_form(demo_site, page, shot):
    User = get_user_model()
    page.goto("/")
    header = page.locator("header.site-header")
    header.get_by_role("link", name="Daftar").click()
    expect(page).to_have_url(f"{demo_site.url}/akun/daftar/")
    expect(page.locator("h1")).to_have_text("Buat akun Anda")
    shot("1-empty-form")

    fill_sign_up(page, email=NEW_EMAIL, password1=NEW_PASSWORD, password2=NEW_PASSWORD)
    shot("2-filled-form")
    submit_sign_up(page)

    # Lands on the home page, signed in, greeted by name.
    expect(page).to_have_url(f"{demo_site.url}/")
    expect(page.locator(".messages")).to_contain_text(
        "Selamat datang, Sri Wahyuni Lestari! Akun Anda sudah siap."
    )
    expect(header.locator(".account-name")).to_have_text(NEW_NAME)
    expect(header.get_by_role("button", name="Keluar")).to_be_visible()
    expect(header.get_by_role("link", name="Masuk")).to_have_count(0)
    shot("3-signed-in")

    user = User.objects.get(email=NEW_EMAIL)
    assert user.full_name == NEW_NAME
    assert user.phone == NEW_PHONE_E164  # stored in E.164, whatever form was typed
    assert user.groups.filter(name=roles.MEMBER_GROUP).exists()

    header.get_by_role("button", name="Keluar").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Anda sudah keluar")
    expect(header.get_by_role("link", name="Masuk")).to_be_visible()
    expect(header.locator(".account-name")).to_have_count(0)
    shot("4-signed-out")

    header.get_by_role("link", name="Masuk").click()
    expect(page.locator("h1")).to_have_text("Masuk")
    page.get_by_label(label("Email atau nomor WhatsApp")).fill(NEW_PHONE_INTERNATIONAL)
    page.get_by_label(label("Kata sandi")).fill(NEW_PASSWORD)
    shot("5-sign-in-with-plus-62")
    page.locator("main form").get_by_role("button", name="Masuk").click()
    page.wait_for_load_state()

    expect(page).to_have_url(f"{demo_site.url}/")
    expect(header.locator(".account-name")).to_have_text(NEW_NAME)
    shot("6-signed-in-again")

    header.locator(".account-name").click()
    expect(page.locator("h1")).to_have_text("Profil saya")
    expect(page.get_by_label(label("Nomor WhatsApp"))).to_have_value(NEW_PHONE_E164)
    shot("7-profile")


def test_bad_sign_up_shows_indonesian_errors_and_creates_no_account(demo_site, page, shot):
    User = get_user_model()
    accounts_before = User.objects.count()
    taken_email = demo.MEMBERS[0]["email"]

    # 1. The two passwords differ.
    page.goto("/akun/daftar/")
    fill_sign_up(
        page, email=NEW_EMAIL, password1=NEW_PASSWORD, password2="sambal matah pedas sekal"
    )
    submit_sign_up(page)
    expect(page).to_have_url(f"{demo_site.url}/akun/daftar/")
    expect(page.get_by_role("alert")).to_have_text(FIX_FIELDS)
    password2 = page.get_by_label(label("Ulangi kata sandi"))
    expect(password2).to_have_class(re.compile(r"\bis-invalid\b"))
    expect(page.locator("#div_id_password2 .invalid-feedback")).to_have_text(PASSWORDS_DIFFER)
    # What was typed is kept, except the passwords, which are never sent back.
    expect(page.get_by_label(label("Nama lengkap"))).to_have_value(NEW_NAME)
    expect(page.get_by_label(label("Alamat email"))).to_have_value(NEW_EMAIL)
    expect(page.get_by_label(label("Kata sandi"))).to_have_value("")
    shot("1-passwords-differ")

    # 2. The email address belongs to someone already (typed in capitals).
    fill_sign_up(page, email=taken_email.upper(), password1=NEW_PASSWORD, password2=NEW_PASSWORD)
    submit_sign_up(page)
    expect(page).to_have_url(f"{demo_site.url}/akun/daftar/")
    expect(page.get_by_role("alert")).to_have_text(FIX_FIELDS)
    expect(page.get_by_label(label("Alamat email"))).to_have_class(re.compile(r"\bis-invalid\b"))
    expect(page.locator("#div_id_email .invalid-feedback")).to_have_text(EMAIL_TAKEN)
    expect(page.locator(".invalid-feedback")).to_have_count(1)
    # Still a visitor.
    expect(page.locator("header .account-name")).to_have_count(0)
    shot("2-email-taken")

    assert User.objects.count() == accounts_before
    assert not User.objects.filter(phone=NEW_PHONE_E164).exists()
    assert not User.objects.filter(email=NEW_EMAIL).exists()
