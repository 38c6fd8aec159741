"""Karangasem elects a new ketua on its phones, and she runs her first meeting.

Journey 4 of the journeys issue, and the "Done when" of the community issue:
the ketua opens an election for the office of ketua → one member is nominated
by another and accepts, a second nominates herself → three members vote, each
on their own phone, and get a receipt → a second vote is refused → nobody sees
results before the close → the ketua closes, the results show counts, turnout
and quorum → installation makes the winner ketua, with officer rights, and the
old ketua loses hers → a visitor checks a receipt → a member reads the audit
log → the new ketua posts an event, members RSVP, the .ics parses → after the
meeting the sekretaris records attendance and publishes minutes a member reads.
axe and a 360 px width check run on the election, ballot, results, audit-log,
event and minutes pages as the journey reaches them; their findings, like any
misbehaviour the journey can walk around, are collected and reported together
at the end, so one problem does not hide the next.

Phases follow the dates. Where a real election would wait for days, the test
moves the election's dates (`move_to` from the election tests) instead.
"""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core import mail
from django.db.models import Count
from django.utils import dateformat, timezone, translation
from playwright.sync_api import expect

from community.models import (
    AuditEntry,
    Ballot,
    Community,
    Election,
    EligibleVoter,
    Event,
    Membership,
    Minutes,
    OfficerTerm,
    Participation,
    Rsvp,
)
from community.roles import is_officer
from pusat.home import demo
from tests.browser.conftest import OVERFLOWING_ELEMENTS_JS, PHONE_WIDTH
from tests.community.test_elections import move_to

pytestmark = pytest.mark.browser

PASSWORD = demo.DEMO_MEMBER_PASSWORD
KARANGASEM = demo.KARANGASEM
WITA = ZoneInfo("Asia/Makassar")  # Bali's clock, the one Karangasem's members read
BLOCKING_IMPACTS = {"serious", "critical"}
# What the new-election form says about the times it asks for.
ZONE_PROMISE = "Semua waktu memakai waktu setempat komunitas Anda (WITA)."

LUH = "luh.sukerti@contoh.id"  # ketua until this election
WAYAN = "wayan.sudarsana@contoh.id"  # sekretaris
KOMANG = "komang.arta@contoh.id"  # bendahara
AYU = "ayu.wulandari@contoh.id"  # wakil ketua
KADEK = "kadek.lestari@contoh.id"  # a member, ketua by the end
NAMES = {member["email"]: member["full_name"] for member in demo.MEMBERS}

ELECTION_TITLE = "Pemilihan Ketua Antarwaktu 2026"
KADEK_PROGRAMME = (
    "Kelas toko online tiap Sabtu kedua, lapak bersama di marketplace, "
    "dan pendampingan anggota baru dari Manggis sampai Sidemen."
)
AYU_STATEMENT = "Saya siap menghubungkan anggota di Denpasar dengan perajin di Karangasem."

EVENT_TITLE = "Rapat Anggota Perdana bersama Ketua Baru"
EVENT_PLACE = "Kantor Pusat Komunitas, Jl. Gajah Mada 12, Amlapura"
EVENT_DESCRIPTION = "Perkenalan ketua baru dan penyusunan program kerja tiga bulan ke depan."

MINUTES_AGENDA = "Perkenalan ketua baru\nProgram kerja tiga bulan ke depan"
MINUTES_DISCUSSION = (
    "Ketua baru memaparkan rencana kelas toko online. Anggota meminta jadwal Sabtu pagi."
)
MINUTES_DECISION = "Kelas toko online dimulai Sabtu kedua bulan depan di kantor Pusat."
MINUTES_ACTION = "Menyiapkan daftar peserta kelas toko online"


def label(text):
    """A form field by its Indonesian label, which crispy forms pads with white
    space and ends with `*` when the field is required."""
    return re.compile(rf"^\s*{re.escape(text)}\*?\s*$")


def person(email):
    return get_user_model().objects.get(email=email)


def karangasem():
    return Community.objects.get(slug=KARANGASEM)


def as_shown(moment):
    """A date and time the way the election page prints it (23 November 2026, 09.00)."""
    with translation.override("id"):
        return dateformat.format(moment, "j F Y, H.i")


def local_input(moment):
    """The value of an <input type=datetime-local> for a wall-clock time."""
    return moment.strftime("%Y-%m-%dT%H:%M")


class Findings:
    """Problems that do not stop the journey, reported together at its end:
    axe's serious and critical findings, pages wider than the phone, and
    misbehaviour the journey can walk around."""

    def __init__(self):
        self.problems = []

    def add(self, problem):
        self.problems.append(problem)

    def check_page(self, page, name):
        """axe and the 360 px width, on the page as it is now."""
        violations = Axe().run(page).response["violations"]
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        minor = [v for v in violations if v["impact"] not in BLOCKING_IMPACTS]
        path = page.url.split("//", 1)[-1].split("/", 1)[-1]
        if minor:
            print(f"axe, minor or moderate on {name} (/{path}):\n{describe(minor)}")
        if blocking:
            self.add(f"axe on {name} (/{path}):\n{describe(blocking)}")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > PHONE_WIDTH:
            offenders = page.evaluate(OVERFLOWING_ELEMENTS_JS, PHONE_WIDTH)
            self.add(
                f"{name} (/{path}) is {scroll_width}px wide at {PHONE_WIDTH}px:\n  "
                + "\n  ".join(offenders[:12])
            )


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:6]:
            lines.append(f"    {', '.join(map(json.dumps, node['target']))}: {node['html'][:160]}")
    return "\n".join(lines)


