"""Demo minutes for Komunitas e-UMKM Karangasem, loaded by `load_demo_data`.

Published, confirmed minutes of the members' meeting that agreed on a shared
marketplace stall and a product photography class, and a board meeting's
draft that the secretary is still writing. Written as history, so the rows
are created directly rather than through `minutes.py` (whose rules would
file a version for every rerun); the shapes are the same. Each set of
minutes is found again by its community and title, so a rerun updates it in
place. When the demo agenda is loaded, the members' meeting is linked to its
event and takes its day and attendance from it.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from pusat.home.demo import KARANGASEM

from . import minutes as rules
from .models import ActionItem, Community, Event, Minutes

CHAIR = "luh.sukerti@contoh.id"
SECRETARY = "wayan.sudarsana@contoh.id"
TREASURER = "komang.arta@contoh.id"
KADEK = "kadek.lestari@contoh.id"
AYU = "ayu.wulandari@contoh.id"

OFFICE = "Kantor Pusat Komunitas Kreatif, Jl. Contoh Raya No. 17, Amlapura"
# The members' meeting on the demo agenda (community/demo_events.py).
MEETING_EVENT = "Pertemuan Anggota: Evaluasi Penjualan Online Triwulan Pertama"

PUBLISHED = {
    "title": "Rapat Anggota: Lapak Bersama di Marketplace dan Kelas Foto Produk",
    "kind": Minutes.Kind.MEMBERS,
    # Used when the demo agenda is not loaded: about seven weeks ago.
    "days_ago": 48,
    "hour": (9, 0),
    "place": OFFICE,
    "attendees": [CHAIR, SECRETARY, TREASURER, KADEK],
    "guests": 2,
    "agenda": (
        "1. Pembukaan oleh Ketua.\n"
        "2. Evaluasi penjualan online anggota selama triwulan pertama.\n"
        "3. Usulan lapak bersama komunitas di marketplace.\n"
        "4. Rencana kelas fotografi produk dengan ponsel.\n"
        "5. Lain-lain dan penutup."
    ),
    "discussion": (
        "Rapat dibuka pukul 09.10 WITA oleh Ketua, Ni Luh Putu Sukerti, dan dihadiri "
        "empat anggota serta dua tamu: pendamping UMKM dari Dinas Koperasi dan UMKM "
        "Kabupaten Karangasem dan seorang mahasiswa KKN yang membantu pemotretan.\n\n"
        "Evaluasi penjualan: tiga dari empat anggota yang hadir sudah menerima pesanan "
        "online dalam tiga bulan terakhir, terutama lewat WhatsApp dan Instagram. "
        "Kendala yang paling sering disebut adalah foto produk yang gelap dan kurang "
        "menarik, serta ongkos kirim salak dan minyak kelapa yang berat. Bu Kadek "
        "menyampaikan bahwa pembeli anyaman sering bertanya ukuran karena fotonya tidak "
        "memakai pembanding.\n\n"
        "Lapak bersama: Pak Wayan mengusulkan satu toko bersama di marketplace atas nama "
        "komunitas, supaya anggota yang belum siap membuka toko sendiri tetap bisa "
        "berjualan, dan biaya iklan bisa ditanggung bersama. Anggota sepakat toko "
        "dikelola bergiliran oleh dua orang, produk dititipkan dengan harga yang "
        "ditetapkan pemiliknya, dan setiap penjualan menyisihkan 3% untuk kas komunitas. "
        "Pendamping dari Dinas menyarankan agar setiap produk pangan sudah punya NIB dan "
        "keterangan PIRT sebelum diunggah.\n\n"
        "Kelas foto produk: semua yang hadir setuju foto adalah kebutuhan paling mendesak. "
        "Kelas diadakan sebagai bimtek di ruang kelas kantor pusat, memakai ponsel "
        "masing-masing, cahaya jendela, dan latar kain polos. Perlengkapan sederhana "
        "dibeli dari kas komunitas."
    ),
    "decisions": (
        "1. Komunitas membuka toko bersama \u201cKarangasem Asli\u201d di marketplace, dikelola "
        "bergiliran oleh Ni Kadek Ayu Lestari dan I Wayan Sudarsana.\n"
        "2. Setiap anggota boleh menitipkan paling banyak lima produk pada bulan pertama; "
        "harga ditetapkan pemilik produk dan 3% dari setiap penjualan masuk kas komunitas.\n"
        "3. Produk pangan yang dititipkan wajib sudah memiliki NIB dan izin PIRT.\n"
        "4. Kelas Fotografi Produk dengan Ponsel diadakan bulan depan di ruang kelas kantor "
        "pusat untuk paling banyak 15 peserta, gratis bagi anggota.\n"
        "5. Kas komunitas membiayai kain latar polos dan dua reflektor lipat, paling banyak "
        "Rp350.000."
    ),
    "action_items": [
        (
            "Membuka akun toko bersama di marketplace dan melengkapi profil, rekening bank, "
            "serta pengaturan pengiriman",
            KADEK,
            14,
        ),
        (
            "Menyusun aturan titip produk: harga, potongan 3% untuk kas, dan jadwal "
            "pengemasan bergiliran",
            SECRETARY,
            10,
        ),
        (
            "Menghubungi Dinas Koperasi dan UMKM untuk narasumber kelas fotografi produk",
            CHAIR,
            7,
        ),
        (
            "Membeli kain latar polos dan dua reflektor lipat dari kas komunitas",
            TREASURER,
            21,
        ),
    ],
    "published_after_days": 2,
    "confirmed_after_days": 3,
}

DRAFT = {
    "title": "Rapat Pengurus: Persiapan Pameran Produk di Taman Soekasada Ujung",
    "kind": Minutes.Kind.BOARD,
    "days_ago": 3,
    "hour": (16, 0),
    "place": "Rumah Ketua, Desa Sidemen",
    "attendees": [CHAIR, AYU, SECRETARY, TREASURER],
    "guests": 0,
    "agenda": (
        "1. Pembagian 12 stan pameran untuk anggota.\n"
        "2. Anggaran sewa tenda dan meja.\n"
        "3. Kode QR etalase di setiap stan."
    ),
    "discussion": (
        "Pengurus membahas pembagian stan berdasarkan jawaban hadir anggota di agenda. "
        "Bendahara melaporkan perkiraan sewa tenda dan meja dua hari. Catatan ini masih "
        "dilengkapi sekretaris."
    ),
    "decisions": (
        "1. Stan dibagi menurut urutan jawaban \u201chadir\u201d di agenda.\n"
        "2. Sekretaris mencetak kode QR etalase untuk setiap anggota yang ikut pameran."
    ),
    "action_items": [
        ("Mencetak kode QR etalase untuk setiap stan", SECRETARY, 5),
        ("Memesan tenda dan meja untuk dua hari pameran", TREASURER, 7),
    ],
}


def _at(day, hour, zone):
    return datetime.combine(day, time(*hour), tzinfo=zone)


def _load(community, spec, people, admin, *, event=None, published=False):
    zone = rules.meeting_zone(community, event)
    if event is not None:
        held_at = event.starts_at
    else:
        today = timezone.now().astimezone(zone).date()
        held_at = _at(today - timedelta(days=spec["days_ago"]), spec["hour"], zone)
    chair, secretary = people.get(CHAIR), people.get(SECRETARY)
    defaults = {
        "event": event,
        "kind": spec["kind"],
        "held_at": held_at,
        "place": spec["place"],
        "chair": chair,
        "secretary": secretary,
        "guests": spec["guests"],
        "agenda": spec["agenda"],
        "discussion": spec["discussion"],
        "decisions": spec["decisions"],
        "created_by": secretary or admin,
        "created_at": held_at + timedelta(hours=4),
        "status": Minutes.Status.DRAFT,
        "published_at": None,
        "confirmed_by": None,
        "confirmed_at": None,
    }
    if published:
        defaults |= {
            "status": Minutes.Status.MEMBERS,
            "published_at": held_at + timedelta(days=spec["published_after_days"]),
            "confirmed_by": chair,
            "confirmed_at": held_at + timedelta(days=spec["confirmed_after_days"]),
        }
    minutes, _created = Minutes.objects.update_or_create(
        community=community, title=spec["title"], defaults=defaults
    )
    if event is not None:
        attendees = list(rules.attendance_of(event))
    else:
        attendees = [people[email] for email in spec["attendees"] if people.get(email)]
    minutes.attendees.set(attendees)
    # Due dates follow the meeting's day, which moves with the demo agenda.
    minutes.action_items.all().delete()
    ActionItem.objects.bulk_create(
        ActionItem(
            minutes=minutes,
            description=description,
            owner=people.get(owner),
            due_on=held_at.astimezone(zone).date() + timedelta(days=days),
        )
        for description, owner, days in spec["action_items"]
    )
    return minutes


def load_minutes(admin):
    """Create or update the demo minutes; returns them (none without the
    Karangasem community)."""
    community = Community.objects.filter(slug=KARANGASEM).first()
    if community is None:
        return []
    User = get_user_model()
    people = {
        user.email.lower(): user
        for user in User.objects.filter(email__in=[CHAIR, SECRETARY, TREASURER, KADEK, AYU])
    }
    event = Event.objects.filter(community=community, title=MEETING_EVENT).first()
    if event is not None and not event.rsvps.filter(attended=True).exists():
        event = None
    return [
        _load(community, PUBLISHED, people, admin, event=event, published=True),
        _load(community, DRAFT, people, admin),
    ]
