"""Demo agenda for Komunitas e-UMKM Karangasem, loaded by `load_demo_data`.

Dates are counted from the day the loader runs, so the demo always has
events to come and events already held (with answers and attendance).
Each event is found again by its community and title, and each answer by
event and member, so a rerun updates instead of duplicating. Karangasem is
in Bali, so every time here is WITA.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from pusat.home.demo import KARANGASEM

from .models import Community, Event, Rsvp

ZONE = Event.TimeZone.WITA
OFFICE = "Kantor Pusat Komunitas Kreatif, Jl. Contoh Raya No. 17, Amlapura"

CHAIR = "luh.sukerti@contoh.id"
SECRETARY = "wayan.sudarsana@contoh.id"
TREASURER = "komang.arta@contoh.id"
KADEK = "kadek.lestari@contoh.id"
AYU = "ayu.wulandari@contoh.id"

HADIR = Rsvp.Answer.ATTENDING
TIDAK = Rsvp.Answer.NOT_ATTENDING

# `saturday`: the first Saturday at least that many days from today
# (negative: in the past). `answers`: email -> (answer or "", attended).
EVENTS = [
    {
        "title": "Bimtek Toko Online: Mengatur Ongkos Kirim dan Metode Pembayaran",
        "kind": Event.Kind.TRAINING,
        "saturday": 8,
        "hours": ((9, 0), (12, 0)),
        "place": "Ruang Kelas " + OFFICE,
        "online_link": "https://meet.jit.si/PusatKreatifKarangasem-BimtekTokoOnline",
        "capacity": 20,
        "is_public": True,
        "published": True,
        "description": (
            "Lanjutan kursus Toko Online. Kita praktik langsung di toko masing-masing: "
            "menghitung ongkos kirim untuk produk berat seperti salak dan minyak kelapa, "
            "memilih kurir, mengaktifkan COD, dan menghubungkan rekening bank.\n\n"
            "Bawa ponsel yang sudah terisi daya, buku tabungan, dan satu produk beserta "
            "berat dan ukurannya. Peserta dari luar Amlapura boleh ikut lewat tautan daring."
        ),
        "answers": {KADEK: (HADIR, None), AYU: (HADIR, None), TREASURER: (TIDAK, None)},
    },
    {
        "title": "Pertemuan Rutin Anggota: Rencana Program Kerja Semester Depan",
        "kind": Event.Kind.MEETING,
        "saturday": 15,
        "hours": ((9, 0), (11, 30)),
        "place": OFFICE,
        "online_link": "",
        "capacity": None,
        "is_public": False,
        "published": True,
        "description": (
            "Agenda: laporan kas oleh bendahara, evaluasi penjualan bulan lalu, dan "
            "pembahasan usulan program kerja yang paling banyak didukung anggota. "
            "Keputusan diambil secara musyawarah.\n\n"
            "Kopi dan jaje Bali disediakan. Mohon konfirmasi kehadiran paling lambat Jumat."
        ),
        "answers": {
            CHAIR: (HADIR, None),
            SECRETARY: (HADIR, None),
            TREASURER: (HADIR, None),
            KADEK: (HADIR, None),
            AYU: (TIDAK, None),
        },
    },
    {
        "title": "Pameran Produk UMKM Karangasem di Taman Soekasada Ujung",
        "kind": Event.Kind.EXHIBITION,
        "saturday": 29,
        "days": 1,
        "hours": ((10, 0), (17, 0)),
        "place": "Taman Soekasada Ujung, Desa Tumbu, Karangasem",
        "online_link": "",
        "capacity": 12,
        "is_public": True,
        "published": True,
        "description": (
            "Dua hari pameran bersama wisatawan akhir pekan. Tersedia 12 stan untuk "
            "anggota: tenun endek, anyaman bambu, salak gula pasir, minyak kelapa murni, "
            "dan jajanan Bali.\n\n"
            "Pasang kode QR etalase Anda di meja stan supaya pengunjung bisa memesan "
            "lagi secara online setelah pulang. Jawab \u201chadir\u201d untuk memesan stan."
        ),
        "answers": {CHAIR: (HADIR, None), KADEK: (HADIR, None), SECRETARY: (HADIR, None)},
    },
    {
        "title": "Sosialisasi NIB dan Sertifikat Halal Gratis bersama Dinas",
        "kind": Event.Kind.ADVOCACY,
        "saturday": 36,
        "hours": ((9, 30), (12, 0)),
        "place": "Aula Dinas Koperasi dan UMKM Kabupaten Karangasem, Amlapura",
        "online_link": "",
        "capacity": 40,
        "is_public": True,
        # A draft: officers see it on the agenda, nobody else yet.
        "published": False,
        "description": (
            "Petugas Dinas membantu anggota mengurus Nomor Induk Berusaha (NIB) lewat OSS "
            "dan mendaftar sertifikasi halal gratis untuk produk makanan dan minuman. "
            "Bawa KTP, NPWP bila ada, dan foto produk beserta komposisinya."
        ),
        "answers": {},
    },
    {
        "title": "Bimtek Fotografi Produk dengan Ponsel",
        "kind": Event.Kind.TRAINING,
        "saturday": -20,
        "hours": ((9, 0), (13, 0)),
        "place": "Ruang Kelas " + OFFICE,
        "online_link": "",
        "capacity": 15,
        "is_public": True,
        "published": True,
        "description": (
            "Praktik memotret produk dengan cahaya jendela, latar kain polos, dan "
            "kamera ponsel biasa, lalu menyunting seperlunya sebelum diunggah ke etalase "
            "dan marketplace."
        ),
        "answers": {
            CHAIR: (HADIR, True),
            KADEK: (HADIR, True),
            AYU: (HADIR, False),
            TREASURER: (TIDAK, False),
            # Came without answering first.
            SECRETARY: ("", True),
        },
    },
    {
        "title": "Pertemuan Anggota: Evaluasi Penjualan Online Triwulan Pertama",
        "kind": Event.Kind.MEETING,
        "saturday": -48,
        "hours": ((9, 0), (11, 0)),
        "place": OFFICE,
        "online_link": "",
        "capacity": None,
        "is_public": False,
        "published": True,
        "description": (
            "Setiap anggota menceritakan penjualan online tiga bulan terakhir: apa yang "
            "laku, apa yang sulit, dan bantuan apa yang dibutuhkan dari komunitas."
        ),
        "answers": {
            CHAIR: (HADIR, True),
            SECRETARY: (HADIR, True),
            TREASURER: (HADIR, True),
            KADEK: (HADIR, True),
            AYU: (TIDAK, False),
        },
    },
]


def saturday(today, days):
    """The first Saturday on or after `today + days`."""
    day = today + timedelta(days=days)
    return day + timedelta(days=(5 - day.weekday()) % 7)


def load_events(admin):
    """Create or update the demo agenda; returns the events."""
    User = get_user_model()
    community = Community.objects.get(slug=KARANGASEM)
    people = {
        email: User.objects.get(email__iexact=email)
        for email in (CHAIR, SECRETARY, TREASURER, KADEK, AYU)
    }
    chair = people.get(CHAIR) or admin
    zone = Event(time_zone=ZONE).zone
    now = timezone.now()
    today = now.astimezone(zone).date()
    loaded = []
    for spec in EVENTS:
        first_day = saturday(today, spec["saturday"])
        last_day = first_day + timedelta(days=spec.get("days", 0))
        (start_h, start_m), (end_h, end_m) = spec["hours"]
        starts_at = datetime.combine(first_day, time(start_h, start_m), tzinfo=zone)
        ends_at = datetime.combine(last_day, time(end_h, end_m), tzinfo=zone)
        # Published two weeks ahead, but never in the future.
        announced = min(starts_at - timedelta(days=14), now - timedelta(days=1))
        published_at = announced if spec["published"] else None
        event, _created = Event.objects.update_or_create(
            community=community,
            title=spec["title"],
            defaults={
                "kind": spec["kind"],
                "starts_at": starts_at,
                "ends_at": ends_at,
                "time_zone": ZONE,
                "place": spec["place"],
                "online_link": spec["online_link"],
                "description": spec["description"],
                "capacity": spec["capacity"],
                "is_public": spec["is_public"],
                "published_at": published_at,
                "created_by": chair,
                "created_at": announced - timedelta(days=7),
                # Events already held count as reminded, so the command skips them.
                "reminder_sent_at": starts_at - timedelta(days=1) if ends_at < now else None,
            },
        )
        marked_at = ends_at + timedelta(hours=2)
        for email, (answer, attended) in spec["answers"].items():
            Rsvp.objects.update_or_create(
                event=event,
                user=people[email],
                defaults={
                    "answer": answer,
                    "answered_at": min(announced + timedelta(days=2), now) if answer else None,
                    "attended": attended,
                    "attendance_marked_by": people[SECRETARY] if attended is not None else None,
                    "attendance_marked_at": marked_at if attended is not None else None,
                },
            )
        loaded.append(event)
    return loaded
