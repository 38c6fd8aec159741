"""The content of the demo site that `manage.py load_demo_data` builds.

Plain data only: the command in `management/commands/load_demo_data.py`
reads these structures and writes them into the database, looking each
thing up by its natural key (slug, email, name). Everything a visitor
reads is in Indonesian; the people, businesses, numbers and the address
are made up, and every email address uses the reserved-looking domain
`contoh.id` ("contoh" means "example").

The passwords below are published on purpose so a newcomer can sign in
to a local copy. The command refuses to run in production without
`--force` for that reason.
"""

from datetime import date

from community.models import OfficerTerm
from pusat.accounts.models import BusinessCategory
from pusat.accounts.roles import ADMINISTRATOR_GROUP, EDITOR_GROUP

# --- Accounts -------------------------------------------------------------
# Long passphrases, as the sign-up form recommends; each passes the
# project's password validators (the admin's and editor's must not resemble
# their email addresses, or the similarity validator rejects them).
DEMO_MEMBER_PASSWORD = "umkm naik kelas 2026"
ADMIN_EMAIL = "admin@pusatkreatif.id"
ADMIN_PASSWORD = "kunci pintu admin lokal"
EDITOR_EMAIL = "editor@pusatkreatif.id"
EDITOR_PASSWORD = "tulis berita desa lokal"

STAFF = [
    {
        "email": ADMIN_EMAIL,
        "full_name": "Admin Pusat",
        "password": ADMIN_PASSWORD,
        "group": ADMINISTRATOR_GROUP,
        "superuser": True,
    },
    {
        "email": EDITOR_EMAIL,
        "full_name": "Editor Pusat",
        "password": EDITOR_PASSWORD,
        "group": EDITOR_GROUP,
        "superuser": False,
    },
]
# Wagtail admin language for the staff accounts.
STAFF_ADMIN_LANGUAGE = "id-id"

# --- Site-wide settings ---------------------------------------------------
SITE_SETTINGS = {
    "centre_name": "Pusat Komunitas Kreatif",
    "tagline": "Belajar, berjejaring, dan berjualan online bersama sesama pelaku UMKM.",
    "address": (
        "Jl. Contoh Raya No. 17, Amlapura\nKecamatan Karangasem, Kabupaten Karangasem\nBali 80811"
    ),
    "whatsapp": "+6281234567890",
    "email": "halo@pusatkreatif.id",
    "instagram": "https://www.instagram.com/pusatkomunitaskreatif.contoh/",
    "facebook": "https://www.facebook.com/pusatkomunitaskreatif.contoh/",
    "youtube": "https://www.youtube.com/@pusatkomunitaskreatif-contoh",
    "tiktok": "https://www.tiktok.com/@pusatkomunitaskreatif.contoh",
}