# --- Small helpers ---------------------------------------------------------------------


def sign_in_on(page, email, next_url):
    page.goto(f"/akun/masuk/?next={next_url}")
    page.get_by_label(label("Email atau nomor WhatsApp")).fill(email)
    page.get_by_label(label("Kata sandi")).fill(PASSWORD)
    page.locator("main form").get_by_role("button", name="Masuk").click()
    page.wait_for_load_state()
    expect(page.locator("header .account-name")).to_have_text(NAMES[email])


def phase_badge(page):
    return page.locator("main h1 + p.meta .status")


def candidates_for(page, role):
    panel = page.locator("section.panel").filter(
        has=page.get_by_role("heading", name=role, exact=True)
    )
    return panel.locator("ul.candidate-list > li")


def refused_event_form(page):
    """The agenda's "new event" page, as someone who is not an officer sees it."""
    expect(page.locator("h1")).to_have_text("Anda tidak dapat membuka halaman ini")
    expect(page.locator("main .message-error")).to_have_text(
        "Hanya pengurus komunitas yang dapat memasang kegiatan di agenda komunitasnya."
    )
    expect(page.get_by_label(label("Judul"))).to_have_count(0)


# --- 1. The ketua opens the election ----------------------------------------------------


def luh_creates_the_election(luh, shot, demo_site, findings):
    sign_in_on(luh, LUH, "/komunitas/pemilihan/")
    expect(luh.locator("h1")).to_have_text("Pemilihan")
    shot("01-luh-elections")
    luh.get_by_role("link", name="Pemilihan baru untuk Komunitas e-UMKM Karangasem").click()
    expect(luh).to_have_url(f"{demo_site.url}/komunitas/pemilihan/baru/?komunitas={KARANGASEM}")
    expect(luh.locator("h1")).to_have_text("Pemilihan baru")
    expect(luh.locator("main .lead")).to_have_text("Komunitas e-UMKM Karangasem")
    expect(luh.locator("main")).to_contain_text(ZONE_PROMISE)

    # Luh reads her own clock, in Bali (WITA), as the form asks: "Times are in
    # your community's local time". Nominations open now, for three days;
    # voting the day after, from eight to five.
    now = timezone.now().astimezone(WITA).replace(second=0, microsecond=0, tzinfo=None)

    def days_later(days, hour):
        return datetime.datetime.combine(now.date() + datetime.timedelta(days), datetime.time(hour))

    nomination_opens = now - datetime.timedelta(minutes=1)
    nomination_closes = days_later(3, 17)
    voting_opens = days_later(4, 8)
    voting_closes = days_later(4, 17)

    luh.get_by_label(label("Judul")).fill(ELECTION_TITLE)
    luh.get_by_label(label("Cara pemilihan")).select_option(label="Suara terbanyak")
    luh.get_by_label(label("Pencalonan dibuka")).fill(local_input(nomination_opens))
    luh.get_by_label(label("Pencalonan ditutup")).fill(local_input(nomination_closes))
    luh.get_by_label(label("Pemungutan suara (atau musyawarah) dimulai")).fill(
        local_input(voting_opens)
    )
    luh.get_by_label(label("Pemungutan suara (atau musyawarah) berakhir")).fill(
        local_input(voting_closes)
    )
    expect(luh.get_by_label(label("Kuorum (% dari jumlah anggota)"))).to_have_value("50")
    # All four offices are ticked; this election fills the office of ketua only.
    offices = {"Ketua": True, "Wakil ketua": False, "Sekretaris": False, "Bendahara": False}
    for office, wanted in offices.items():
        box = luh.get_by_label(office, exact=True)
        expect(box).to_be_checked()
        box.set_checked(wanted)
    shot("02-luh-new-election-form")

    luh.get_by_role("button", name="Buat pemilihan").click()
    luh.wait_for_load_state()
    expect(luh.locator(".messages")).to_contain_text("Pemilihan sudah dibuat.")
    expect(luh.locator("h1")).to_have_text(ELECTION_TITLE)
    election = Election.objects.get(community__slug=KARANGASEM, title=ELECTION_TITLE)
    assert election.method == Election.Method.MAJORITY
    assert list(election.positions.values_list("role", flat=True)) == ["ketua"]
    expect(luh.locator("main h1 + p.meta")).to_contain_text("Komunitas e-UMKM Karangasem")
    expect(luh.locator("main h1 + p.meta")).to_contain_text("Suara terbanyak")
    facts = luh.locator("dl.facts dd")
    expect(facts.nth(0)).to_have_text(
        f"{as_shown(nomination_opens)} – {as_shown(nomination_closes)} WITA"
    )
    expect(facts.nth(1)).to_have_text(f"{as_shown(voting_opens)} – {as_shown(voting_closes)} WITA")
    expect(facts.nth(2)).to_have_text("50%")
    expect(luh.locator("main section.panel h3")).to_have_text(["Ketua"])
    shot("03-luh-election-created")

    # What Luh typed is a WITA time; the election must open at that moment.
    meant = nomination_opens.replace(tzinfo=WITA)
    if election.nomination_opens_at != meant or phase_badge(luh).inner_text() != (
        "Pencalonan dibuka"
    ):
        findings.add(
            "Election dates are read in the server's zone, not the community's: the form "
            f"says «{ZONE_PROMISE}», Luh typed the current time in Karangasem "
            f"({local_input(nomination_opens)} WITA) as the nomination opening, but it was "
            f"stored as {election.nomination_opens_at.astimezone(WITA):%Y-%m-%d %H:%M} WITA "
            f"({election.nomination_opens_at.astimezone(ZoneInfo('Asia/Jakarta')):%H:%M} "
            "WIB), so the election shows "
            f"«{phase_badge(luh).inner_text()}» instead of «Pencalonan dibuka» for an hour. "
            "The election pages also print these times with no zone (WIB/WITA/WIT)."
        )
        # Walk around it so the rest of the journey runs: simulates that hour passing.
        move_to(election, "nomination")
        luh.reload()
    expect(phase_badge(luh)).to_have_text("Pencalonan dibuka")
    expect(candidates_for(luh, "Ketua")).to_have_count(0)
    expect(luh.locator("main")).to_contain_text("Belum ada calon yang menerima pencalonan.")
    return election


