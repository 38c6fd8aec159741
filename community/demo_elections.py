"""Demo elections: Karangasem's finished and installed election, and Bekasi's
first election, now in its nomination phase. Written as history (past dates),
so the records are created directly rather than through `elections.py`,
whose rules check the clock; the shapes are the same. Safe to run again.
"""

import datetime
import secrets
from datetime import date

from django.contrib.auth import get_user_model
from django.utils import timezone

from . import elections
from .models import (
    AuditEntry,
    Ballot,
    Community,
    Election,
    EligibleVoter,
    Nomination,
    OfficerTerm,
    Participation,
    Position,
)

KARANGASEM = "karangasem"
BEKASI = "bekasi"

LUH = "luh.sukerti@contoh.id"
WAYAN = "wayan.sudarsana@contoh.id"
KOMANG = "komang.arta@contoh.id"
KADEK = "kadek.lestari@contoh.id"
AYU = "ayu.wulandari@contoh.id"

FINISHED = {
    "title": "Pemilihan Pengurus Periode 2026–2029",
    "nomination": (date(2026, 2, 2), date(2026, 2, 14)),
    "voting": (date(2026, 2, 20), date(2026, 2, 22)),
    "installed_on": date(2026, 3, 1),
    "candidates": {
        "ketua": [
            (LUH, "Melanjutkan kelas foto produk dan membuka lapak bersama di marketplace.", 3),
            (KADEK, "Mengajak lebih banyak penenun muda bergabung dan belajar toko online.", 2),
        ],
        "wakil_ketua": [(AYU, "Menjadi penghubung anggota yang tinggal di Denpasar.", 4)],
        "sekretaris": [(WAYAN, "Notulen rapi dan terbit paling lambat tiga hari.", 5)],
        "bendahara": [(KOMANG, "Laporan kas bulanan yang bisa dibaca semua anggota.", 5)],
    },
}