# --- Home page ------------------------------------------------------------
# Stream blocks are (block type, value) pairs, in the shape of
# `pusat.home.blocks.HomeStreamBlock`; rich text is Wagtail's stored HTML.
HERO_TITLE = "Dari usaha rumahan menjadi e-UMKM"
HOME_PAGE = {
    "search_description": (
        "Kursus jualan online, komunitas, forum, dan etalase produk gratis untuk "
        "pelaku usaha mikro dan kecil."
    ),
    "body": [
        (
            "hero",
            {
                "title": HERO_TITLE,
                "text": (
                    "Pusat Komunitas Kreatif adalah tempat belajar bersama bagi pelaku UMKM, "
                    "dikelola Dinas Koperasi dan UMKM bersama koperasi mitra di daerah. "
                    "Belajar berjualan online langkah demi langkah dari ponsel, bertemu "
                    "sesama pelaku usaha, dan pajang produk Anda. Semuanya gratis."
                ),
                "image": None,
                "action": {"label": "Daftar gratis", "page": None, "url": "/akun/daftar/"},
            },
        ),
        (
            "highlights",
            {
                "heading": "Yang bisa Anda lakukan di sini",
                "cards": [
                    {
                        "title": "Kursus mandiri",
                        "text": (
                            "Empat kursus singkat yang bisa dipelajari dari ponsel kapan saja: "
                            "Email untuk Bisnis, Blog dan Web Marketing, Toko Online, dan "
                            "Fotografi Produk. Setelah lulus, Anda mendapat sertifikat."
                        ),
                        "link": None,
                        "url": "/kursus/",
                    },
                    {
                        "title": "Komunitas e-UMKM",
                        "text": (
                            "Bergabung dengan komunitas di daerah Anda. Ikuti agenda "
                            "pelatihan, baca notulen rapat, dan ikut memilih pengurus."
                        ),
                        "link": None,
                        "url": "/komunitas/",
                    },
                    {
                        "title": "Forum",
                        "text": (
                            "Tanya jawab seputar jualan online: ongkos kirim, harga, foto "
                            "produk, sampai urusan marketplace. Sesama anggota siap membantu."
                        ),
                        "link": None,
                        "url": "/forum/",
                    },
                    {
                        "title": "Etalase produk",
                        "text": (
                            "Setiap anggota punya halaman etalase untuk memajang produknya, "
                            "lengkap dengan tautan marketplace dan tombol WhatsApp."
                        ),
                        "link": None,
                        "url": "/etalase/",
                    },
                ],
            },
        ),
        ("heading", "Lima tahap menuju e-UMKM"),
        (
            "text",
            "<p>Kami memakai model tahapan dari panduan <i>Transformasi Bisnis UMKM "
            "menjadi e-UMKM</i>. Tahap Anda dihitung otomatis dari kursus yang sudah "
            "Anda selesaikan, jadi Anda selalu tahu langkah berikutnya.</p>"
            "<ol>"
            "<li><b>Persiapan</b>: Anda sudah mendaftar dan mengikuti orientasi. Anda "
            "mengenal portal ini, komunitas di daerah Anda, dan rencana belajar Anda.</li>"
            "<li><b>Presence</b>: Anda memakai email untuk usaha: membuat akun, menulis "
            "dan membalas pesan, meneruskan, melampirkan katalog, memakai CC dan BCC, "
            "serta membuka email dari ponsel. Kursusnya: <i>Email untuk Bisnis</i>.</li>"
            "<li><b>Portal</b>: Anda mengelola blog pemasaran yang mengajak pembeli "
            "berbincang: menulis, mengunggah foto dan video produk, mengikuti akun lain, "
            "dan menautkan produk. Kursusnya: <i>Blog dan Web Marketing</i>.</li>"
            "<li><b>Integrasi Transaksi</b>: Anda menjalankan toko online: membuat dan "
            "mengaktifkan akun, melengkapi profil dan rekening bank, mengatur pembayaran "
            "dan pengiriman, lalu mengunggah produk. Kursusnya: <i>Toko Online</i>.</li>"
            "<li><b>Kemandirian</b>: Anda berjualan online secara rutin dan ikut membantu "
            "anggota lain: aktif di komunitas, dan etalase produk Anda sudah tayang.</li>"
            "</ol>"
            "<p>Kursus <i>Fotografi Produk</i> menyertai semua tahap: foto yang baik "
            "membuat etalase dan toko online Anda lebih meyakinkan pembeli.</p>",
        ),
        ("heading", "Cara bergabung"),
        (
            "text",
            "<ol>"
            '<li>Daftar gratis di <a href="/akun/daftar/">halaman pendaftaran</a> dengan '
            "email dan nomor WhatsApp Anda.</li>"
            '<li>Pilih <a href="/komunitas/">komunitas e-UMKM</a> di daerah Anda dan '
            "ajukan keanggotaan. Pengurus komunitas akan menyetujuinya.</li>"
            "<li>Mulai dari kursus yang sesuai dengan tahap Anda, dan tanyakan apa saja "
            "di forum.</li>"
            "<li>Begitu foto produk siap, pajang produk Anda di etalase.</li>"
            "</ol>"
            "<p>Butuh bantuan? Hubungi kami lewat WhatsApp, atau datang ke kantor Pusat "
            "pada hari kerja pukul 08.00 sampai 15.00 WITA.</p>",
        ),
    ],
}

