"""The forum's "Done when", on a 360 px phone.

A member asks a question, another answers with a photo, the first marks it
solved and the answerer is notified; an officer handles a report; a visitor
reads the public thread without an account. Screenshots of every step land
in test-artifacts/screenshots/test_forum_journey-*.png.
"""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from forum.models import ModerationLog, Post, Report, Thread
from pusat.accounts.models import Notification
from pusat.home import demo

pytestmark = pytest.mark.browser

PASSWORD = demo.DEMO_MEMBER_PASSWORD
ASKER = "siti.rohmah@contoh.id"
ANSWERER = "rizky.pratama@contoh.id"
REPORTER = "kadek.lestari@contoh.id"
OFFICER = "luh.sukerti@contoh.id"  # ketua of Karangasem since March 2026
TITLE = "Foto keripik berminyak terlihat mengilap, bagaimana mengatasinya?"


def _photo(tmp_path):
    path = tmp_path / "keripik.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), (214, 170, 90)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def test_forum_journey(demo_site, page, sign_in, shot, shot_of, another_phone, tmp_path, axe):
    # 1. Siti asks in the public photo category.
    sign_in(ASKER, PASSWORD, "/forum/")
    page.get_by_role("link", name="Foto Produk").click()
    page.get_by_role("link", name="Bertanya atau buat topik baru").click()
    page.get_by_label("Judul").fill(TITLE)
    page.get_by_label("Pertanyaan").check()
    page.get_by_label("Pesan").fill(
        "Keripik tempe saya kalau difoto jadi mengilap karena minyaknya. "
        "Ada cara supaya tampak renyah, bukan berminyak?"
    )
    page.get_by_role("button", name="Pratinjau").click()
    expect(page.locator(".preview")).to_contain_text("mengilap")
    shot("1-preview")
    axe(page, "1-preview")
    page.get_by_role("button", name="Terbitkan topik").click()
    expect(page.locator("h1")).to_have_text(TITLE)
    thread = Thread.objects.get(title=TITLE)
    shot("2-asked")
    axe(page, "2-asked")

    # 2. Rizky answers with a photo on his own phone.
    rizky = another_phone()
    rizky.goto(f"/akun/masuk/?next=/forum/topik/{thread.pk}/")
    rizky.get_by_label("Email atau nomor WhatsApp").fill(ANSWERER)
    rizky.get_by_label(re.compile(r"^\s*Kata sandi\*?\s*$")).fill(PASSWORD)
    rizky.locator("main form").get_by_role("button", name="Masuk").click()
    rizky.wait_for_url(f"**/forum/topik/{thread.pk}/")
    rizky.get_by_label("Pesan").fill(
        "Tiriskan dulu keripiknya di atas tisu dapur semalaman, lalu foto dengan "
        "cahaya samping dari jendela. Contohnya seperti foto ini."
    )
    rizky.get_by_label("Foto (boleh dikosongkan)").set_input_files(str(_photo(tmp_path)))
    rizky.get_by_role("button", name="Kirim balasan").click()
    expect(rizky.locator(".post-photos img").first).to_be_visible()
    answer = Post.objects.filter(thread=thread, author__email=ANSWERER).get()
    assert answer.attachments.count() == 1
    shot_of(rizky, "3-answered-with-photo")
    axe(rizky, "3-answered-with-photo")

    # 3. Siti sees the new reply and marks it as the solution.
    page.goto("/forum/kategori/foto-produk/")
    expect(page.get_by_role("link", name=re.compile("Ada balasan baru"))).to_be_visible()
    page.get_by_role("link", name=re.compile("Ada balasan baru")).first.click()
    page.get_by_role("button", name="✓ Jadikan solusi").click()
    expect(page.locator(".solution")).to_contain_text("tisu dapur")
    thread.refresh_from_db()
    assert thread.solution_id == answer.pk
    shot("4-solved")
    axe(page, "4-solved")

    # 4. Rizky is notified: the count in his header, the message in his list.
    rizky.goto("/")
    expect(rizky.locator(".notification-link .badge")).to_be_visible()
    assert Notification.objects.filter(user__email=ANSWERER, url=answer.get_absolute_url()).exists()
    rizky.locator(".notification-link").click()
    expect(rizky.locator("main")).to_contain_text("dipilih sebagai solusi")
    shot_of(rizky, "5-notified")
    axe(rizky, "5-notified")

    # 5. A visitor reads the public thread, with its solution, without an account.
    visitor = another_phone()
    visitor.goto(f"/forum/topik/{thread.pk}/")
    expect(visitor.locator("h1")).to_have_text(TITLE)
    expect(visitor.locator(".solution")).to_contain_text("tisu dapur")
    expect(visitor.locator("textarea")).to_have_count(0)
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 360
    shot_of(visitor, "6-visitor")
    axe(visitor, "6-visitor")

    # 6. Kadek reports a message in Karangasem's own category; the ketua hides it.
    lapak = Thread.objects.get(title__startswith="Lapak bersama")
    target = lapak.posts.exclude(author__email__in=[REPORTER, OFFICER]).order_by("pk").last()
    kadek = another_phone()
    kadek.goto(f"/akun/masuk/?next=/forum/pesan/{target.pk}/laporkan/")
    kadek.get_by_label("Email atau nomor WhatsApp").fill(REPORTER)
    kadek.get_by_label(re.compile(r"^\s*Kata sandi\*?\s*$")).fill(PASSWORD)
    kadek.locator("main form").get_by_role("button", name="Masuk").click()
    kadek.get_by_label("Apa masalah pesan ini?").fill("Nomor rekening pribadi ditulis di sini")
    kadek.get_by_role("button", name="Kirim laporan").click()
    expect(kadek.locator(".messages")).to_contain_text("Moderator akan memeriksa")
    report = Report.objects.get(post=target)

    officer = another_phone()
    officer.goto("/akun/masuk/?next=/forum/laporan/")
    officer.get_by_label("Email atau nomor WhatsApp").fill(OFFICER)
    officer.get_by_label(re.compile(r"^\s*Kata sandi\*?\s*$")).fill(PASSWORD)
    officer.locator("main form").get_by_role("button", name="Masuk").click()
    expect(officer.locator(".report-list")).to_contain_text("Nomor rekening pribadi")
    shot_of(officer, "7-report-queue")
    axe(officer, "7-report-queue")
    officer.get_by_label("Alasan").first.fill("Data pribadi; kirim lewat pesan langsung saja")
    officer.get_by_role("button", name="Sembunyikan pesan").first.click()
    expect(officer.locator(".messages")).to_contain_text("Laporan sudah ditangani")
    report.refresh_from_db()
    target.refresh_from_db()
    assert report.resolution == "disembunyikan" and target.is_hidden
    assert ModerationLog.objects.filter(action="resolve", actor__email=OFFICER).exists()
    shot_of(officer, "8-report-handled")
    axe(officer, "8-report-handled")
    axe.assert_clean()