def at(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def community(slug_part):
    return Community.objects.filter(slug__contains=slug_part).order_by("pk").first()


def person(email):
    return get_user_model().objects.get(email__iexact=email)


def agreement_pdf(election):
    """A one-page stand-in for the signed surat kesepakatan, as a PDF."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image, ImageDraw
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    lines = [
        "SURAT KESEPAKATAN PENGURUS",
        election.community.name.upper(),
        "",
        "Kami yang bertanda tangan di bawah ini, pengurus terpilih periode 2026-2029,",
        "bersepakat menjalankan program kerja komunitas secara terbuka dan",
        "bertanggung jawab kepada seluruh anggota.",
        "",
        "Ketua: Ni Luh Putu Sukerti        Wakil Ketua: Gusti Ayu Made Wulandari",
        "Sekretaris: I Wayan Sudarsana     Bendahara: I Komang Arta Wijaya",
        "",
        "Mengetahui, Dinas Koperasi dan UMKM Kabupaten Karangasem",
        "(dokumen contoh untuk situs demo)",
    ]
    for number, line in enumerate(lines):
        draw.text((120, 160 + number * 48), line, fill="black")
    buffer = io.BytesIO()
    page.save(buffer, format="PDF")
    document = get_document_model()(
        title=f"Surat kesepakatan pengurus — {election.community.name}",
        file=ContentFile(buffer.getvalue(), name="surat-kesepakatan-karangasem.pdf"),
        collection=Collection.get_first_root_node(),
    )
    document._set_document_file_metadata()
    document.save()
    return document


def load_finished(admin):
    home = community(KARANGASEM)
    if home is None:
        return None
    election, created = Election.objects.get_or_create(
        community=home,
        title=FINISHED["title"],
        defaults={
            "method": Election.Method.MAJORITY,
            "nomination_opens_at": at(FINISHED["nomination"][0]),
            "nomination_closes_at": at(FINISHED["nomination"][1], 17),
            "voting_opens_at": at(FINISHED["voting"][0]),
            "voting_closes_at": at(FINISHED["voting"][1], 17),
            "created_by": person(LUH),
            "created_at": at(date(2026, 1, 26)),
            "electorate_frozen_at": at(FINISHED["voting"][0]),
            "closed_at": at(FINISHED["voting"][1], 18),
            "installed_at": at(FINISHED["installed_on"], 10),
        },
    )
    if election.agreement_document is None:
        election.agreement_document = agreement_pdf(election)
        election.save(update_fields=["agreement_document"])
        home.agreement_document = election.agreement_document
        home.save(update_fields=["agreement_document"])
    if not created:
        return election
    voters = [person(email) for email in (LUH, WAYAN, KOMANG, KADEK, AYU)]
    EligibleVoter.objects.bulk_create([EligibleVoter(election=election, user=v) for v in voters])
    AuditEntry.objects.create(
        election=election,
        action=AuditEntry.Action.CREATED,
        actor=person(LUH),
        detail=election.title,
        at=election.created_at,
    )
    for order, (role, standing) in enumerate(FINISHED["candidates"].items()):
        position = Position.objects.create(election=election, role=role, order=order)
        votes_cast = 0
        for email, programme, votes in standing:
            nominee = person(email)
            nomination = Nomination.objects.create(
                position=position,
                nominee=nominee,
                nominated_by=nominee,
                programme=programme,
                created_at=at(FINISHED["nomination"][0], 10),
                accepted_at=at(FINISHED["nomination"][0], 10),
            )
            AuditEntry.objects.create(
                election=election,
                action=AuditEntry.Action.NOMINATED,
                actor=nominee,
                detail=f"{nominee.full_name} — {position.get_role_display()}",
                at=nomination.created_at,
            )
            for _vote in range(votes):
                Ballot.objects.create(
                    position=position,
                    choice=nomination,
                    receipt_hash=elections.receipt_hash(secrets.token_hex(8), position),
                )
            votes_cast += votes
        # Who voted (never for whom): the first `votes_cast` members.
        for voter in voters[:votes_cast]:
            Participation.objects.create(
                position=position, user=voter, voted_on=FINISHED["voting"][0]
            )
            AuditEntry.objects.create(
                election=election,
                action=AuditEntry.Action.VOTE_CAST,
                actor=voter,
                detail=position.get_role_display(),
                at=at(FINISHED["voting"][0], 12),
            )
    AuditEntry.objects.create(
        election=election,
        action=AuditEntry.Action.CLOSED,
        actor=person(LUH),
        detail="5/5",
        at=election.closed_at,
    )
    start = FINISHED["installed_on"]
    for result in elections.tally(election).positions:
        OfficerTerm.objects.create(
            community=home,
            user=result.winner,
            role=result.position.role,
            starts_on=start,
            ends_on=start.replace(year=start.year + 3) - datetime.timedelta(days=1),
            source=OfficerTerm.Source.ELECTION,
            election=election,
            recorded_by=admin,
        )
    AuditEntry.objects.create(
        election=election,
        action=AuditEntry.Action.INSTALLED,
        actor=person(LUH),
        detail="4",
        at=election.installed_at,
    )
    return election


def load_open(admin):
    """Bekasi has no board yet: the administrator runs its first election."""
    home = community(BEKASI)
    if home is None:
        return None
    title = "Pemilihan Pengurus Pertama Komunitas e-UMKM Bekasi"
    existing = Election.objects.filter(community=home, title=title).first()
    if existing:
        return existing
    now = timezone.now()
    election = elections.create_election(
        admin,
        home,
        title=title,
        method=Election.Method.MAJORITY,
        windows=(
            now - datetime.timedelta(days=2),
            now + datetime.timedelta(days=10),
            now + datetime.timedelta(days=12),
            now + datetime.timedelta(days=14),
        ),
    )
    siti = get_user_model().objects.filter(email__iexact="siti.rohmah@contoh.id").first()
    if siti is not None:
        ketua = election.positions.get(role="ketua")
        elections.nominate(
            siti,
            ketua,
            siti,
            statement="Saya ingin komunitas ini punya jadwal belajar bersama tiap bulan.",
            programme="Kelas foto produk bergilir di rumah anggota; lapak bersama saat bazar.",
        )
    return election


def load_elections(admin):
    return load_finished(admin), load_open(admin)