# --- 2. Nominations --------------------------------------------------------------------


def kadek_is_not_an_officer_yet(kadek, shot_of):
    sign_in_on(kadek, KADEK, "/komunitas/agenda/baru/")
    refused_event_form(kadek)
    shot_of(kadek, "04-kadek-may-not-post-events-yet")
    assert not is_officer(person(KADEK), karangasem())


def wayan_nominates_kadek(wayan, shot_of, election):
    sign_in_on(wayan, WAYAN, f"/komunitas/pemilihan/{election.pk}/")
    expect(wayan.locator("h1")).to_have_text(ELECTION_TITLE)
    form = wayan.locator("section.panel", has=wayan.locator("#nominate-heading"))
    expect(form.locator("h2")).to_have_text("Calonkan anggota")
    form.get_by_label("Jabatan", exact=True).select_option(label="Ketua")
    member = form.get_by_label("Anggota", exact=True)
    expect(member).to_have_value("")  # nobody, until he chooses
    member.select_option(label=NAMES[KADEK])
    form.scroll_into_view_if_needed()
    shot_of(wayan, "05-wayan-nominates-kadek")
    form.get_by_role("button", name="Calonkan", exact=True).click()
    wayan.wait_for_load_state()
    expect(wayan.locator(".messages")).to_contain_text("Pencalonan sudah dicatat.")
    # Kadek has not accepted: she does not stand yet.
    expect(candidates_for(wayan, "Ketua")).to_have_count(0)
    shot_of(wayan, "06-wayan-nomination-recorded")


def kadek_accepts(kadek, shot_of, election, findings):
    kadek.goto("/komunitas/pemilihan/")
    card = kadek.locator("li.card").filter(has_text=ELECTION_TITLE)
    expect(card.locator(".status")).to_have_text("Pencalonan dibuka")
    card.get_by_role("link", name=ELECTION_TITLE).click()
    expect(kadek.locator("h1")).to_have_text(ELECTION_TITLE)
    invitation = kadek.locator("section.panel").filter(
        has=kadek.get_by_role("heading", name="Anda dicalonkan sebagai Ketua")
    )
    expect(invitation).to_have_count(1)
    shot_of(kadek, "07-kadek-sees-her-nomination")
    findings.check_page(kadek, "election detail (nominee)")

    invitation.get_by_label("Program kerja").fill(KADEK_PROGRAMME)
    shot_of(kadek, "08-kadek-writes-programme")
    invitation.get_by_role("button", name="Terima dan maju sebagai calon").click()
    kadek.wait_for_load_state()
    expect(kadek.locator(".messages")).to_contain_text("Jawaban Anda sudah dicatat.")
    expect(kadek.get_by_role("heading", name="Anda dicalonkan sebagai Ketua")).to_have_count(0)
    standing = candidates_for(kadek, "Ketua")
    expect(standing).to_have_count(1)
    expect(standing.locator("strong")).to_have_text(NAMES[KADEK])
    expect(standing).to_contain_text(f"Program kerja: {KADEK_PROGRAMME}")
    shot_of(kadek, "09-kadek-stands")


def ayu_nominates_herself(ayu, shot_of, election):
    sign_in_on(ayu, AYU, f"/komunitas/pemilihan/{election.pk}/")
    form = ayu.locator("section.panel", has=ayu.locator("#nominate-heading"))
    form.get_by_label("Jabatan", exact=True).select_option(label="Ketua")
    # The picker starts empty, so nobody nominates themself by accident.
    expect(form.get_by_label("Anggota", exact=True)).to_have_value("")
    form.get_by_label("Anggota", exact=True).select_option(str(person(AYU).pk))
    form.get_by_label("Pernyataan singkat (jika mencalonkan diri sendiri)").fill(AYU_STATEMENT)
    form.scroll_into_view_if_needed()
    shot_of(ayu, "10-ayu-nominates-herself")
    form.get_by_role("button", name="Calonkan", exact=True).click()
    ayu.wait_for_load_state()
    expect(ayu.locator(".messages")).to_contain_text("Pencalonan sudah dicatat.")
    # A self-nomination stands at once, next to Kadek.
    standing = candidates_for(ayu, "Ketua")
    expect(standing.locator("strong")).to_have_text([NAMES[KADEK], NAMES[AYU]])
    expect(standing.nth(1)).to_contain_text(AYU_STATEMENT)
    shot_of(ayu, "11-two-candidates")


# --- 3. Voting --------------------------------------------------------------------------


