"""Demo programme proposals for Komunitas e-UMKM Karangasem, loaded by
`load_demo_data` after the members and the elected board exist.

Five proposals, one in each status, with supports from the other members and
the board's priorities and reasons. Written as history, so the records are
created directly rather than through `proposals.py` (which would notify
people); the shapes are the same. Dates are counted back from the day the
loader runs. Each proposal is found again by community and title, each
support by proposal and member, so a rerun updates instead of duplicating.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from pusat.home.demo import KARANGASEM

from .models import Community, Proposal, ProposalSupport

LUH = "luh.sukerti@contoh.id"  # ketua
WAYAN = "wayan.sudarsana@contoh.id"  # sekretaris
KOMANG = "komang.arta@contoh.id"  # bendahara
KADEK = "kadek.lestari@contoh.id"
AYU = "ayu.wulandari@contoh.id"  # wakil ketua

Status = Proposal.Status
Priority = Proposal.Priority

# `days_ago`: when it was proposed; `decided`: (days ago, officer) or None.
PROPOSALS = [
    {
        "title": "Kelas Foto Produk Bulanan dengan Ponsel",
        "by": KADEK,
        "days_ago": 75,
        "description": (
            "Banyak foto produk anggota masih gelap dan latarnya ramai, padahal foto adalah "
            "hal pertama yang dilihat pembeli di marketplace. Saya mengusulkan kelas praktik "
            "sebulan sekali setelah pertemuan rutin: memotret dengan cahaya jendela, memakai "
            "latar kain polos, lalu menyunting seperlunya di ponsel.\n\n"
            "Anggota yang sudah lulus kursus Fotografi Produk bisa bergantian menjadi "
            "pendamping, jadi tidak perlu membayar pelatih dari luar."
        ),
        "status": Status.RUNNING,
        "priority": Priority.PRIORITY,
        "reason": (
            "Disepakati dalam pertemuan rutin. Kelas pertama sudah berjalan; berikutnya "
            "setiap Sabtu kedua setelah pertemuan."
        ),
        "decided": (40, LUH),
        "supporters": [LUH, WAYAN, KOMANG, AYU],
    },
    {
        "title": "Lapak Bersama Komunitas di Marketplace",
        "by": LUH,
        "days_ago": 60,
        "description": (
            "Satu toko online atas nama komunitas yang menjual produk pilihan anggota: tenun "
            "endek, anyaman bambu, salak gula pasir, minyak kelapa murni, dan jaje Bali. "
            "Pembeli bisa membeli beberapa produk sekaligus dengan satu ongkos kirim.\n\n"
            "Pengelola toko bergilir setiap bulan, dan bagi hasil kecil dari setiap penjualan "
            "masuk ke kas komunitas untuk biaya pameran."
        ),
        "status": Status.ACCEPTED,
        "priority": Priority.PRIORITY,
        "reason": (
            "Diterima. Bendahara menyiapkan aturan bagi hasil; toko dibuka setelah aturan "
            "itu disetujui dalam pertemuan anggota."
        ),
        # The ketua's own proposal is decided by the wakil ketua.
        "decided": (21, AYU),
        "supporters": [KADEK, AYU, WAYAN],
    },
    {
        "title": "Pembelian Bersama Kemasan Standing Pouch Berlogo",
        "by": AYU,
        "days_ago": 12,
        "description": (
            "Kemasan standing pouch berjendela dengan logo usaha jauh lebih murah bila "
            "dipesan seribu lembar sekaligus. Kalau lima atau enam anggota memesan bersama, "
            "harga per lembar bisa turun hampir setengahnya dan produk kita tampak lebih "
            "rapi di foto maupun di rak toko oleh-oleh.\n\n"
            "Saya bersedia mengumpulkan pesanan dan membandingkan harga tiga percetakan di "
            "Denpasar."
        ),
        "status": Status.PROPOSED,
        "priority": "",
        "reason": "",
        "decided": None,
        "supporters": [KADEK, WAYAN],
    },
    {
        "title": "Kartu Nama dengan Kode QR Etalase untuk Setiap Anggota",
        "by": WAYAN,
        "days_ago": 120,
        "description": (
            "Di pameran, pengunjung sering bertanya di mana bisa memesan lagi setelah "
            "pulang. Usul saya: setiap anggota punya kartu nama sederhana dengan kode QR "
            "menuju etalasenya dan nomor WhatsApp. Desainnya satu untuk semua dan dicetak "
            "bersama supaya murah."
        ),
        "status": Status.DONE,
        "priority": Priority.NON_PRIORITY,
        "reason": "Selesai: kartu sudah dibagikan kepada semua anggota pada pertemuan bulan lalu.",
        "decided": (30, LUH),
        "supporters": [LUH, KADEK, KOMANG, AYU],
    },
    {
        "title": "Sewa Mobil Bak Bersama untuk Mengirim Salak ke Denpasar",
        "by": KOMANG,
        "days_ago": 50,
        "description": (
            "Petani salak di Sibetan mengirim sendiri-sendiri ke Denpasar dengan ongkos yang "
            "mahal. Saya mengusulkan komunitas menyewa satu mobil bak setiap Jumat untuk "
            "mengangkut kiriman semua anggota ke agen ekspedisi di Denpasar, dengan biaya "
            "dibagi menurut berat kiriman."
        ),
        "status": Status.REJECTED,
        "priority": Priority.NON_PRIORITY,
        "reason": (
            "Untuk saat ini biaya sewa belum tertutup oleh jumlah kiriman anggota. Kita bahas "
            "lagi setelah panen raya bila paling sedikit lima anggota ikut mengirim rutin."
        ),
        "decided": (35, LUH),
        "supporters": [AYU],
    },
]


def load_proposals(admin):
    """Create or update the demo proposals and their supports; returns them."""
    User = get_user_model()
    community = Community.objects.get(slug=KARANGASEM)
    emails = {LUH, WAYAN, KOMANG, KADEK, AYU}
    people = {user.email.lower(): user for user in User.objects.filter(email__in=emails)}
    now = timezone.now()
    loaded = []
    for spec in PROPOSALS:
        created_at = now - timedelta(days=spec["days_ago"])
        decided = spec["decided"]
        proposal, _created = Proposal.objects.update_or_create(
            community=community,
            title=spec["title"],
            defaults={
                "description": spec["description"],
                "proposed_by": people[spec["by"]],
                "created_at": created_at,
                "status": spec["status"],
                "priority": spec["priority"],
                "status_reason": spec["reason"],
                "status_changed_by": people.get(decided[1], admin) if decided else None,
                "status_changed_at": now - timedelta(days=decided[0]) if decided else None,
            },
        )
        for number, email in enumerate(spec["supporters"], start=1):
            ProposalSupport.objects.update_or_create(
                proposal=proposal,
                user=people[email],
                defaults={"created_at": created_at + timedelta(days=number)},
            )
        loaded.append(proposal)
    return loaded
