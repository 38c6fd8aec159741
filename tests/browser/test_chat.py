"""Two phones in one chat room: live messages, one phone loses its connection
and on return sees every message sent meanwhile exactly once (and its own
queued message arrives once), and an officer's delete removes a message for
both.

pytest-django's live server speaks WSGI only, so the chat runs on a real
daphne process reading the same test database (see tests/chat/servers.py).
"""

import os
import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from pusat.home.demo import DEMO_MEMBER_PASSWORD
from tests.chat.servers import database_env, free_port, start_daphne, stop, wait_until_listening

pytestmark = pytest.mark.browser

ROOM = "/obrolan/e-umkm-karangasem-anggota/"
KADEK = "kadek.lestari@contoh.id"  # member
AYU = "ayu.wulandari@contoh.id"  # wakil ketua: an officer of Karangasem


def ui(msgid):
    with translation.override("id-id"):
        return str(translation.gettext(msgid))


@pytest.fixture
def chat_server(demo_site, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pusat.settings.test",
        "DJANGO_ENV": "test",
        **database_env(tmp_path),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    port = free_port()
    log = tmp_path / "daphne.log"
    process = start_daphne(port, env, log)
    try:
        wait_until_listening(process, port, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def sign_in(page, server, email):
    page.goto(f"{server}/akun/masuk/?next={ROOM}")
    page.get_by_label("Email atau nomor WhatsApp").fill(email)
    page.get_by_label(re.compile(r"^\s*Kata sandi\*?\s*$")).fill(DEMO_MEMBER_PASSWORD)
    page.locator("main form").get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{server}{ROOM}")


def send(page, text):
    page.locator("#id_body").fill(text)
    page.locator("#tulis").get_by_role("button", name=ui("Send")).click()


def message(page, text):
    return page.locator(".chat-message:not(.chat-pending) .chat-body", has_text=text)


def test_two_phones_chat_live_survive_a_dropped_connection_and_see_a_delete(
    chat_server, page, another_phone, shot, shot_of, axe
):
    errors = []
    kadek = page
    kadek.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(kadek, chat_server, KADEK)
    ayu = another_phone()
    ayu.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(ayu, chat_server, AYU)
    connected = ui("Connected")
    for phone in (kadek, ayu):
        expect(phone.locator("#chat-status")).to_have_text(connected)
    expect(kadek.locator("#chat-presence")).to_contain_text("Gusti Ayu Made Wulandari")

    send(kadek, "Bu Ayu, kain latar abu-abu masih ada?")
    expect(message(ayu, "kain latar abu-abu")).to_have_count(1)
    send(ayu, "Masih, Dik. Ambil sore ini.")
    expect(message(kadek, "Ambil sore ini")).to_have_count(1)
    shot("1-live")
    axe(kadek, "1-live")
    axe(ayu, "1-live-officer")

    # Ayu's phone drops off; Kadek keeps writing; Ayu writes while offline.
    ayu.context.set_offline(True)
    expect(ayu.locator("#chat-status")).to_have_text(
        ui("No connection. Messages you write are sent when it returns.")
    )
    send(kadek, "Saya datang jam 4, Bu.")
    send(kadek, "Sekalian bawa contoh keranjang.")
    expect(message(kadek, "contoh keranjang")).to_have_count(1)
    send(ayu, "Oke, saya tunggu di rumah.")
    expect(ayu.locator(".chat-pending")).to_have_count(1)
    shot_of(ayu, "2-offline")
    axe(ayu, "2-offline")

    ayu.context.set_offline(False)
    expect(ayu.locator("#chat-status")).to_have_text(connected)
    for text in ["jam 4", "contoh keranjang", "kain latar abu-abu"]:
        expect(message(ayu, text)).to_have_count(1)
    expect(ayu.locator(".chat-pending")).to_have_count(0)
    expect(message(ayu, "saya tunggu di rumah")).to_have_count(1)
    expect(message(kadek, "saya tunggu di rumah")).to_have_count(1)
    shot_of(ayu, "3-back-online")
    axe(ayu, "3-back-online")

    # Ayu is an officer: her delete removes the message on both phones.
    item = ayu.locator(".chat-message", has=ayu.locator(".chat-body", has_text="contoh keranjang"))
    item.locator("summary").click()
    item.get_by_role("button", name=ui("Delete")).click()
    expect(message(ayu, "contoh keranjang")).to_have_count(0)
    expect(message(kadek, "contoh keranjang")).to_have_count(0)
    expect(message(kadek, "jam 4")).to_have_count(1)
    shot("4-deleted")
    axe(kadek, "4-deleted")
    shot_of(ayu, "4-deleted-officer")
    axe(ayu, "4-deleted-officer")
    assert errors == []
    axe.assert_clean()