def open_ballot(voter, shot_of, election, step):
    voter.goto(f"/komunitas/pemilihan/{election.pk}/")
    expect(phase_badge(voter)).to_have_text("Pemungutan suara dibuka")
    voter.get_by_role("link", name="Berikan suara sekarang").click()
    expect(voter).to_have_url(re.compile(rf"/komunitas/pemilihan/{election.pk}/suara/$"))
    expect(voter.locator("h1")).to_have_text("Surat suara Anda")
    position = voter.locator("fieldset.question").filter(
        has=voter.locator("legend", has_text="Ketua")
    )
    expect(position.locator("label.choice")).to_have_text(
        [NAMES[KADEK], NAMES[AYU], "Tidak memilih (abstain)"]
    )
    # Nobody chooses by accident: abstaining is preselected.
    expect(position.get_by_label("Tidak memilih (abstain)")).to_be_checked()
    shot_of(voter, f"{step}-ballot")
    return position


def vote(voter, shot_of, election, choice, step, findings=None):
    position = open_ballot(voter, shot_of, election, step)
    if findings is not None:
        findings.check_page(voter, "ballot")
    position.get_by_label(NAMES[choice], exact=True).check()
    voter.get_by_role("button", name="Kirim suara saya").click()
    voter.wait_for_load_state()
    done = voter.locator(".message-success")
    expect(done).to_contain_text("Suara Anda sudah tercatat.")
    expect(done).to_contain_text(
        "Kode tanda terima Anda (catat baik-baik; kode ini hanya ditampilkan satu kali):"
    )
    receipt = done.locator(".receipt").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", receipt), receipt
    # The receipt does not say whom the vote went to.
    expect(done).not_to_contain_text(NAMES[KADEK])
    expect(done).not_to_contain_text(NAMES[AYU])
    shot_of(voter, f"{step}-receipt")

    # Shown once: the ballot page, opened again, no longer has it; the
    # election page thanks the voter instead of asking again.
    voter.get_by_role("link", name="Kembali ke pemilihan").click()
    expect(voter.locator("main")).to_contain_text("Anda sudah memberikan suara. Terima kasih!")
    expect(voter.get_by_role("link", name="Berikan suara sekarang")).to_have_count(0)
    voter.goto(f"/komunitas/pemilihan/{election.pk}/suara/")
    again = voter.locator("fieldset.question").filter(has=voter.locator("legend", has_text="Ketua"))
    expect(again).to_contain_text("✓ Anda sudah memberikan suara untuk jabatan ini.")
    expect(again.locator("input[type=radio]")).to_have_count(0)
    expect(voter.locator("main")).not_to_contain_text(receipt)
    return receipt


def komang_votes_twice(komang, shot_of, election):
    """Komang votes, then submits the ballot he had left open in a second tab."""
    sign_in_on(komang, KOMANG, f"/komunitas/pemilihan/{election.pk}/")
    second_tab = komang.context.new_page()
    second_tab.goto(f"/komunitas/pemilihan/{election.pk}/suara/")
    expect(second_tab.locator("h1")).to_have_text("Surat suara Anda")

    receipt = vote(komang, shot_of, election, KADEK, "12-komang")
    position = election.positions.get()
    assert Ballot.objects.filter(position=position).count() == 1

    second_tab.get_by_label(NAMES[AYU], exact=True).check()
    second_tab.get_by_role("button", name="Kirim suara saya").click()
    second_tab.wait_for_load_state()
    expect(second_tab.get_by_role("alert")).to_have_text(
        "Anda sudah memberikan suara untuk jabatan ini."
    )
    expect(second_tab.locator(".receipt")).to_have_count(0)
    shot_of(second_tab, "13-komang-second-vote-refused")
    second_tab.close()
    # Nothing changed: still his one ballot and his one "has voted".
    assert Ballot.objects.filter(position=position).count() == 1
    assert Participation.objects.filter(position=position).count() == 1
    return receipt


def luh_cannot_see_results_yet(luh, shot, demo_site, election):
    luh.goto(f"/komunitas/pemilihan/{election.pk}/hasil/")
    expect(luh).to_have_url(f"{demo_site.url}/komunitas/pemilihan/{election.pk}/")
    expect(luh.locator(".messages")).to_have_text("Hasil diumumkan setelah pemilihan ditutup.")
    expect(luh.locator("main table")).to_have_count(0)
    expect(luh.get_by_role("link", name="Lihat hasilnya")).to_have_count(0)
    # The ketua runs the election but does not vote here, and cannot close it early.
    expect(luh.get_by_role("button", name="Tutup pemilihan dan umumkan hasilnya")).to_have_count(0)
    shot("16-luh-no-results-before-close")


# --- 4. Closing and installation ---------------------------------------------------------


