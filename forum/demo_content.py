"""The demo forum's words: categories and threads between the demo members.

People are named by the start of their demo email (`pusat.home.demo`);
`editor` is the centre's editor. `days` is how long ago the thread began;
replies follow an hour or more apart. `solution` is the index of the reply
the asker marked as the answer.
"""

CATEGORIES = [
    {
        "slug": "pengumuman",
        "name": "Pengumuman",
        "description": (
            "Kabar resmi dari Pusat Komunitas Kreatif: kelas, pameran, dan perubahan jadwal."
        ),
        "position": 1,
    },
    {
        "slug": "pemasaran-online",
        "name": "Pemasaran Online",
        "description": "WhatsApp Business, Instagram, blog, dan cara menjangkau pembeli baru.",
        "position": 2,
    },
    {
        "slug": "toko-online-marketplace",
        "name": "Toko Online & Marketplace",
        "description": "Tokopedia, Shopee, ongkos kirim, pembayaran, dan pengaturan toko.",
        "position": 3,
    },
    {
        "slug": "foto-produk",
        "name": "Foto Produk",
        "description": "Cahaya, latar, dan sudut pengambilan agar dagangan tampak menarik.",
        "position": 4,
    },
    {
        "slug": "harga-dan-keuangan",
        "name": "Harga & Keuangan",
        "description": "Menghitung harga jual, modal, dan pembukuan sederhana.",
        "position": 5,
    },
    {
        "slug": "info-komunitas-karangasem",
        "name": "Info Komunitas Karangasem",
        "description": (
            "Khusus anggota Komunitas e-UMKM Karangasem: rapat, arisan, dan lapak bersama."
        ),
        "position": 6,
        "community": "e-umkm-karangasem",
    },
]

