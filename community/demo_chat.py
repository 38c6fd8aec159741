"""Demo chat: short, everyday conversations in Indonesian, loaded by
`load_demo_data` after the communities, members and courses exist (their
rooms are created by then: a pair per community, one per course).

Messages are written as history (no broadcast, no rate limit), each found
again by room, author and a fixed `client_id`, so a rerun creates nothing
new. Times are counted back from the day the loader runs.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.models import CoursePage
from pusat.home.demo import BEKASI, KARANGASEM

from . import chat
from .models import ChatMessage, ChatRoom, Community

LUH = "luh.sukerti@contoh.id"
WAYAN = "wayan.sudarsana@contoh.id"
KOMANG = "komang.arta@contoh.id"
KADEK = "kadek.lestari@contoh.id"
AYU = "ayu.wulandari@contoh.id"
SITI = "siti.rohmah@contoh.id"
AGUS = "agus.setiawan@contoh.id"
DEWI = "dewi.anggraini@contoh.id"

PROGRAMME_ROOM = {
    "slug": "bazar-akhir-tahun",
    "name": "Program Bazar UMKM Akhir Tahun",
    "description": "Persiapan bazar bersama di Amlapura, 20–21 Desember.",
}

# (minutes ago, author, text)
MEMBERS_KARANGASEM = [
    (2900, KADEK, "Om swastyastu semeton. Ada yang tahu ekspedisi paling murah ke Surabaya?"),
    (2890, KOMANG, "Om swastyastu. Saya biasa pakai kargo dari Amlapura, 3 hari sampai."),
    (2885, KADEK, "Untuk 5 kg berapa kira-kira, Bli?"),
    (2880, KOMANG, "Terakhir Rp58.000. Kalau lewat marketplace sering ada subsidi ongkir."),
    (1500, AYU, "Foto kain endek saya masih gelap terus, padahal sudah di dekat jendela 🙏"),
    (1495, LUH, "Coba pagi jam 8–9, Bu Ayu. Pakai kertas putih di sisi lain untuk memantulkan."),
    (1490, LUH, "Materinya ada di kursus: https://pusatkreatif.id/kursus/fotografi-produk/"),
    (1480, AYU, "Suksma, Bu Luh. Besok saya coba lagi."),
    (60, WAYAN, "Pengingat: pertemuan rutin Sabtu ini jam 10 di kantor Pusat. Bawa contoh produk."),
    (55, KADEK, "Siap, Pak Wayan. Saya bawa keranjang bambu yang baru."),
]
OFFICERS_KARANGASEM = [
    (3000, LUH, "Rekap kas bulan ini sudah masuk, Pak Komang?"),
    (2990, KOMANG, "Sudah, Bu. Saldo Rp1.250.000 setelah bayar sewa meja pameran."),
    (2980, WAYAN, "Notulen rapat kemarin saya unggah malam ini."),
]
MEMBERS_BEKASI = [
    (800, SITI, "Assalamualaikum. Ada yang sudah coba fitur pesanan terjadwal di marketplace?"),
    (795, AGUS, "Waalaikumsalam. Sudah, Bu Siti. Cocok untuk katering, pesanan masuk H-1."),
    (790, DEWI, "Saya baru mau coba. Ongkir instan mahal kalau pesanan jauh ya?"),
    (785, AGUS, "Batasi radius 5 km saja dulu, Bu Dewi. Lebih aman untuk makanan."),
]
COURSE_PHOTO = [
    (400, AYU, "Latihan 2: foto dengan latar kain polos. Ini hasil saya lebih terang 😊"),
    (395, KADEK, "Bagus, Bu! Saya masih bingung bagian sunting kecerahan di ponsel."),
    (390, AYU, "Di aplikasi galeri, pilih Edit lalu geser Kecerahan sedikit saja."),
]
PROGRAMME = [
    (240, LUH, "Pendaftaran stan bazar dibuka sampai 10 Desember. Satu stan untuk dua anggota."),
    (230, SITI, "Boleh anggota dari Bekasi ikut titip produk?"),
    (225, LUH, "Boleh, Bu Siti. Kirim daftar produk dan harga lewat sini dulu."),
]
DIRECT_KADEK_AYU = [
    (100, KADEK, "Bu Ayu, besok boleh saya pinjam kain latar yang abu-abu?"),
    (90, AYU, "Boleh, Dik. Ambil saja di rumah setelah jam 4 sore."),
]


def load_chat(admin):
    people = {user.email: user for user in get_user_model().objects.filter(email__contains="@")}
    now = timezone.now()

    def write(room, lines, key):
        for number, (minutes_ago, email, body) in enumerate(lines):
            ChatMessage.objects.get_or_create(
                room=room,
                author=people[email],
                client_id=f"demo-{key}-{number}",
                defaults={"body": body, "created": now - timedelta(minutes=minutes_ago)},
            )

    karangasem = Community.objects.get(slug=KARANGASEM)
    bekasi = Community.objects.get(slug=BEKASI)
    for community in (karangasem, bekasi):
        # Rooms come with each community; make sure of it for older databases.
        from .chat_models import ensure_community_rooms

        ensure_community_rooms(community)
    room = ChatRoom.objects.get
    write(room(community=karangasem, kind="members"), MEMBERS_KARANGASEM, "karangasem")
    write(room(community=karangasem, kind="officers"), OFFICERS_KARANGASEM, "pengurus")
    write(room(community=bekasi, kind="members"), MEMBERS_BEKASI, "bekasi")
    course = CoursePage.objects.filter(slug="fotografi-produk").first()
    if course is not None:
        course_room = ChatRoom.objects.filter(course=course).first()
        if course_room is not None:
            write(course_room, COURSE_PHOTO, "foto")
    programme, _created = ChatRoom.objects.update_or_create(
        slug=PROGRAMME_ROOM["slug"],
        defaults={
            "kind": ChatRoom.Kind.PROGRAMME,
            "name": PROGRAMME_ROOM["name"],
            "description": PROGRAMME_ROOM["description"],
        },
    )
    write(programme, PROGRAMME, "bazar")
    write(chat.direct_room(people[KADEK], people[AYU]), DIRECT_KADEK_AYU, "dm")