def luh_closes_and_installs(luh, shot, election, electorate):
    luh.goto(f"/komunitas/pemilihan/{election.pk}/")
    expect(phase_badge(luh)).to_have_text("Pemungutan suara selesai; menunggu pemilihan ditutup")
    expect(luh.get_by_role("link", name="Berikan suara sekarang")).to_have_count(0)
    shot("17-luh-voting-ended")
    luh.get_by_role("button", name="Tutup pemilihan dan umumkan hasilnya").click()
    luh.wait_for_load_state()
    expect(luh).to_have_url(re.compile(rf"/komunitas/pemilihan/{election.pk}/hasil/$"))
    expect(luh.locator(".messages")).to_contain_text(
        "Pemilihan sudah ditutup dan hasilnya sudah diumumkan."
    )
    expect(luh.locator("h1")).to_have_text("Hasil")
    turnout = 3 * 100 // electorate
    main = luh.locator("main")
    expect(main).to_contain_text(f"Partisipasi: 3 dari {electorate} anggota ({turnout}%).")
    expect(main.locator(".status")).to_have_text("Kuorum terpenuhi.")
    panel = main.locator("section.panel").filter(has=luh.get_by_role("heading", name="Ketua"))
    expect(panel.locator("thead th")).to_have_text(["Calon", "Suara"])
    expect(panel.locator("tbody tr")).to_have_count(2)
    expect(panel.locator("tbody tr").nth(0).locator("td")).to_have_text([NAMES[KADEK], "2"])
    expect(panel.locator("tbody tr").nth(1).locator("td")).to_have_text([NAMES[AYU], "1"])
    expect(panel).to_contain_text(f"Terpilih: {NAMES[KADEK]}")
    voters = main.locator("ul.columns li")
    expect(voters).to_have_count(electorate)
    expect(voters).to_contain_text([NAMES[KADEK]])
    shot("18-luh-results")

    luh.get_by_role("button", name="Lantik pengurus baru").click()
    luh.wait_for_load_state()
    expect(luh.locator(".messages")).to_contain_text("Pengurus baru sudah dilantik.")
    with translation.override("id"):
        today = dateformat.format(timezone.localdate(), "j F Y")
    expect(main.locator(".message-success").last).to_have_text(f"Pengurus dilantik pada {today}.")
    expect(luh.get_by_role("button", name="Lantik pengurus baru")).to_have_count(0)
    shot("19-luh-board-installed")


def kadek_is_ketua_now(kadek, luh, shot, shot_of, demo_site, findings):
    community = karangasem()
    kadek_user, luh_user = person(KADEK), person(LUH)
    assert is_officer(kadek_user, community)
    term = OfficerTerm.objects.current().get(community=community, role=OfficerTerm.Role.CHAIR)
    assert term.user == kadek_user
    assert term.source == OfficerTerm.Source.ELECTION
    assert term.election.title == ELECTION_TITLE
    # Luh held no other office: her rights end with her term, nobody touched a group.
    assert not is_officer(luh_user, community)
    # The offices this election did not fill stay with their holders.
    holders = dict(
        OfficerTerm.objects.current().filter(community=community).values_list("role", "user__email")
    )
    assert holders == {"ketua": KADEK, "wakil_ketua": AYU, "sekretaris": WAYAN, "bendahara": KOMANG}

    kadek.goto("/komunitas/agenda/baru/")
    expect(kadek.locator("h1")).to_have_text("Kegiatan baru")
    expect(kadek.locator("main p.meta")).to_have_text("Komunitas e-UMKM Karangasem")
    shot_of(kadek, "20-kadek-may-post-events")

    luh.goto("/komunitas/agenda/baru/")
    refused_event_form(luh)
    shot("21-luh-may-no-longer-post-events")
    luh.goto(f"/komunitas/pemilihan/{term.election_id}/hasil/")
    expect(luh.locator("h1")).to_have_text("Hasil")
    findings.check_page(luh, "results")


# --- 5. A receipt checked by anyone ------------------------------------------------------


def visitor_checks_the_receipt(visitor, shot_of, demo_site, receipt):
    visitor.goto("/komunitas/pemilihan/tanda-terima/")
    expect(visitor.locator("h1")).to_have_text("Periksa kode tanda terima suara")
    visitor.get_by_label("Kode tanda terima").fill(receipt)
    visitor.get_by_role("button", name="Periksa", exact=True).click()
    visitor.wait_for_load_state()
    expect(visitor.get_by_role("status")).to_have_text(
        "Surat suara dengan kode ini sudah dihitung untuk 1 jabatan."
    )
    expect(visitor.locator("main ul li")).to_have_text([f"{ELECTION_TITLE} — Ketua"])
    for name in (NAMES[KADEK], NAMES[AYU], NAMES[KOMANG]):
        expect(visitor.locator("main")).not_to_contain_text(name)
    shot_of(visitor, "22-visitor-receipt-counted")

    visitor.get_by_label("Kode tanda terima").fill("AAAA-BBBB-CCCC")
    visitor.get_by_role("button", name="Periksa", exact=True).click()
    expect(visitor.get_by_role("alert")).to_have_text(
        "Tidak ada surat suara terhitung dengan kode ini, atau hasilnya belum diumumkan."
    )
    shot_of(visitor, "23-visitor-receipt-unknown")


# --- 6. The audit log --------------------------------------------------------------------


def komang_audits(komang, shot_of, election, findings):
    komang.goto(f"/komunitas/pemilihan/{election.pk}/")
    komang.get_by_role("link", name="Catatan audit pemilihan ini").click()
    expect(komang.locator("h1")).to_have_text("Catatan audit")
    rows = komang.locator("main table tbody tr")
    expect(komang.locator("main table thead th")).to_have_text(
        ["Waktu (WITA)", "Uraian", "Pelaksana"]
    )
    votes = rows.filter(has_text="Suara diberikan")
    expect(votes).to_have_count(3)
    # Who voted, for which office; never for whom.
    expect(votes.locator("td:nth-child(2)")).to_have_text(["Suara diberikan — Ketua"] * 3)
    voters = sorted(votes.locator("td:nth-child(3)").all_inner_texts())
    assert voters == sorted([NAMES[KOMANG], NAMES[WAYAN], NAMES[AYU]])
    assert len(set(voters)) == len(voters), "someone voted twice for the same office"
    for action in (
        "Pemilihan dibuat",
        "Pencalonan diterima",
        "Ditutup dan hasil diumumkan",
        "Pengurus dilantik",
    ):
        expect(rows.filter(has_text=action)).not_to_have_count(0)
    shot_of(komang, "24-komang-audit-log")
    findings.check_page(komang, "audit log")

    # The same from the database: one "has voted" per member and office,
    # enforced by a unique constraint, and as many ballots as participations.
    position = election.positions.get()
    per_member = Participation.objects.filter(position__election=election).values(
        "position", "user"
    )
    assert all(row["n"] == 1 for row in per_member.annotate(n=Count("pk")))
    assert per_member.count() == 3
    assert Ballot.objects.filter(position=position).count() == 3
    assert any(
        set(constraint.fields) == {"position", "user"}
        for constraint in Participation._meta.constraints
    )
    logged = AuditEntry.objects.filter(election=election, action=AuditEntry.Action.VOTE_CAST)
    assert sorted(logged.values_list("actor__email", flat=True)) == sorted([AYU, KOMANG, WAYAN])
    assert set(logged.values_list("detail", flat=True)) == {"Ketua"}