THREADS = [
    {
        "category": "pengumuman",
        "author": "editor",
        "days": 20,
        "pinned": True,
        "kind": "diskusi",
        "title": "Selamat datang di forum! Baca dulu aturan singkatnya",
        "body": (
            "Forum ini tempat kita saling bantu berjualan online. Beberapa aturan singkat:\n\n"
            "1. Pilih kategori yang sesuai, dan tulis judul yang jelas.\n"
            "2. Kalau bertanya, pilih jenis **Pertanyaan**. Setelah terjawab, tandai balasan "
            "yang membantu sebagai solusi supaya anggota lain ikut terbantu.\n"
            "3. Dilarang promosi judi, pinjaman online, atau menjual barang terlarang.\n"
            "4. Tolong saling menghormati. Pesan yang melanggar bisa dilaporkan lewat "
            "tombol **Laporkan**.\n\n"
            "Selamat berdiskusi!"
        ),
        "replies": [
            ("luh.sukerti", "Terima kasih, Pak Editor. Semoga forumnya ramai."),
        ],
    },
    {
        "category": "pengumuman",
        "author": "editor",
        "days": 6,
        "kind": "diskusi",
        "title": "Kelas foto produk pakai HP, Sabtu depan di Pusat Kreatif",
        "body": (
            "Kelas gratis memotret produk dengan HP, Sabtu pukul 09.00 WITA di ruang "
            "pelatihan. Bawa satu produk dan HP yang baterainya penuh. Kuota 20 orang; "
            "daftar lewat agenda komunitas."
        ),
        "replies": [
            ("kadek.lestari", "Saya daftar, Pak. Boleh bawa dua anyaman yang ukurannya beda?"),
            ("editor", "Boleh, Bu Kadek. Justru bagus untuk latihan mengatur jarak."),
        ],
    },
    {
        "category": "foto-produk",
        "author": "luh.sukerti",
        "days": 14,
        "kind": "tanya",
        "title": "Foto kain endek selalu gelap kalau difoto di dalam rumah",
        "body": (
            "Saya memotret kain endek di ruang tamu, tapi hasilnya gelap dan warnanya "
            "kusam, beda dengan aslinya. Lampu rumah sudah dinyalakan. Bagaimana supaya "
            "warnanya keluar tanpa beli lampu studio?"
        ),
        "replies": [
            (
                "kadek.lestari",
                "Lampu rumah biasanya kekuningan, Bu. Coba matikan lampunya dan foto dekat "
                "jendela pagi hari, antara jam 8 sampai 10.",
            ),
            (
                "ayu.wulandari",
                "Setuju dengan Bu Kadek. Tambahkan **pemantul** dari kertas karton putih di "
                "sisi yang berlawanan dengan jendela. Bayangan jadi lebih lembut dan motif "
                "kainnya kelihatan jelas. Jangan pakai flash HP.",
            ),
            (
                "luh.sukerti",
                "Sudah saya coba pagi ini dengan karton putih, hasilnya jauh lebih terang! "
                "Warna merahnya sekarang persis aslinya. Matur suksma.",
            ),
        ],
        "solution": 1,
    },
    {
        "category": "foto-produk",
        "author": "rahmawati",
        "days": 9,
        "kind": "tanya",
        "title": "Latar foto amplang sebaiknya warna apa?",
        "body": (
            "Amplang kepiting saya warnanya krem. Kalau difoto di atas meja kayu kok "
            "tenggelam. Ada saran warna latar?"
        ),
        "replies": [
            (
                "siti.rohmah",
                "Saya pakai taplak biru tua untuk keripik tempe, jadi warnanya kontras. "
                "Bisa dicoba juga daun pisang, kesannya makanan tradisional.",
            ),
            (
                "rizky.pratama",
                "Daun pisang bagus, Bu. Tambahkan satu-dua kepiting kecil atau cabai di "
                "pinggir foto supaya pembeli langsung tahu rasanya.",
            ),
        ],
    },
    {
        "category": "foto-produk",
        "author": "rizky.pratama",
        "days": 4,
        "kind": "diskusi",
        "title": "Berbagi: tripod dari botol air mineral",
        "body": (
            "Teman-teman yang belum punya tripod, saya pakai botol air 1,5 liter yang "
            "diisi pasir, lalu HP diikat karet. Lumayan stabil untuk foto kerajinan batok. "
            "Biayanya nol rupiah."
        ),
        "replies": [
            ("komang.arta", "Ide bagus, Mas Rizky. Saya coba untuk foto salak di kebun."),
            ("dewi.anggraini", "Kreatif sekali! Nanti saya pakai untuk foto hasil jahitan."),
        ],
    },
    {
        "category": "foto-produk",
        "author": "komang.arta",
        "days": 2,
        "kind": "tanya",
        "title": "Berapa foto yang ideal untuk satu produk di Shopee?",
        "body": "Saya baru upload salak dengan satu foto saja. Apakah perlu lebih banyak?",
        "replies": [
            (
                "agus.setiawan",
                "Minimal 4–5 foto, Bli: tampak depan, detail, kemasan, ukuran (misalnya "
                "dibandingkan dengan tangan), dan foto saat dipakai atau disajikan.",
            ),
        ],
    },
    {
        "category": "toko-online-marketplace",
        "author": "siti.rohmah",
        "days": 12,
        "kind": "tanya",
        "title": "Pengaturan ongkir di Tokopedia: kenapa kurir instan tidak muncul?",
        "body": (
            "Saya sudah aktifkan GoSend dan GrabExpress di pengaturan pengiriman Tokopedia, "
            "tapi pembeli bilang pilihan kurir instan tidak muncul. Apa yang kurang?"
        ),
        "replies": [
            (
                "agus.setiawan",
                "Cek titik alamat toko di peta, Bu. Kurir instan butuh **pin lokasi** yang "
                "tepat. Kalau pin belum dipasang, pilihan instan tidak tampil.",
            ),
            (
                "dewi.anggraini",
                "Selain itu, berat produk juga berpengaruh. Kurir instan biasanya maksimal "
                "sekitar 5 kg per paket.",
            ),
            ("siti.rohmah", "Ternyata pin lokasi saya belum diatur. Sekarang sudah muncul."),
        ],
    },
    {
        "category": "toko-online-marketplace",
        "author": "wayan.sudarsana",
        "days": 11,
        "kind": "tanya",
        "title": "Kirim VCO dalam botol kaca, aman tidak lewat ekspedisi?",
        "body": (
            "Minyak kelapa murni saya pakai botol kaca 250 ml. Takut pecah di jalan. "
            "Bagaimana cara mengemasnya?"
        ),
        "replies": [
            (
                "rahmawati",
                "Bungkus botol dengan bubble wrap dua lapis, masukkan ke kardus yang pas, "
                "lalu isi celahnya dengan kertas koran. Tulis **JANGAN DIBANTING** di luar.",
            ),
            (
                "luh.sukerti",
                "Tambahkan juga opsi asuransi pengiriman, Bli. Biayanya kecil dibanding "
                "kalau harus mengganti barang.",
            ),
        ],
    },
    {
        "category": "toko-online-marketplace",
        "author": "dewi.anggraini",
        "days": 8,
        "kind": "diskusi",
        "title": "Pengalaman pertama dapat pesanan dari luar pulau",
        "body": (
            "Senang sekali, minggu ini dapat pesanan jahit gamis dari Makassar lewat "
            "Shopee. Ongkirnya ternyata lebih murah pakai kargo laut, tapi lebih lama. "
            "Ada yang punya pengalaman serupa?"
        ),
        "replies": [
            ("rizky.pratama", "Selamat, Bu Dewi! Kami di Balikpapan juga sering pakai kargo."),
            ("siti.rohmah", "Ikut senang, Bu. Jangan lupa minta ulasan dari pembelinya."),
        ],
    },
    {
        "category": "toko-online-marketplace",
        "author": "ayu.wulandari",
        "days": 5,
        "kind": "tanya",
        "title": "Jualan jaje Bali yang tidak tahan lama, bisa lewat marketplace?",
        "body": (
            "Jaje saya hanya tahan dua hari. Apakah sebaiknya hanya melayani pesanan dalam kota?"
        ),
        "replies": [
            (
                "agus.setiawan",
                "Untuk makanan basah, batasi pengiriman ke kurir instan dalam kota saja, Bu. "
                "Di Shopee bisa diatur jangkauan pengirimannya.",
            ),
            (
                "wayan.sudarsana",
                "Bisa juga buat versi kering yang lebih awet, misalnya jaje uli yang "
                "dijemur, khusus untuk kirim ke luar daerah.",
            ),
        ],
    },
    {
        "category": "pemasaran-online",
        "author": "agus.setiawan",
        "days": 13,
        "kind": "tanya",
        "title": "WhatsApp Business: cara membuat katalog dan balasan cepat",
        "body": (
            "Pelanggan kopi saya banyak yang tanya harga lewat WA. Saya dengar WhatsApp "
            "Business punya katalog. Cara membuatnya bagaimana?"
        ),
        "replies": [
            (
                "siti.rohmah",
                "Buka **Alat Bisnis → Katalog**, lalu tambahkan produk satu per satu dengan "
                "foto, harga, dan deskripsi. Untuk balasan cepat ada di **Alat Bisnis → "
                "Balasan cepat**; misalnya ketik /harga untuk mengirim daftar harga.",
            ),
            ("agus.setiawan", "Sudah jadi katalognya. Sangat membantu, terima kasih Bu Siti!"),
        ],
        "solution": 0,
    },
    {
        "category": "pemasaran-online",
        "author": "kadek.lestari",
        "days": 10,
        "kind": "diskusi",
        "title": "Jam berapa sebaiknya unggah di Instagram?",
        "body": (
            "Saya perhatikan unggahan anyaman saya lebih banyak disukai kalau diunggah "
            "malam. Bagaimana pengalaman teman-teman?"
        ),
        "replies": [
            (
                "ayu.wulandari",
                "Untuk makanan, yang ramai justru jam 11 siang menjelang makan siang.",
            ),
            (
                "rizky.pratama",
                "Coba lihat menu Insight di akun profesional, Bu. Di sana ada jam ketika "
                "pengikut paling aktif.",
            ),
        ],
    },
    {
        "category": "pemasaran-online",
        "author": "rahmawati",
        "days": 7,
        "kind": "tanya",
        "title": "Status WhatsApp untuk promosi, tidak mengganggu pelanggan?",
        "body": "Saya takut pelanggan bosan kalau setiap hari pasang status jualan.",
        "replies": [
            (
                "dewi.anggraini",
                "Selingi dengan cerita di balik produk, Bu, misalnya proses membuat amplang. "
                "Orang suka melihat prosesnya, bukan hanya harga.",
            ),
        ],
    },
    {
        "category": "pemasaran-online",
        "author": "wayan.sudarsana",
        "days": 3,
        "kind": "diskusi",
        "title": "Menulis cerita produk untuk blog: contoh VCO Kelapa Abang",
        "body": (
            "Saya sedang latihan menulis di blog sesuai kursus Blog dan Web Marketing. "
            "Judul pertama saya: *Dari kelapa tua di Abang menjadi minyak jernih*. "
            "Ada masukan supaya tulisannya menarik?"
        ),
        "replies": [
            (
                "luh.sukerti",
                "Ceritakan siapa yang memetik kelapanya, Bli. Pembeli suka tahu orang di "
                "balik produk.",
            ),
            (
                "kadek.lestari",
                "Tambahkan foto proses dan satu tautan ke toko online di akhir tulisan.",
            ),
        ],
    },
    {
        "category": "harga-dan-keuangan",
        "author": "siti.rohmah",
        "days": 15,
        "kind": "tanya",
        "title": "Cara menghitung harga jual keripik tempe yang benar",
        "body": (
            "Selama ini saya hanya menambah Rp 5.000 dari modal. Ternyata setelah "
            "potongan marketplace, untungnya tipis sekali. Bagaimana cara hitung yang "
            "benar?"
        ),
        "replies": [
            (
                "rahmawati",
                "Hitung dulu semua biaya per bungkus: bahan, kemasan, gas, tenaga, lalu "
                "tambahkan potongan marketplace (sekitar 5–10%) dan keuntungan yang Ibu "
                "inginkan. Jangan lupa biaya promosi.",
            ),
            (
                "agus.setiawan",
                "Saya pakai rumus sederhana: harga jual = (modal per bungkus + untung) ÷ "
                "(1 − persentase potongan). Jadi potongannya tidak memakan untung.",
            ),
        ],
    },
    {
        "category": "harga-dan-keuangan",
        "author": "komang.arta",
        "days": 6,
        "kind": "diskusi",
        "title": "Pembukuan sederhana di HP: pakai aplikasi apa?",
        "body": "Saya masih mencatat di buku tulis. Ada aplikasi gratis yang mudah?",
        "replies": [
            (
                "dewi.anggraini",
                "Saya pakai spreadsheet di HP saja, Bli: satu baris satu transaksi, kolom "
                "tanggal, barang, masuk, keluar.",
            ),
            ("ayu.wulandari", "Yang penting uang usaha dan uang dapur dipisah dulu."),
        ],
    },
    {
        "category": "harga-dan-keuangan",
        "author": "dewi.anggraini",
        "days": 1,
        "kind": "tanya",
        "title": "Pantaskah memberi diskon untuk pelanggan tetap?",
        "body": "Ada pelanggan yang setiap bulan menjahit lima potong. Perlu diberi potongan?",
        "replies": [
            (
                "siti.rohmah",
                "Boleh, Bu, tapi lebih baik bonus daripada potong harga, misalnya gratis "
                "pasang kancing. Harga tetap terjaga.",
            ),
        ],
    },
    {
        "category": "info-komunitas-karangasem",
        "author": "ayu.wulandari",
        "days": 9,
        "kind": "diskusi",
        "title": "Lapak bersama di Pasar Amlapura bulan depan",
        "body": (
            "Om Swastyastu. Ada rencana lapak bersama di Pasar Amlapura. Siapa yang mau "
            "ikut? Kita bisa bagi biaya sewa tenda."
        ),
        "replies": [
            ("luh.sukerti", "Saya ikut, bawa kain endek dan selendang."),
            ("komang.arta", "Saya bawa salak gula pasir dan dodol salak."),
            ("wayan.sudarsana", "VCO ikut juga. Tenda bisa pinjam dari banjar."),
        ],
    },
    {
        "category": "info-komunitas-karangasem",
        "author": "kadek.lestari",
        "days": 2,
        "kind": "diskusi",
        "title": "Titip foto bersama di etalase komunitas",
        "body": "Foto kegiatan kemarin sudah saya kumpulkan. Mau dipasang di mana sebaiknya?",
        "replies": [
            ("luh.sukerti", "Di halaman komunitas saja, Bu Kadek, biar anggota baru bisa lihat."),
        ],
    },
]