# --- General pages under the home page --------------------------------------
FAQ = [
    (
        "Berapa biaya menjadi anggota?",
        "<p>Gratis. Pendaftaran, kursus, forum, etalase produk, dan sertifikat tidak "
        "dipungut biaya. Untuk kegiatan tatap muka tertentu kadang ada iuran kecil untuk "
        "konsumsi; besarnya selalu diumumkan lebih dulu di agenda komunitas.</p>",
    ),
    (
        "Apakah saya perlu laptop?",
        "<p>Tidak. Seluruh portal dibuat untuk ponsel Android, termasuk membaca materi "
        "kursus dan mengunggah bukti tugas. Laptop memang memudahkan saat menulis blog "
        "yang panjang, tetapi tidak wajib. Anda juga boleh memakai komputer di kantor "
        "Pusat selama jam layanan.</p>",
    ),
    (
        "Saya belum pernah memakai email. Bisakah ikut?",
        "<p>Bisa, dan justru di situlah kebanyakan anggota memulai. Kursus <i>Email untuk "
        "Bisnis</i> dimulai dari membuat akun email, lalu menulis, membalas, dan "
        "melampirkan foto katalog. Jika ada yang membingungkan, tanyakan di forum atau "
        "kepada pengurus komunitas Anda.</p>",
    ),
    (
        "Bagaimana cara mendapatkan sertifikat?",
        "<p>Setiap kursus terdiri atas tes awal, materi, tugas praktik, dan tes akhir. "
        "Untuk tugas praktik Anda mengunggah bukti, misalnya tangkapan layar toko online "
        "Anda. Setelah bukti diperiksa dan disetujui pengurus komunitas dan tes akhir "
        "lulus, sertifikat bisa diunduh dari halaman profil Anda.</p>",
    ),
    (
        "Bagaimana cara menjadi pengurus komunitas?",
        "<p>Pengurus (ketua, wakil ketua, sekretaris, dan bendahara) dipilih oleh anggota "
        "melalui pemilihan di portal ini, bukan ditunjuk. Saat pemilihan dibuka, setiap "
        "anggota aktif boleh mencalonkan diri dan memberikan suara. Khusus untuk komunitas "
        "yang baru berdiri, pengurus pertama dicatat oleh administrator Pusat sesuai surat "
        "kesepakatan pendirian, sampai pemilihan pertama diadakan.</p>",
    ),
    (
        "Bagaimana agar produk saya tampil di etalase?",
        "<p>Masuk ke akun Anda, buka menu <b>Etalase</b>, lalu lengkapi profil usaha, "
        "unggah foto produk, dan tambahkan tautan marketplace serta nomor WhatsApp Anda. "
        "Foto yang terang dan rapi membuat pembeli lebih percaya; kursus <i>Fotografi "
        "Produk</i> mengajarkan caranya dengan ponsel saja.</p>",
    ),
    (
        "Usaha saya belum punya NIB. Bolehkah bergabung?",
        "<p>Boleh. Banyak anggota mulai tanpa Nomor Induk Berusaha. Pendamping di kantor "
        "Pusat dapat membantu Anda mengurus NIB secara gratis melalui OSS, dan NIB akan "
        "memudahkan Anda membuka toko di marketplace.</p>",
    ),
    (
        "Saya lupa kata sandi. Apa yang harus dilakukan?",
        '<p>Buka <a href="/akun/kata-sandi/lupa/">halaman lupa kata sandi</a>, tulis '
        "alamat email Anda, lalu ikuti tautan yang kami kirimkan untuk membuat kata sandi "
        "baru. Jika email tidak kunjung masuk, periksa folder spam atau hubungi kami "
        "lewat WhatsApp.</p>",
    ),
]