# --- 7. The new ketua posts an event --------------------------------------------------------


def kadek_posts_an_event(kadek, shot_of, demo_site):
    kadek.goto("/komunitas/agenda/")
    kadek.get_by_role("link", name="Kegiatan baru").click()
    expect(kadek.locator("h1")).to_have_text("Kegiatan baru")
    day = timezone.now().astimezone(WITA).date() + datetime.timedelta(days=5)
    kadek.get_by_label(label("Judul")).fill(EVENT_TITLE)
    expect(kadek.get_by_label(label("Jenis kegiatan"))).to_have_value(Event.Kind.MEETING)
    kadek.get_by_label(label("Mulai")).fill(f"{day:%Y-%m-%d}T09:00")
    kadek.get_by_label(label("Selesai")).fill(f"{day:%Y-%m-%d}T12:00")
    # Karangasem is in Bali: WITA, chosen for her.
    expect(kadek.get_by_label(label("Zona waktu"))).to_have_value("Asia/Makassar")
    kadek.get_by_label(label("Tempat")).fill(EVENT_PLACE)
    kadek.get_by_label(label("Deskripsi")).fill(EVENT_DESCRIPTION)
    kadek.get_by_label(label("Kuota peserta")).fill("30")
    shot_of(kadek, "25-kadek-new-event")
    kadek.get_by_role("button", name="Simpan sebagai draf").click()
    kadek.wait_for_load_state()
    expect(kadek.locator(".messages")).to_contain_text(
        "Kegiatan disimpan sebagai draf. Terbitkan jika sudah siap."
    )
    expect(kadek.locator("h1")).to_have_text(EVENT_TITLE)
    expect(kadek.locator(".event-flag")).to_have_text("Draf")
    event = Event.objects.get(title=EVENT_TITLE)
    assert event.community.slug == KARANGASEM and not event.is_published
    with translation.override("id"):
        schedule = event.schedule
    assert schedule.endswith("09.00–12.00 WITA"), schedule
    expect(kadek.locator(".event-when")).to_have_text(schedule)
    shot_of(kadek, "26-kadek-event-draft")

    mail.outbox.clear()
    kadek.get_by_role("button", name="Terbitkan dan beri tahu anggota").click()
    kadek.wait_for_load_state()
    expect(kadek.locator(".messages")).to_contain_text(
        "Kegiatan sudah diterbitkan dan anggota sudah diberi tahu."
    )
    expect(kadek.locator(".event-flag")).to_have_text("Khusus anggota")
    expect(kadek.get_by_role("button", name="Terbitkan dan beri tahu anggota")).to_have_count(0)
    shot_of(kadek, "27-kadek-event-published")
    told = sorted(address for message in mail.outbox for address in message.to)
    assert told == sorted([LUH, WAYAN, KOMANG, AYU]), told
    assert {message.subject for message in mail.outbox} == {f"Kegiatan baru: {EVENT_TITLE}"}
    return event, schedule


def member_says_yes(member, shot_of, event, step):
    member.goto("/komunitas/agenda/")
    card = member.locator("li.event-card").filter(has_text=EVENT_TITLE)
    expect(card).to_have_count(1)
    card.get_by_role("link", name=EVENT_TITLE).click()
    expect(member.locator("h1")).to_have_text(EVENT_TITLE)
    member.get_by_role("button", name="Ya, saya akan hadir").click()
    member.wait_for_load_state()
    expect(member.locator(".messages")).to_contain_text(
        "Terima kasih! Anda sudah masuk daftar peserta yang akan hadir."
    )
    expect(member.locator("section:has(#rsvp-title) .message-success")).to_have_text(
        "Anda sudah menyatakan akan hadir."
    )
    expect(member.get_by_role("button", name="Ya, saya akan hadir")).to_have_attribute(
        "aria-pressed", "true"
    )
    shot_of(member, f"{step}-rsvp")


def kadek_sees_answers_and_downloads_the_ics(kadek, shot_of, event, schedule, findings):
    kadek.goto(f"/komunitas/agenda/{event.pk}/")
    answers = kadek.locator("dl.facts dd").filter(has_text="hadir")
    expect(answers).to_contain_text("2 hadir · 0 tidak hadir")
    expect(answers).to_contain_text("Kuota 30")
    expect(kadek.locator("ul.attendee-list li")).to_have_count(2)
    expect(kadek.locator("ul.attendee-list")).to_contain_text(NAMES[WAYAN])
    expect(kadek.locator("ul.attendee-list")).to_contain_text(NAMES[KOMANG])
    shot_of(kadek, "30-kadek-sees-two-attending")
    findings.check_page(kadek, "event detail (officer)")

    link = kadek.get_by_role("link", name="Tambahkan ke kalender saya")
    href = link.get_attribute("href")
    assert href == f"/komunitas/agenda/{event.pk}/ical/"
    response = kadek.request.get(href)
    assert response.ok, response.status
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.body())
    entries = calendar.walk("VEVENT")
    assert len(entries) == 1
    entry = entries[0]
    assert str(entry["SUMMARY"]) == EVENT_TITLE
    assert entry.decoded("DTSTART") == event.starts_at
    assert entry.decoded("DTEND") == event.ends_at
    assert entry.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=8)  # WITA
    assert EVENT_PLACE in str(entry["LOCATION"])


# --- 8. Minutes -------------------------------------------------------------------------


def the_meeting_takes_place(event):
    """Simulates the days passing until the meeting was held this morning."""
    now = timezone.now()
    Event.objects.filter(pk=event.pk).update(
        starts_at=now - datetime.timedelta(hours=3), ends_at=now - datetime.timedelta(hours=1)
    )
    event.refresh_from_db()


def wayan_records_attendance(wayan, shot_of, event):
    wayan.goto(f"/komunitas/agenda/{event.pk}/")
    expect(wayan.locator("main")).to_contain_text(
        "Kegiatan ini sudah dimulai, jadi konfirmasi kehadiran sudah ditutup."
    )
    form = wayan.locator("form.attendance-form")
    expect(form.locator("label.choice")).to_have_count(
        Membership.objects.active().filter(community__slug=KARANGASEM).count()
    )
    came = [WAYAN, KOMANG, KADEK]  # Kadek came without answering: she called it
    for email in came:
        form.locator("label.choice").filter(has_text=NAMES[email]).locator("input").check()
    form.scroll_into_view_if_needed()
    shot_of(wayan, "31-wayan-records-attendance")
    form.get_by_role("button", name="Simpan kehadiran").click()
    wayan.wait_for_load_state()
    expect(wayan.locator(".messages")).to_contain_text(
        "Kehadiran sudah disimpan: 3 anggota datang."
    )
    attended = Rsvp.objects.filter(event=event, attended=True)
    assert sorted(attended.values_list("user__email", flat=True)) == sorted(came)


def wayan_writes_minutes(wayan, shot_of, demo_site, event):
    wayan.goto("/komunitas/notulen/")
    expect(wayan.locator("h1")).to_have_text("Notulen rapat")
    wayan.get_by_role("link", name="Tulis notulen").click()
    expect(wayan.locator("h1")).to_have_text("Tulis notulen")
    wayan.get_by_label("Mulai dari kegiatan di agenda").select_option(str(event.pk))
    wayan.get_by_role("button", name="Isi dari kegiatan ini").click()
    expect(wayan).to_have_url(f"{demo_site.url}/komunitas/notulen/baru/?acara={event.pk}")

    form = wayan.locator("form.minutes-form")
    expect(form.get_by_label(label("Judul"))).to_have_value(f"Notulen: {EVENT_TITLE}")
    expect(form.get_by_label(label("Tempat"))).to_have_value(EVENT_PLACE)
    expect(form.get_by_label(label("Kegiatan di agenda"))).to_have_value(str(event.pk))
    # The attendees are those the attendance names, ticked for him.
    for email in NAMES:
        box = form.get_by_label(NAMES[email], exact=True)
        if not box.count():
            continue  # another community's member
        if email in (WAYAN, KOMANG, KADEK):
            expect(box).to_be_checked()
        else:
            expect(box).not_to_be_checked()
    shot_of(wayan, "32-wayan-minutes-prefilled")

    form.get_by_label(label("Dipimpin oleh")).select_option(label=NAMES[KADEK])
    form.get_by_label(label("Notulis")).select_option(label=NAMES[WAYAN])
    form.get_by_label(label("Agenda")).fill(MINUTES_AGENDA)
    form.get_by_label(label("Pembahasan")).fill(MINUTES_DISCUSSION)
    form.get_by_label(label("Keputusan")).fill(MINUTES_DECISION)
    first = form.locator(".minutes-action-row").first
    first.get_by_label(label("Uraian")).fill(MINUTES_ACTION)
    first.get_by_label(label("Pelaksana")).select_option(label=NAMES[KOMANG])
    due = timezone.localdate() + datetime.timedelta(days=14)
    first.get_by_label(label("Batas waktu")).fill(f"{due:%Y-%m-%d}")
    shot_of(wayan, "33-wayan-minutes-written")
    form.get_by_role("button", name="Simpan sebagai draf").click()
    wayan.wait_for_load_state()
    expect(wayan.locator(".messages")).to_contain_text(
        "Notulen disimpan sebagai draf. Terbitkan jika sudah siap."
    )
    expect(wayan.locator("h1")).to_have_text(f"Notulen: {EVENT_TITLE}")
    expect(wayan.locator("main .message-info")).to_have_text(
        "Ini masih draf: hanya pengurus komunitas yang dapat membacanya."
    )
    minutes = Minutes.objects.get(title=f"Notulen: {EVENT_TITLE}")
    assert minutes.status == Minutes.Status.DRAFT
    assert minutes.event == event
    shot_of(wayan, "34-wayan-minutes-draft")

    wayan.get_by_role("button", name="Terbitkan untuk anggota").click()
    wayan.wait_for_load_state()
    expect(wayan.locator(".messages")).to_contain_text(
        "Notulen sudah diterbitkan untuk anggota komunitas."
    )
    expect(wayan.locator(".minutes-flag")).to_have_text("Diterbitkan untuk anggota")
    shot_of(wayan, "35-wayan-minutes-published")
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.MEMBERS
    return minutes