STANDARD_PAGES = [
    {
        "slug": "tentang-kami",
        "title": "Tentang Kami",
        "intro": (
            "Pusat Komunitas Kreatif adalah ruang belajar dan berjejaring bagi pelaku usaha "
            "mikro dan kecil yang ingin berjualan secara online."
        ),
        "search_description": (
            "Siapa yang mengelola Pusat Komunitas Kreatif, apa yang kami kerjakan, dan "
            "bagaimana komunitas e-UMKM bekerja."
        ),
        "body": [
            ("heading", "Siapa kami"),
            (
                "text",
                "<p>Pusat Komunitas Kreatif dikelola oleh Dinas Koperasi dan UMKM bersama "
                "koperasi mitra di daerah. Kami mendampingi perajin tenun endek, petani "
                "salak, pembuat minyak kelapa murni, penyangrai kopi, dan banyak pelaku "
                "usaha lain agar produk mereka dikenal dan dibeli lebih banyak orang lewat "
                "internet.</p>"
                "<p>Portal ini adalah rumah kami di web. Kursus, forum, dan etalase dapat "
                "dipakai gratis oleh anggota, dan dirancang agar tetap nyaman dibuka dari "
                "ponsel dengan sinyal seadanya.</p>",
            ),
            ("heading", "Apa yang kami kerjakan"),
            (
                "text",
                "<ul>"
                "<li><b>Kursus mandiri</b> dalam empat modul: Email untuk Bisnis, Blog dan "
                "Web Marketing, Toko Online, dan Fotografi Produk.</li>"
                "<li><b>Kelas tatap muka dan pendampingan</b> di kantor Pusat dan di "
                "balai desa, dijadwalkan bersama pengurus komunitas.</li>"
                "<li><b>Komunitas e-UMKM</b> di setiap daerah, dengan pengurus yang dipilih "
                "oleh anggotanya sendiri.</li>"
                "<li><b>Etalase produk</b> untuk setiap anggota, yang bisa dibagikan ke "
                "pembeli lewat WhatsApp dan media sosial.</li>"
                "<li><b>Forum dan obrolan</b> untuk saling bertanya dan berbagi "
                "pengalaman.</li>"
                "</ul>",
            ),
            ("heading", "Cara kami bekerja"),
            (
                "text",
                "<p>Kami percaya UMKM paling cepat belajar dari sesamanya. Karena itu "
                "komunitas diurus oleh anggotanya: pengurus dipilih lewat pemilihan di "
                "portal, dan agenda kegiatan, notulen rapat, serta usulan program bisa "
                "dibaca siapa saja. Setiap keputusan dapat ditelusuri dan "
                "dipertanggungjawabkan.</p>"
                "<p><i>Catatan: situs ini berisi data contoh untuk uji coba. Nama anggota, "
                "nama usaha, alamat, dan nomor telepon di dalamnya adalah rekaan.</i></p>",
            ),
        ],
    },
    {
        "slug": "faq",
        "title": "FAQ",
        "intro": "Pertanyaan yang paling sering diajukan calon anggota, beserta jawabannya.",
        "search_description": (
            "Biaya, perangkat, sertifikat, pengurus komunitas, etalase, dan kata sandi: "
            "jawaban atas pertanyaan yang sering diajukan."
        ),
        "body": [
            block for question, answer in FAQ for block in (("heading", question), ("text", answer))
        ],
    },
]

# --- Communities ----------------------------------------------------------
KARANGASEM = "e-umkm-karangasem"
BEKASI = "e-umkm-bekasi"
BALIKPAPAN = "e-umkm-balikpapan"

COMMUNITIES = [
    {
        "slug": KARANGASEM,
        "name": "Komunitas e-UMKM Karangasem",
        "regency": "Karangasem",
        "district": "Karangasem",
        "founded_on": date(2025, 3, 14),
        "description": (
            "Wadah belajar dan berjualan bersama bagi pelaku UMKM di Kabupaten Karangasem: "
            "perajin tenun endek dan bambu, petani salak, pembuat minyak kelapa murni, dan "
            "pengolah hasil kebun. Terbuka juga bagi perantau Karangasem di Denpasar. "
            "Pertemuan rutin setiap Sabtu kedua di kantor Pusat, Amlapura."
        ),
    },
    {
        "slug": BEKASI,
        "name": "Komunitas e-UMKM Bekasi",
        "regency": "Kota Bekasi",
        "district": "Bekasi Timur",
        "founded_on": date(2025, 10, 28),
        "description": (
            "Komunitas pelaku usaha kuliner, konveksi, dan jasa di Kota dan Kabupaten "
            "Bekasi yang sedang membangun toko online. Kelas praktik foto produk dan "
            "marketplace diadakan sebulan sekali di aula kelurahan."
        ),
    },
    {
        "slug": BALIKPAPAN,
        "name": "Komunitas e-UMKM Balikpapan",
        "regency": "Kota Balikpapan",
        "district": "Balikpapan Selatan",
        "founded_on": date(2026, 2, 9),
        "description": (
            "Komunitas UMKM Balikpapan, dari perajin batok kelapa sampai produsen amplang, "
            "yang ingin menjangkau pembeli di luar Kalimantan lewat toko online dan "
            "media sosial."
        ),
    },
]