def ayu_reads_the_minutes(ayu, shot_of, minutes, findings):
    ayu.goto("/")
    ayu.locator("header .notification-link").click()
    expect(ayu.locator("h1")).to_have_text("Notifikasi")
    note = ayu.locator(".notification-list li").filter(has_text=minutes.title)
    expect(note).to_contain_text(f"Notulen baru di Komunitas e-UMKM Karangasem: {minutes.title}.")
    shot_of(ayu, "36-ayu-notified")
    note.get_by_role("link").click()
    expect(ayu).to_have_url(re.compile(rf"/komunitas/notulen/{minutes.pk}/$"))
    expect(ayu.locator("h1")).to_have_text(minutes.title)
    main = ayu.locator("main")
    expect(ayu.locator(".minutes-flag")).to_have_text("Diterbitkan untuk anggota")
    expect(main.locator(".minutes-confirmation")).to_have_text(
        "Belum disahkan oleh pimpinan rapat."
    )
    facts = main.locator("dl.facts")
    expect(facts).to_contain_text(NAMES[KADEK])  # chaired by
    expect(facts).to_contain_text(NAMES[WAYAN])  # minutes taken by
    expect(facts).to_contain_text("3 anggota")
    expect(facts.get_by_role("link", name=EVENT_TITLE)).to_have_count(1)
    expect(main).to_contain_text(MINUTES_DECISION)
    expect(main).to_contain_text(MINUTES_DISCUSSION)
    expect(main.locator("ul.action-list li")).to_contain_text([MINUTES_ACTION])
    expect(main.locator("ul.action-list li")).to_contain_text([NAMES[KOMANG]])
    expect(main.locator("ul.attendee-list li")).to_have_count(3)
    shot_of(ayu, "37-ayu-reads-minutes")
    findings.check_page(ayu, "minutes detail")


def luh_reads_them_as_a_plain_member(luh, shot, minutes):
    """Luh holds no office any more: she reads the minutes, and may not change them."""
    luh.goto("/komunitas/notulen/")
    expect(luh.get_by_role("link", name="Tulis notulen")).to_have_count(0)
    luh.get_by_role("link", name=minutes.title).click()
    expect(luh.locator("h1")).to_have_text(minutes.title)
    expect(luh.locator("main")).to_contain_text(MINUTES_DECISION)
    expect(luh.locator("#officer-title")).to_have_count(0)
    expect(luh.get_by_role("button", name="Saya mengesahkan notulen ini")).to_have_count(0)
    shot("38-luh-reads-minutes")
    luh.goto(f"/komunitas/notulen/{minutes.pk}/ubah/")
    expect(luh.locator("main .message-error")).to_have_text(
        "Hanya pengurus komunitas ini yang dapat menulis atau mengubah notulennya."
    )


# --- The journey ------------------------------------------------------------------------


def test_members_elect_a_ketua_who_posts_an_event_and_gets_minutes_written(
    demo_site, page, shot, shot_of, another_phone
):
    findings = Findings()
    luh = page
    electorate = Membership.objects.active().filter(community__slug=KARANGASEM).count()
    assert electorate == 5, "the demo community changed; the counts below assume five members"
    assert is_officer(person(LUH), karangasem())

    # 1. The ketua opens an election for the office of ketua, nominations open now.
    election = luh_creates_the_election(luh, shot, demo_site, findings)
    findings.check_page(luh, "election detail (ketua)")

    # 2. Wayan nominates Kadek, who accepts; Ayu nominates herself.
    kadek = another_phone()
    kadek_is_not_an_officer_yet(kadek, shot_of)
    wayan = another_phone()
    wayan_nominates_kadek(wayan, shot_of, election)
    kadek_accepts(kadek, shot_of, election, findings)
    ayu = another_phone()
    ayu_nominates_herself(ayu, shot_of, election)

    # 3. Simulates the days passing until the voting window is open.
    move_to(election, "voting")
    komang = another_phone()
    komang_receipt = komang_votes_twice(komang, shot_of, election)
    vote(wayan, shot_of, election, KADEK, "14-wayan")
    vote(ayu, shot_of, election, AYU, "15-ayu", findings)
    assert EligibleVoter.objects.filter(election=election).count() == electorate
    luh_cannot_see_results_yet(luh, shot, demo_site, election)

    # 4. Simulates the voting window closing.
    move_to(election, "counting")
    luh_closes_and_installs(luh, shot, election, electorate)
    kadek_is_ketua_now(kadek, luh, shot, shot_of, demo_site, findings)

    # 5. Anyone holding a receipt checks it was counted.
    visitor_checks_the_receipt(another_phone(), shot_of, demo_site, komang_receipt)

    # 6. A member audits the election.
    komang_audits(komang, shot_of, election, findings)

    # 7. The new ketua posts an event; members say they will come.
    event, schedule = kadek_posts_an_event(kadek, shot_of, demo_site)
    member_says_yes(wayan, shot_of, event, "28-wayan")
    member_says_yes(komang, shot_of, event, "29-komang")
    kadek_sees_answers_and_downloads_the_ics(kadek, shot_of, event, schedule, findings)

    # 8. After the meeting the sekretaris writes the minutes; a member reads them.
    the_meeting_takes_place(event)
    wayan_records_attendance(wayan, shot_of, event)
    minutes = wayan_writes_minutes(wayan, shot_of, demo_site, event)
    ayu_reads_the_minutes(ayu, shot_of, minutes, findings)
    luh_reads_them_as_a_plain_member(luh, shot, minutes)

    # 9. axe and the phone's width, on every kind of page above.
    assert not findings.problems, "\n\n".join(findings.problems)