# --- Members --------------------------------------------------------------
# Every member is in the "Anggota" group with an active membership in one
# community, joined on `joined_on`.
MEMBERS = [
    {
        "email": "luh.sukerti@contoh.id",
        "full_name": "Ni Luh Putu Sukerti",
        "phone": "+6281238475521",
        "business_name": "Endek Sari Sidemen",
        "business_category": BusinessCategory.FASHION,
        "regency": "Karangasem",
        "district": "Sidemen",
        "community": KARANGASEM,
        "joined_on": date(2025, 3, 14),
    },
    {
        "email": "wayan.sudarsana@contoh.id",
        "full_name": "I Wayan Sudarsana",
        "phone": "+6281339917204",
        "business_name": "VCO Kelapa Abang",
        "business_category": BusinessCategory.CULINARY,
        "regency": "Karangasem",
        "district": "Abang",
        "community": KARANGASEM,
        "joined_on": date(2025, 3, 14),
    },
    {
        "email": "komang.arta@contoh.id",
        "full_name": "I Komang Arta Wijaya",
        "phone": "+6287862150983",
        "business_name": "Salak Gula Pasir Sibetan",
        "business_category": BusinessCategory.AGRICULTURE,
        "regency": "Karangasem",
        "district": "Bebandem",
        "community": KARANGASEM,
        "joined_on": date(2025, 3, 14),
    },
    {
        "email": "kadek.lestari@contoh.id",
        "full_name": "Ni Kadek Ayu Lestari",
        "phone": "+6281805537718",
        "business_name": "Anyaman Bambu Lestari",
        "business_category": BusinessCategory.CRAFTS,
        "regency": "Karangasem",
        "district": "Manggis",
        "community": KARANGASEM,
        "joined_on": date(2025, 5, 3),
    },
    {
        "email": "ayu.wulandari@contoh.id",
        "full_name": "Gusti Ayu Made Wulandari",
        "phone": "+6285737420916",
        "business_name": "Jaje Bali Dewi",
        "business_category": BusinessCategory.CULINARY,
        "regency": "Kota Denpasar",
        "district": "Denpasar Selatan",
        "community": KARANGASEM,
        "joined_on": date(2025, 8, 21),
    },
    {
        "email": "siti.rohmah@contoh.id",
        "full_name": "Siti Rohmah",
        "phone": "+6281299041876",
        "business_name": "Keripik Tempe Bu Rohmah",
        "business_category": BusinessCategory.CULINARY,
        "regency": "Kota Bekasi",
        "district": "Bekasi Timur",
        "community": BEKASI,
        "joined_on": date(2025, 10, 28),
    },
    {
        "email": "agus.setiawan@contoh.id",
        "full_name": "Agus Setiawan",
        "phone": "+6285775318042",
        "business_name": "Kopi Sangrai Kalimalang",
        "business_category": BusinessCategory.CULINARY,
        "regency": "Kota Bekasi",
        "district": "Bekasi Selatan",
        "community": BEKASI,
        "joined_on": date(2025, 11, 12),
    },
    {
        "email": "dewi.anggraini@contoh.id",
        "full_name": "Dewi Anggraini",
        "phone": "+6281381264409",
        "business_name": "Jahit Rapi Dewi",
        "business_category": BusinessCategory.SERVICES,
        "regency": "Kabupaten Bekasi",
        "district": "Tambun Selatan",
        "community": BEKASI,
        "joined_on": date(2026, 1, 17),
    },
    {
        "email": "rizky.pratama@contoh.id",
        "full_name": "Muhammad Rizky Pratama",
        "phone": "+6281254702631",
        "business_name": "Batok Kreasi Borneo",
        "business_category": BusinessCategory.CRAFTS,
        "regency": "Kota Balikpapan",
        "district": "Balikpapan Selatan",
        "community": BALIKPAPAN,
        "joined_on": date(2026, 2, 9),
    },
    {
        "email": "rahmawati@contoh.id",
        "full_name": "Rahmawati",
        "phone": "+6282151836497",
        "business_name": "Amplang Kepiting Bu Rahma",
        "business_category": BusinessCategory.CULINARY,
        "regency": "Kota Balikpapan",
        "district": "Balikpapan Utara",
        "community": BALIKPAPAN,
        "joined_on": date(2026, 3, 2),
    },
]

# --- First board ----------------------------------------------------------
# Karangasem's founding board, recorded by the administrator from the signed
# founding agreement (source BOOTSTRAP) until the community's first election.
# The other communities have no board yet: theirs will come from elections.
FIRST_BOARDS = [
    {
        "community": KARANGASEM,
        "starts_on": date(2025, 3, 14),
        # The board elected in February 2026 took over on 1 March 2026
        # (community/demo_elections.py).
        "ends_on": date(2026, 2, 28),
        "officers": [
            (OfficerTerm.Role.CHAIR, "luh.sukerti@contoh.id"),
            (OfficerTerm.Role.SECRETARY, "wayan.sudarsana@contoh.id"),
            (OfficerTerm.Role.TREASURER, "komang.arta@contoh.id"),
        ],
    },
]
