"""The demo courses and the demo members' progress in them, as plain data.

The demo loader reads these structures and writes them into the database;
nothing here touches the database. Everything a member reads is in
Indonesian, written for a beginner over 40 reading on a cheap Android phone.

`COURSES` holds one dict per `CoursePage`, in the order they appear:

- `slug`, `title`, `summary`, `outcomes_html`, `estimated_minutes`, `level`,
  `stage` ("presence", "portal", "transaksi" or ""), `pass_mark`;
- `prerequisites`: slugs of earlier courses;
- `indicators`: `CompetencyIndicator` rows (`code`, `title`, `evidence_kind`,
  `evidence_hint`);
- `pre_test` and `post_test`: `QuizStreamBlock` items as
  `{"type": ..., "value": {...}}`, the value holding `question`, `choices`
  (`text`, `correct`) or `is_true`, `explanation` and `indicator`;
- `lessons`: one dict per `LessonPage` (`slug`, `title`, `summary`,
  `minutes`, `body`), the body being `LessonStreamBlock` items in the same
  `{"type": ..., "value": ...}` shape. Rich text is Wagtail's stored HTML
  (`<b>`, `<i>`, lists), limited to the features each block allows.

The small helpers below only build those dicts and tidy the whitespace of
the HTML written across several source lines.

`DEMO_PROGRESS`, at the bottom, describes what the demo members (see
`pusat.home.demo.MEMBERS`) have done in the courses.
"""

import re
from datetime import date

# --- Helpers: they only shape the data ---------------------------------------

_BLOCK_TAG_SPACE = re.compile(r"\s*(</?(?:p|ul|ol|li|h2|h3)>)\s*")


def _html(source):
    """Collapse the line breaks of a triple-quoted HTML string."""
    return _BLOCK_TAG_SPACE.sub(r"\1", " ".join(source.split()))


def _text(source):
    return {"type": "text", "value": _html(source)}


def _steps(title, *items):
    return {
        "type": "steps",
        "value": {"title": title, "steps": [{"text": f"<p>{_html(item)}</p>"} for item in items]},
    }


def _callout(kind, source):
    return {"type": "callout", "value": {"kind": kind, "text": _html(source)}}


def _tip(source):
    return _callout("tip", source)


def _warning(source):
    return _callout("warning", source)


def _task(title, instructions, indicator):
    return {
        "type": "task",
        "value": {"title": title, "instructions": _html(instructions), "indicator": indicator},
    }


def _choice(question, choices, explanation, indicator):
    """A multiple-choice question; `choices` are (answer, is it the correct one)."""
    return {
        "type": "multiple_choice",
        "value": {
            "question": question,
            "choices": [{"text": text, "correct": correct} for text, correct in choices],
            "explanation": _html(explanation),
            "indicator": indicator,
        },
    }


def _true_false(statement, is_true, explanation, indicator):
    return {
        "type": "true_false",
        "value": {
            "question": statement,
            "is_true": is_true,
            "explanation": _html(explanation),
            "indicator": indicator,
        },
    }


# --- 1. Email untuk Bisnis ------------------------------------------------------

EMAIL_COURSE = {
    "slug": "email-untuk-bisnis",
    "title": "Email untuk Bisnis",
    "summary": (
        "Memakai email untuk usaha langsung dari ponsel: membuat alamat email usaha, menulis, "
        "membalas dan meneruskan pesan, melampirkan foto dan daftar harga, serta memakai CC "
        "dan BCC dengan sopan."
    ),
    "outcomes_html": _html(
        """
        <ul>
        <li>Membuat dan mengamankan alamat email khusus untuk usaha.</li>
        <li>Menulis email yang jelas kepada satu atau banyak penerima.</li>
        <li>Membalas dan meneruskan email pembeli dengan tepat.</li>
        <li>Mengirim foto produk dan daftar harga sebagai lampiran.</li>
        <li>Memakai CC dan BCC untuk menjaga privasi pelanggan.</li>
        <li>Mengurus email usaha dari ponsel.</li>
        </ul>
        """
    ),
    "estimated_minutes": 90,
    "level": "pemula",
    "stage": "presence",
    "pass_mark": 70,
    "prerequisites": [],
    "indicators": [
        {
            "code": "email-alamat",
            "title": "Membuat alamat email usaha",
            "evidence_kind": "text",
            "evidence_hint": (
                "Tulis alamat email usaha yang sudah aktif dan bisa Anda buka, misalnya "
                "namausaha@gmail.com."
            ),
        },
        {
            "code": "email-balas",
            "title": "Membalas dan meneruskan email",
            "evidence_kind": "image",
            "evidence_hint": (
                "Unggah tangkapan layar email yang Anda balas (subjek diawali Re:) atau "
                "teruskan (subjek diawali Fwd:), lengkap dengan isi pesan Anda."
            ),
        },
        {
            "code": "email-lampiran",
            "title": "Mengirim email dengan lampiran",
            "evidence_kind": "image",
            "evidence_hint": (
                "Unggah tangkapan layar email terkirim yang memperlihatkan subjek, isi, dan "
                "lampiran berupa foto produk atau daftar harga."
            ),
        },
        {
            "code": "email-cc-bcc",
            "title": "Menggunakan CC dan BCC dengan tepat",
            "evidence_kind": "image",
            "evidence_hint": (
                "Unggah tangkapan layar email kabar produk yang terkirim ke beberapa orang, "
                "dengan alamat mereka di kolom BCC."
            ),
        },
    ],
    "pre_test": [
        _choice(
            "Manakah alamat email yang paling cocok untuk usaha tenun endek milik Bu Luh?",
            [
                ("cantikmanis1980@gmail.com", False),
                ("endeksarisidemen@gmail.com", True),
                ("endek sari sidemen@gmail.com", False),
                ("luh.x7.q2.abc@gmail.com", False),
            ],
            """Alamat yang baik memuat nama usaha, boleh ditambah nama daerah, pendek, dan
            mudah dieja lewat telepon. Nama panggilan dan tanggal lahir terkesan kurang
            serius, huruf acak sulit diingat, dan alamat email tidak boleh memakai spasi.""",
            "email-alamat",
        ),
        _true_false(
            "Petugas marketplace boleh meminta kode SMS dari akun email Anda untuk membantu "
            "aktivasi.",
            False,
            """Salah. Kode SMS dan kata sandi hanya untuk Anda. Petugas bank, marketplace,
            maupun pengurus Pusat tidak pernah memintanya. Siapa pun yang meminta, jangan
            berikan.""",
            "email-alamat",
        ),
        _choice(
            "Seorang pembeli mengirim email kepada Anda dan dua rekannya. Anda ingin "
            "menjawab pembeli itu saja. Tombol mana yang Anda ketuk?",
            [
                ("Balas semua", False),
                ("Teruskan", False),
                ("Balas", True),
                ("Arsipkan", False),
            ],
            """Balas hanya mengirim jawaban kepada pengirim. Balas semua ikut mengirimkannya
            kepada semua penerima lain, sedangkan Teruskan mengirim email itu kepada orang
            baru.""",
            "email-balas",
        ),
        _true_false(
            "Meneruskan email berarti mengirim email yang Anda terima, beserta lampirannya, "
            "kepada orang lain.",
            True,
            """Benar. Dengan Teruskan, penerima baru langsung membaca isi pesan dan
            lampirannya tanpa perlu Anda tulis ulang. Subjeknya diawali "Fwd:".""",
            "email-balas",
        ),
        _choice(
            "Ikon apa yang biasanya diketuk untuk menambahkan lampiran pada email?",
            [
                ("Penjepit kertas", True),
                ("Pesawat kertas", False),
                ("Pensil", False),
                ("Bintang", False),
            ],
            """Ikon penjepit kertas dipakai untuk melampirkan berkas. Pesawat kertas adalah
            tombol Kirim, pensil untuk menulis email baru, dan bintang untuk menandai email
            penting.""",
            "email-lampiran",
        ),
        _choice(
            "Bu Rohmah ingin mengabarkan promo keripik kepada 40 pelanggan yang tidak saling "
            "kenal. Di kolom mana alamat para pelanggan sebaiknya ditulis?",
            [
                ("Kepada", False),
                ("CC", False),
                ("Subjek", False),
                ("BCC", True),
            ],
            """Alamat di kolom BCC tidak terlihat oleh penerima lain, sehingga data pelanggan
            tidak bocor. Alamat di kolom Kepada dan CC bisa dilihat semua penerima.""",
            "email-cc-bcc",
        ),
        _true_false(
            "Alamat yang ditulis di kolom CC tidak terlihat oleh penerima lain.",
            False,
            """Salah. Semua penerima bisa melihat alamat di kolom Kepada dan CC. Yang
            tersembunyi hanyalah alamat di kolom BCC.""",
            "email-cc-bcc",
        ),
    ],
    "post_test": [
        _choice(
            "Email aktivasi dari marketplace tidak kunjung muncul di kotak masuk. Apa yang "
            "sebaiknya Anda lakukan lebih dulu?",
            [
                ("Membuat alamat email baru", False),
                ("Memeriksa folder Spam dan Promosi", True),
                ("Mengirim kata sandi email ke layanan pelanggan marketplace", False),
                ("Menghapus aplikasi email lalu memasangnya lagi", False),
            ],
            """Email aktivasi sering tersaring ke folder Spam atau Promosi. Periksa di sana
            dulu; jika tetap tidak ada, minta kirim ulang dari layanan tersebut. Kata sandi
            tidak boleh diberikan kepada siapa pun.""",
            "email-alamat",
        ),
        _true_false(
            "Dengan satu aplikasi Gmail di ponsel, Anda bisa memakai email pribadi dan email "
            "usaha secara terpisah dan berpindah di antara keduanya.",
            True,
            """Benar. Tambahkan akun usaha lewat foto profil di pojok kanan atas, lalu
            berpindah akun dengan mengetuk foto profil. Kotak masuk keduanya tetap
            terpisah.""",
            "email-alamat",
        ),
        _choice(
            'Subjek email yang diawali "Fwd:" menandakan bahwa email itu ...',
            [
                ("balasan atas email yang Anda kirim", False),
                ("belum selesai ditulis", False),
                ("diteruskan dari orang lain", True),
                ("pasti penipuan", False),
            ],
            """"Fwd:" berarti email itu diteruskan. Balasan ditandai dengan "Re:", sedangkan
            email yang belum selesai tersimpan di folder Draf.""",
            "email-balas",
        ),
        _true_false(
            "Foto produk sebanyak apa pun bisa dilampirkan dalam satu email, karena tidak ada "
            "batas ukuran lampiran.",
            False,
            """Salah. Setiap penyedia email membatasi ukuran lampiran; di Gmail sekitar 25 MB
            per email. Pilih tiga sampai lima foto terbaik agar email cepat terkirim dan
            tidak menghabiskan kuota pembeli.""",
            "email-lampiran",
        ),
        _choice(
            "Anda menerima email dari pengirim yang tidak dikenal dengan lampiran bernama "
            '"undangan.apk". Apa yang sebaiknya Anda lakukan?',
            [
                ("Membukanya untuk melihat isinya", False),
                ("Meneruskannya ke teman agar mereka yang membuka", False),
                ("Membalas dan menanyakan isi lampirannya", False),
                ("Tidak membukanya, lalu menghapus atau melaporkannya sebagai spam", True),
            ],
            """Berkas berakhiran .apk memasang aplikasi di ponsel. Dari pengirim tak dikenal,
            berkas seperti itu sering berisi aplikasi jahat yang mencuri data dan saldo.
            Jangan dibuka dan jangan diteruskan.""",
            "email-lampiran",
        ),
        _choice(
            "Bu Luh membalas pesanan seragam dari sebuah hotel dan ingin pengurus koperasi "
            "ikut membaca tanpa harus membalas. Alamat pengurus koperasi ditulis di ...",
            [
                ("kolom CC", True),
                ("kolom Subjek", False),
                ("kolom Kepada, menggantikan alamat hotel", False),
                ("tidak perlu ditulis; cukup diceritakan lewat telepon", False),
            ],
            """CC (tembusan) untuk orang yang perlu tahu isi email tetapi tidak harus
            membalas. Karena alamatnya terlihat, pihak hotel juga tahu koperasi ikut
            mengurus pesanan.""",
            "email-cc-bcc",
        ),
        _true_false(
            "Penerima yang alamatnya ditulis di kolom BCC tidak bisa melihat alamat penerima "
            "BCC lainnya.",
            True,
            """Benar. Setiap penerima BCC hanya melihat alamat di kolom Kepada dan CC. Karena
            itu BCC cocok untuk mengirim kabar kepada banyak pelanggan sekaligus.""",
            "email-cc-bcc",
        ),
    ],
    "lessons": [
        {
            "slug": "mendaftar-alamat-email",
            "title": "Mendaftar alamat email usaha",
            "summary": (
                "Mengapa usaha perlu alamat email sendiri, cara memilih nama alamat yang "
                "baik, dan langkah membuat akun email baru."
            ),
            "minutes": 8,
            "body": [
                _text(
                    """
                    <p>Email atau surat elektronik adalah surat yang dikirim lewat internet.
                    Sampainya hanya dalam hitungan detik, tanpa perangko dan tanpa ongkos
                    kirim. Untuk usaha, email dipakai hampir di mana-mana: mendaftar di
                    marketplace, menerima pesanan dari kota lain, mengirim katalog ke toko
                    oleh-oleh, sampai mengurus izin usaha secara online.</p>
                    <p>Bu Luh, penenun endek di Sidemen, Karangasem, dulu memakai satu email
                    untuk semua urusan: keluarga, sekolah anak, dan usaha. Pesan dari pembeli
                    sering tenggelam di antara pesan lain. Sekarang ia punya alamat khusus
                    untuk usahanya, dan tidak ada lagi pesanan yang terlewat.</p>
                    <h2>Memilih nama alamat</h2>
                    <p>Alamat email terdiri atas dua bagian yang dipisahkan tanda @ (dibaca
                    "et"). Di depan tanda @ ada nama pilihan Anda, di belakangnya nama
                    penyedia email. Contohnya <b>endeksarisidemen@gmail.com</b>.</p>
                    <ul>
                    <li>Pakai nama usaha, boleh ditambah nama desa atau jenis produk. Pembeli
                    jadi mudah mengingatnya.</li>
                    <li>Buat pendek dan mudah dieja lewat telepon.</li>
                    <li>Hindari nama panggilan dan tanggal lahir, misalnya
                    <i>cantikmanis1980</i>. Kesannya kurang serius untuk usaha.</li>
                    <li>Jika nama pilihan Anda sudah dipakai orang lain, tambahkan nama daerah
                    atau jenis produk, misalnya <i>endeksarikarangasem</i>.</li>
                    </ul>
                    <p>Ada beberapa penyedia email gratis, misalnya Gmail dari Google. Di
                    ponsel Android, akun Google biasanya sudah tersambung dengan Gmail,
                    sehingga kebanyakan anggota memakai Gmail. Langkah di bawah berlaku umum;
                    tulisan di layar ponsel Anda bisa sedikit berbeda.</p>
                    """
                ),
                _steps(
                    "Membuat akun email baru",
                    """Buka aplikasi Gmail atau situs penyedia email pilihan Anda, lalu ketuk
                    <b>Buat akun</b>. Jika ditanya untuk siapa akun ini, pilih untuk diri
                    sendiri. Akun gratis ini tetap boleh dipakai untuk usaha.""",
                    """Isi nama depan dan nama belakang. Nama ini akan terlihat oleh penerima
                    email Anda, jadi tulislah dengan rapi.""",
                    "Isi tanggal lahir dan jenis kelamin, lalu ketuk <b>Berikutnya</b>.",
                    """Pilih alamat email. Biasanya muncul beberapa usulan; pilih <b>Buat
                    alamat sendiri</b> jika ingin menulis nama pilihan Anda.""",
                    """Buat kata sandi: minimal delapan karakter, campuran huruf, angka, dan
                    tanda baca. Catat di buku kecil yang disimpan di tempat aman.""",
                    """Jika diminta, masukkan nomor ponsel Anda, lalu ketik kode yang dikirim
                    lewat SMS.""",
                    """Baca ketentuan layanan, lalu ketuk <b>Saya setuju</b>. Kotak masuk Anda
                    siap dipakai.""",
                ),
                _warning(
                    """<p><b>Kata sandi dan kode SMS hanya untuk Anda.</b> Petugas bank,
                    marketplace, maupun pengurus Pusat tidak pernah memintanya. Jika ada yang
                    meminta, lewat telepon atau pesan apa pun, jangan berikan.</p>"""
                ),
            ],
        },
        {
            "slug": "aktivasi-dan-keamanan",
            "title": "Mengaktifkan dan mengamankan akun",
            "summary": (
                "Memastikan akun email bisa dipakai dan dipulihkan, mengenal folder di kotak "
                "masuk, dan memahami email aktivasi dari layanan lain."
            ),
            "minutes": 8,
            "body": [
                _text(
                    """
                    <p>Akun email yang baru dibuat perlu dipastikan benar-benar siap dipakai:
                    Anda bisa masuk, menerima pesan, dan memulihkan akun jika suatu hari lupa
                    kata sandi.</p>
                    <h2>Pesan pertama di kotak masuk</h2>
                    <p>Buka aplikasi email Anda. Biasanya sudah ada satu atau dua pesan
                    sambutan dari penyedia email. Artinya alamat Anda sudah aktif dan bisa
                    menerima surat. Kenali juga beberapa folder penting: <b>Kotak Masuk</b>
                    untuk pesan yang datang, <b>Terkirim</b> untuk pesan yang sudah Anda
                    kirim, <b>Draf</b> untuk pesan yang belum selesai, dan <b>Spam</b> untuk
                    pesan yang dicurigai sebagai iklan atau penipuan.</p>
                    """
                ),
                _steps(
                    "Memastikan akun bisa dipulihkan",
                    """Ketuk foto profil atau huruf awal nama Anda di pojok kanan atas, lalu
                    pilih pengaturan akun. Di Gmail namanya <b>Kelola Akun Google
                    Anda</b>.""",
                    """Buka bagian keamanan, lalu periksa <b>nomor telepon pemulihan</b>.
                    Pastikan nomornya benar dan masih aktif.""",
                    """Tambahkan <b>email pemulihan</b>, misalnya email pribadi Anda atau
                    email anak Anda. Lewat email ini akun bisa dipulihkan jika Anda lupa
                    kata sandi.""",
                    """Jika tersedia, nyalakan <b>verifikasi dua langkah</b>. Setiap kali
                    masuk dari ponsel lain, Anda perlu kode tambahan, sehingga orang lain
                    sulit membobol akun Anda.""",
                ),
                _text(
                    """
                    <h2>Email aktivasi dari layanan lain</h2>
                    <p>Mulai sekarang alamat ini akan Anda pakai untuk mendaftar di banyak
                    tempat: marketplace, blog, aplikasi kurir, juga portal ini. Banyak layanan
                    mengirim <b>email aktivasi</b> berisi tautan atau kode angka. Akun Anda di
                    layanan itu baru aktif setelah tautannya diketuk atau kodenya
                    dimasukkan.</p>
                    <p>Pak Komang, petani salak di Sibetan, pernah menunggu dua hari karena
                    akunnya di sebuah marketplace tidak kunjung aktif. Ternyata email
                    aktivasinya masuk ke folder Spam.</p>
                    """
                ),
                _tip(
                    """<p>Email aktivasi tidak muncul? Tunggu beberapa menit, lalu periksa
                    folder <b>Spam</b> dan <b>Promosi</b>. Tautan aktivasi biasanya hanya
                    berlaku beberapa jam; jika sudah kedaluwarsa, minta kirim ulang dari
                    layanan tersebut.</p>"""
                ),
                _warning(
                    """<p>Jika Anda membuka email di komputer umum, misalnya di warnet atau di
                    kantor Pusat, selalu <b>keluar</b> dari akun setelah selesai.</p>"""
                ),
                _task(
                    "Kirim alamat email usaha Anda",
                    """
                    <p>Pastikan akun email usaha Anda sudah aktif dan aman:</p>
                    <ol>
                    <li>Masuk ke akun dan buka kotak masuk.</li>
                    <li>Periksa nomor telepon pemulihan dan tambahkan email pemulihan.</li>
                    <li>Tulis alamat email usaha Anda di kolom bukti tugas ini, lalu
                    kirim.</li>
                    </ol>
                    <p>Pengurus akan memeriksa apakah alamatnya mudah dibaca dan cocok untuk
                    usaha.</p>
                    """,
                    "email-alamat",
                ),
            ],
        },
        {
            "slug": "menulis-email",
            "title": "Menulis email kepada satu atau banyak orang",
            "summary": (
                "Bagian-bagian email, contoh email penawaran yang sopan, dan cara mengirim "
                "ke satu atau beberapa penerima."
            ),
            "minutes": 10,
            "body": [
                _text(
                    """
                    <p>Menulis email mirip menulis surat, hanya lebih singkat. Setiap email
                    punya tiga bagian penting:</p>
                    <ul>
                    <li><b>Kepada</b>: alamat email penerima.</li>
                    <li><b>Subjek</b>: judul singkat yang menjelaskan isi email, misalnya
                    "Penawaran minyak kelapa murni untuk toko oleh-oleh".</li>
                    <li><b>Isi</b>: pesan Anda.</li>
                    </ul>
                    <p>Subjek sangat penting. Pemilik toko menerima banyak email setiap hari,
                    dan subjek yang jelas membuat email Anda dibuka. Hindari subjek kosong
                    atau yang hanya bertuliskan "Halo".</p>
                    <h2>Contoh isi email</h2>
                    <p>Pak Wayan membuat minyak kelapa murni (VCO) di Abang, Karangasem. Ia
                    ingin menawarkan produknya kepada toko oleh-oleh di Denpasar. Begini
                    emailnya:</p>
                    <p><i>Selamat pagi, Ibu Made.</i></p>
                    <p><i>Saya Wayan Sudarsana dari VCO Kelapa Abang, Karangasem. Kami membuat
                    minyak kelapa murni dari kelapa tua pilihan, dalam botol 100 ml dan
                    250 ml.</i></p>
                    <p><i>Kami ingin menitipkan produk kami di toko Ibu. Apakah Ibu berkenan
                    menerima contoh produk minggu depan? Terima kasih atas waktunya.</i></p>
                    <p><i>Salam, Wayan Sudarsana, VCO Kelapa Abang, WhatsApp
                    0813-xxxx-xxxx</i></p>
                    <p>Perhatikan urutannya: salam, perkenalan singkat, maksud, penutup, lalu
                    nama dan nomor yang bisa dihubungi.</p>
                    """
                ),
                _steps(
                    "Menulis dan mengirim email",
                    """Buka aplikasi email, lalu ketuk tombol <b>Tulis</b> (biasanya
                    bergambar pensil).""",
                    """Di kolom <b>Kepada</b>, ketik alamat email penerima. Periksa ejaannya
                    huruf demi huruf; salah satu huruf saja, email tidak akan sampai.""",
                    """Untuk mengirim ke beberapa orang sekaligus, ketik alamat berikutnya di
                    kolom yang sama. Setiap alamat akan tampil terpisah.""",
                    "Tulis subjek yang jelas.",
                    "Tulis isi email, lalu baca sekali lagi sebelum dikirim.",
                    """Ketuk tombol <b>Kirim</b> (bergambar pesawat kertas). Email yang sudah
                    terkirim bisa dilihat lagi di folder <b>Terkirim</b>.""",
                ),
                _tip(
                    """<p>Buat <b>tanda tangan</b> otomatis di pengaturan aplikasi email: nama,
                    nama usaha, dan nomor WhatsApp. Tanda tangan ini muncul di bawah setiap
                    email tanpa perlu diketik ulang.</p>"""
                ),
                _warning(
                    """<p>Jika Anda menulis beberapa alamat di kolom Kepada, <b>semua penerima
                    bisa melihat alamat satu sama lain</b>. Untuk mengirim kabar kepada banyak
                    pelanggan yang tidak saling kenal, pakai BCC. Caranya dibahas di pelajaran
                    CC dan BCC.</p>"""
                ),
                _text(
                    """<p>Email yang belum selesai ditulis otomatis tersimpan di folder
                    <b>Draf</b>, sehingga Anda bisa melanjutkannya nanti.</p>"""
                ),
            ],
        },
        {
            "slug": "membalas-dan-meneruskan",
            "title": "Membalas dan meneruskan email",
            "summary": (
                "Kapan memakai Balas, Balas semua, dan Teruskan, dengan contoh pesanan kain "
                "endek dari Jakarta."
            ),
            "minutes": 10,
            "body": [
                _text(
                    """
                    <p>Pembeli yang menulis email menunggu jawaban. Makin cepat Anda membalas,
                    makin besar peluang pesanan jadi. Usahakan membalas paling lambat dalam
                    satu hari kerja.</p>
                    <p>Di setiap email ada tiga tombol penting:</p>
                    <ul>
                    <li><b>Balas</b>: menjawab pengirim saja.</li>
                    <li><b>Balas semua</b>: menjawab pengirim dan semua orang yang ikut
                    menerima email tersebut.</li>
                    <li><b>Teruskan</b>: mengirim email itu, lengkap dengan lampirannya,
                    kepada orang lain.</li>
                    </ul>
                    <h2>Contoh sehari-hari</h2>
                    <p>Seorang pembeli dari Jakarta mengirim email kepada Bu Luh, menanyakan
                    harga kain endek untuk seragam kantor. Bu Luh mengetuk <b>Balas</b> dan
                    menjawab harga serta lama pengerjaan. Subjeknya otomatis diawali "Re:",
                    tanda bahwa ini balasan.</p>
                    <p>Setelah pesanan disepakati, Bu Luh mengetuk <b>Teruskan</b> dan
                    mengirim email itu kepada adiknya yang mengurus pengiriman. Adiknya
                    langsung tahu alamat dan jumlah pesanan tanpa perlu ditulis ulang.
                    Subjeknya diawali "Fwd:".</p>
                    """
                ),
                _steps(
                    "Membalas email",
                    "Buka email yang ingin dibalas.",
                    """Ketuk <b>Balas</b>. Alamat pengirim dan subjek otomatis terisi.""",
                    """Tulis jawaban Anda. Jawab semua pertanyaan pembeli, satu per
                    satu.""",
                    "Ketuk <b>Kirim</b>.",
                ),
                _steps(
                    "Meneruskan email",
                    "Buka email yang ingin diteruskan.",
                    """Ketuk <b>Teruskan</b>. Di Gmail, tombol ini ada di bagian bawah email
                    atau di menu bertanda titik tiga.""",
                    "Ketik alamat penerima baru di kolom Kepada.",
                    """Tambahkan catatan singkat di atas pesan, misalnya "Dik, tolong siapkan
                    20 lembar untuk dikirim hari Jumat.\"""",
                    "Ketuk <b>Kirim</b>.",
                ),
                _warning(
                    """<p>Hati-hati dengan <b>Balas semua</b>. Jawaban Anda akan terbaca oleh
                    semua penerima. Sebelum mengirim, lihat lagi siapa saja yang ada di kolom
                    Kepada dan CC.</p>"""
                ),
                _tip(
                    """<p>Sebelum meneruskan, periksa isi email lama. Hapus bagian yang tidak
                    perlu diketahui penerima baru, misalnya nomor telepon pribadi
                    pembeli.</p>"""
                ),
                _task(
                    "Balas dan teruskan email",
                    """
                    <ol>
                    <li>Minta anggota keluarga atau teman mengirim email berisi pertanyaan,
                    seolah-olah ia pembeli.</li>
                    <li>Balas email itu dengan jawaban yang lengkap dan sopan.</li>
                    <li>Teruskan email yang sama kepada orang lain, dengan catatan singkat di
                    atasnya.</li>
                    <li>Buka folder <b>Terkirim</b>, ambil tangkapan layar salah satu email
                    itu, lalu unggah sebagai bukti.</li>
                    </ol>
                    """,
                    "email-balas",
                ),
            ],
        },
        {
            "slug": "melampirkan-berkas",
            "title": "Melampirkan foto dan berkas",
            "summary": (
                "Mengirim foto produk, katalog, dan daftar harga sebagai lampiran, serta "
                "memahami batas ukuran lampiran."
            ),
            "minutes": 10,
            "body": [
                _text(
                    """
                    <p>Lampiran adalah berkas yang ikut dikirim bersama email: foto produk,
                    daftar harga, katalog, atau surat penawaran. Semua berkas itu tersimpan
                    rapi bersama percakapannya, sehingga mudah dicari lagi kapan saja.</p>
                    <p>Pak Komang ingin menjual salak gula pasir Sibetan ke sebuah pasar
                    swalayan di Denpasar. Bagian pembelian meminta daftar harga dan foto buah.
                    Pak Komang mengirim satu email berisi daftar harga dalam bentuk PDF dan
                    tiga foto salak yang baru dipetik.</p>
                    """
                ),
                _steps(
                    "Melampirkan berkas",
                    "Tulis email seperti biasa: Kepada, Subjek, dan isi.",
                    "Ketuk ikon <b>penjepit kertas</b> di bagian atas layar.",
                    """Pilih <b>Lampirkan file</b>, lalu cari berkasnya di galeri atau di
                    folder unduhan, dan ketuk berkas itu. Untuk memilih beberapa foto, tekan
                    lama foto pertama, lalu ketuk foto lainnya.""",
                    """Tunggu sampai lampiran tampil di bawah isi email. Jika masih ada tanda
                    sedang memuat, tunggu hingga selesai.""",
                    """Sebutkan lampirannya di isi email, misalnya "Terlampir daftar harga dan
                    tiga foto salak.\"""",
                    """Ketuk <b>Kirim</b>. Email berlampiran butuh waktu sedikit lebih lama
                    untuk terkirim, terutama jika sinyal lemah.""",
                ),
                _text(
                    """
                    <h2>Ukuran lampiran</h2>
                    <p>Setiap penyedia email membatasi ukuran lampiran. Di Gmail, batasnya
                    sekitar 25 MB per email. Jika berkas lebih besar, aplikasi biasanya
                    menawarkan untuk mengirimnya sebagai tautan ke penyimpanan online. Foto
                    dari kamera ponsel biasanya berukuran 1 sampai 5 MB, jadi beberapa foto
                    masih muat dalam satu email.</p>
                    <p>Pembeli yang membuka email di ponsel dengan kuota terbatas akan
                    berterima kasih jika Anda tidak mengirim terlalu banyak foto sekaligus.
                    Pilih tiga sampai lima foto terbaik.</p>
                    """
                ),
                _tip(
                    """<p>Simpan katalog dan daftar harga terbaru dalam satu folder di ponsel.
                    Setiap ada permintaan, Anda tinggal melampirkannya dalam satu menit.</p>"""
                ),
                _warning(
                    """<p>Jangan membuka lampiran dari pengirim yang tidak Anda kenal, apalagi
                    berkas berakhiran <b>.apk</b>. Berkas seperti itu bisa memasang aplikasi
                    jahat yang mencuri data dan saldo Anda.</p>"""
                ),
                _task(
                    "Kirim katalog lewat email",
                    """
                    <ol>
                    <li>Pilih dua atau tiga foto produk Anda, atau daftar harga.</li>
                    <li>Kirim sebagai lampiran ke alamat email anggota keluarga atau ke
                    alamat Anda sendiri, dengan subjek dan isi yang jelas.</li>
                    <li>Buka folder <b>Terkirim</b>, buka email tadi, lalu ambil tangkapan
                    layar yang memperlihatkan subjek dan lampirannya. Di kebanyakan ponsel
                    Android, tekan tombol daya dan tombol kecilkan volume bersamaan.</li>
                    <li>Unggah tangkapan layar itu sebagai bukti.</li>
                    </ol>
                    """,
                    "email-lampiran",
                ),
            ],
        },
        {
            "slug": "cc-dan-bcc",
            "title": "CC dan BCC: mengirim ke banyak orang dengan sopan",
            "summary": (
                "Perbedaan kolom Kepada, CC, dan BCC, serta cara mengirim kabar kepada banyak "
                "pelanggan tanpa membocorkan alamat mereka."
            ),
            "minutes": 10,
            "body": [
                _text(
                    """
                    <p>Selain kolom Kepada, setiap email punya dua kolom lain untuk penerima:
                    CC dan BCC. Keduanya sering tersembunyi, padahal sangat berguna untuk
                    usaha.</p>
                    <ul>
                    <li><b>Kepada</b>: orang yang diajak bicara dan diharapkan
                    membalas.</li>
                    <li><b>CC</b> (tembusan): orang yang perlu tahu isinya, tetapi tidak harus
                    membalas. Semua penerima bisa melihat alamat di kolom CC.</li>
                    <li><b>BCC</b> (tembusan tersembunyi): penerima yang alamatnya <b>tidak
                    terlihat</b> oleh penerima lain.</li>
                    </ul>
                    <h2>Kapan memakai CC</h2>
                    <p>Bu Luh menjawab pesanan seragam dari sebuah hotel. Ia menulis alamat
                    bagian pembelian hotel di kolom Kepada, dan alamat pengurus koperasi yang
                    ikut menggarap pesanan di kolom CC. Semua pihak membaca kesepakatan yang
                    sama.</p>
                    <h2>Kapan memakai BCC</h2>
                    <p>Bu Rohmah menjual keripik tempe di Bekasi. Menjelang Lebaran, ia ingin
                    mengabarkan parsel keripik kepada 40 pelanggan tetap. Jika semua alamat
                    ditulis di kolom Kepada, setiap pelanggan bisa melihat alamat 39 orang
                    lainnya. Data pelanggan bocor dan bisa disalahgunakan. Karena itu Bu
                    Rohmah menulis alamatnya sendiri di kolom Kepada dan semua alamat
                    pelanggan di kolom BCC. Setiap pelanggan hanya melihat alamat Bu
                    Rohmah.</p>
                    """
                ),
                _steps(
                    "Memakai CC dan BCC",
                    "Ketuk <b>Tulis</b> untuk membuat email baru.",
                    """Ketuk tanda panah kecil di ujung kolom <b>Kepada</b>. Kolom <b>Cc</b>
                    dan <b>Bcc</b> akan muncul.""",
                    """Isi kolom Kepada dengan penerima utama. Untuk kabar kepada banyak
                    pelanggan, isi dengan alamat Anda sendiri.""",
                    """Isi kolom Cc dengan orang yang perlu tahu, atau kolom Bcc dengan para
                    pelanggan.""",
                    """Tulis subjek dan isi, lalu periksa sekali lagi: alamat pelanggan harus
                    ada di Bcc, bukan di Kepada atau Cc.""",
                    "Ketuk <b>Kirim</b>.",
                ),
                _tip(
                    """<p>Penerima BCC tidak ikut menerima balasan orang lain, juga ketika
                    seseorang mengetuk <b>Balas semua</b>. Pelanggan Anda tidak akan
                    kebanjiran balasan dari sesama pelanggan.</p>"""
                ),
                _warning(
                    """<p>Jangan mengirim promosi kepada orang yang tidak pernah memberikan
                    alamat emailnya kepada Anda. Selain tidak sopan, email Anda bisa ditandai
                    sebagai spam, sehingga email penting Anda berikutnya ikut masuk folder
                    Spam.</p>"""
                ),
                _task(
                    "Kirim kabar produk dengan BCC",
                    """
                    <ol>
                    <li>Tulis email kabar produk atau promo, misalnya "Tersedia lagi: keripik
                    tempe pedas".</li>
                    <li>Isi kolom Kepada dengan alamat Anda sendiri.</li>
                    <li>Isi kolom Bcc dengan alamat tiga anggota keluarga atau teman yang
                    sudah setuju membantu.</li>
                    <li>Kirim, lalu buka email itu di folder <b>Terkirim</b>. Ketuk tulisan
                    penerima di bawah nama Anda agar kolom Bcc terlihat, ambil tangkapan
                    layar, lalu unggah sebagai bukti.</li>
                    </ol>
                    """,
                    "email-cc-bcc",
                ),
            ],
        },
        {
            "slug": "email-di-ponsel",
            "title": "Memakai email di ponsel",
            "summary": (
                "Menambahkan akun email usaha di ponsel dan kebiasaan kecil agar pesan "
                "pembeli tidak terlewat."
            ),
            "minutes": 8,
            "body": [
                _text(
                    """<p>Kebanyakan pembeli sekarang membaca email dari ponsel, dan Anda pun
                    bisa mengurus semua email usaha dari ponsel. Di ponsel Android, aplikasi
                    Gmail biasanya sudah terpasang. Jika belum ada, pasang dari Play
                    Store.</p>"""
                ),
                _steps(
                    "Menambahkan akun email usaha di ponsel",
                    "Buka aplikasi Gmail.",
                    "Ketuk foto profil atau huruf awal nama Anda di pojok kanan atas.",
                    """Pilih <b>Tambahkan akun lain</b>, lalu pilih jenis akunnya, misalnya
                    Google.""",
                    """Masukkan alamat email usaha dan kata sandinya, lalu ikuti petunjuk di
                    layar.""",
                    """Sekarang Anda bisa berpindah akun dengan mengetuk foto profil. Email
                    pribadi dan email usaha tetap terpisah.""",
                ),
                _text(
                    """
                    <h2>Kebiasaan kecil yang membantu</h2>
                    <ul>
                    <li><b>Nyalakan notifikasi</b> untuk akun usaha, agar pesan pembeli
                    langsung terlihat.</li>
                    <li><b>Beri bintang</b> pada email pesanan yang belum selesai. Ketuk ikon
                    bintang di samping email; semua email berbintang bisa dibuka dari
                    menu.</li>
                    <li><b>Pakai kotak pencarian</b> di bagian atas. Ketik nama pembeli atau
                    kata "pesanan" untuk menemukan email lama dalam hitungan detik.</li>
                    <li><b>Arsipkan</b> email yang sudah selesai diurus, agar kotak masuk
                    tetap rapi. Email yang diarsipkan tidak hilang dan masih bisa
                    dicari.</li>
                    <li><b>Periksa folder Spam</b> seminggu sekali. Kadang pesan pembeli
                    tersaring ke sana secara keliru.</li>
                    </ul>
                    <p>Pak Yusuf, perajin bambu di Balikpapan, sering bekerja di bengkel yang
                    sinyalnya lemah. Ia tetap menulis balasan di ponsel. Jika sinyal hilang,
                    email menunggu di folder <b>Kotak Keluar</b> dan terkirim sendiri begitu
                    sinyal kembali.</p>
                    """
                ),
                _tip(
                    """<p>Hemat kuota: atur aplikasi agar lampiran hanya diunduh otomatis saat
                    ponsel tersambung ke Wi-Fi. Pengaturan ini biasanya ada di pengaturan
                    akun, bagian penggunaan data.</p>"""
                ),
                _warning(
                    """<p>Pasang kunci layar (PIN atau pola) di ponsel. Jika ponsel hilang,
                    segera ganti kata sandi email dari ponsel atau komputer lain, karena akun
                    toko dan blog Anda nanti terhubung ke email ini.</p>"""
                ),
            ],
        },
    ],
}

# --- 2. Blog dan Web Marketing ----------------------------------------------------

BLOG_COURSE = {
    "slug": "blog-dan-web-marketing",
    "title": "Blog dan Web Marketing",
    "summary": (
        "Membuat blog usaha dengan akun email Anda, menulis cerita produk, memasang foto dan "
        "video, berjejaring dengan blog lain, menyediakan kontak bagi pembaca, dan menautkan "
        "produk ke toko online."
    ),
    "outcomes_html": _html(
        """
        <ul>
        <li>Membuat dan merapikan blog usaha dengan akun email sendiri.</li>
        <li>Menulis dan menerbitkan postingan tentang usaha dan produk.</li>
        <li>Memasang foto produk dan video pendek di postingan.</li>
        <li>Mengikuti dan menyapa blog lain untuk membangun jejaring.</li>
        <li>Menyediakan halaman Kontak dan Tanya Jawab bagi pembaca.</li>
        <li>Menautkan produk dari blog ke toko online atau etalase.</li>
        </ul>
        """
    ),
    "estimated_minutes": 120,
    "level": "pemula",
    "stage": "portal",
    "pass_mark": 70,
    "prerequisites": ["email-untuk-bisnis"],
    "indicators": [
        {
            "code": "blog-postingan",
            "title": "Menerbitkan tulisan di blog",
            "evidence_kind": "link",
            "evidence_hint": (
                "Tempel tautan postingan pertama Anda tentang usaha atau produk Anda: minimal "
                "tiga paragraf, dengan judul yang jelas."
            ),
        },
        {
            "code": "blog-foto-produk",
            "title": "Memposting foto produk di blog",
            "evidence_kind": "link",
            "evidence_hint": (
                "Tempel tautan postingan yang memuat minimal tiga foto produk Anda sendiri, "
                "masing-masing dengan keterangan."
            ),
        },
        {
            "code": "blog-kontak",
            "title": "Menyediakan halaman kontak",
            "evidence_kind": "link",
            "evidence_hint": (
                "Tempel tautan halaman Kontak di blog Anda yang memuat tautan WhatsApp, email "
                "usaha, dan daerah asal Anda."
            ),
        },
        {
            "code": "blog-tautan-produk",
            "title": "Menautkan produk dari blog",
            "evidence_kind": "link",
            "evidence_hint": (
                "Tempel tautan postingan yang memuat tautan ke produk Anda di toko online, di "
                "etalase portal ini, atau ke WhatsApp Anda."
            ),
        },
    ],
    "pre_test": [
        _choice(
            "Apa yang Anda perlukan untuk membuat blog gratis di Blogger?",
            [
                ("Nomor Induk Berusaha (NIB)", False),
                ("Akun email Google, misalnya alamat Gmail usaha Anda", True),
                ("Rekening bank atas nama usaha", False),
                ("Toko yang sudah aktif di marketplace", False),
            ],
            """Blogger cukup memakai akun Google. Alamat Gmail usaha yang Anda buat di kursus
            Email untuk Bisnis bisa langsung dipakai untuk masuk dan membuat blog.""",
            "blog-postingan",
        ),
        _true_false(
            'Judul postingan yang jelas, misalnya "Cara Menyimpan Salak agar Tahan Seminggu", '
            "membantu pembeli menemukan blog Anda lewat mesin pencari.",
            True,
            """Benar. Orang mencari dengan kata-kata seperti itu di Google. Judul yang memuat
            kata yang dicari orang lebih mudah ditemukan daripada judul seperti "Postingan
            1".""",
            "blog-postingan",
        ),
        _choice(
            "Bagaimana cara yang dianjurkan untuk menampilkan video produk di blog?",
            [
                ("Mengirim videonya lewat email kepada setiap pembaca", False),
                ("Mengunggah video ke YouTube, lalu menyisipkannya ke postingan", True),
                ("Mengubah video menjadi puluhan foto", False),
                ("Menulis ukuran berkas video di judul postingan", False),
            ],
            """Video yang diunggah ke YouTube lalu disisipkan ke postingan bisa ditonton
            dengan kualitas yang sesuai sinyal pembaca, dan blog Anda tetap cepat
            dibuka.""",
            "blog-foto-produk",
        ),
        _true_false(
            "Keterangan di bawah foto produk, misalnya ukuran kain dan bahannya, tidak ada "
            "gunanya bagi pembaca.",
            False,
            """Salah. Keterangan menjawab pertanyaan pembeli sebelum ditanyakan, dan membantu
            mesin pencari memahami isi foto.""",
            "blog-foto-produk",
        ),
        _choice(
            "Apa bedanya halaman dan postingan di blog?",
            [
                ("Tidak ada bedanya", False),
                ("Halaman hanya boleh berisi foto", False),
                (
                    "Halaman berisi informasi tetap seperti Kontak; postingan terbit berurutan "
                    "menurut tanggal",
                    True,
                ),
                ("Postingan tidak bisa dibaca orang lain", False),
            ],
            """Postingan seperti buku harian yang terus bertambah. Halaman berisi informasi
            tetap yang jarang berubah, seperti Tentang Kami, Kontak, dan Tanya Jawab, dan
            biasanya tampil di menu blog.""",
            "blog-kontak",
        ),
        _true_false(
            "Seorang pembaca menanyakan di kolom komentar apakah VCO bisa menyembuhkan penyakit "
            "anaknya. Sebaiknya Anda menjawab ya, agar ia membeli.",
            False,
            """Salah. Jawablah sebatas yang Anda ketahui tentang produk Anda, dan sarankan
            pembaca bertanya kepada tenaga kesehatan. Janji yang berlebihan merusak
            kepercayaan dan bisa melanggar aturan.""",
            "blog-kontak",
        ),
        _choice(
            "Pembaca blog tertarik pada produk Anda. Apa cara termudah membawanya ke toko "
            "online Anda?",
            [
                ("Meminta pembaca mencari sendiri nama toko Anda", False),
                ("Memasang tautan ke halaman produk di akhir postingan", True),
                ("Menuliskan nomor rekening di postingan", False),
                ("Menunggu pembaca mengirim surat", False),
            ],
            """Tautan langsung ke halaman produk membuat pembaca cukup mengetuk sekali untuk
            membeli. Pembayaran tetap lewat marketplace, sehingga aman bagi kedua
            pihak.""",
            "blog-tautan-produk",
        ),
    ],
    "post_test": [
        _choice(
            "Manakah judul postingan yang paling baik?",
            [
                ("Postingan 1", False),
                ("HALO SEMUA!!!", False),
                ("Tanpa judul", False),
                ("Cara Kami Membuat Minyak Kelapa Murni di Abang, Karangasem", True),
            ],
            """Judul yang baik menjelaskan isi tulisan dan memuat kata yang mungkin dicari
            orang, seperti "minyak kelapa murni" dan nama daerah.""",
            "blog-postingan",
        ),
        _true_false(
            "Setelah Anda mengetuk Publikasikan, postingan masih bisa diperbaiki.",
            True,
            """Benar. Buka lagi dari menu Postingan, ubah isinya, lalu ketuk Perbarui.
            Perubahan langsung terlihat oleh pembaca.""",
            "blog-postingan",
        ),
        _choice(
            "Foto produk yang akan dipasang di blog sebaiknya ...",
            [
                ("diambil dari toko lain yang produknya mirip", False),
                ("dipilih yang terang dan tajam, lalu diberi keterangan", True),
                ("diberi tulisan nomor rekening besar-besar", False),
                ("dipotret dengan lampu kilat sedekat mungkin", False),
            ],
            """Foto sendiri yang terang dan tajam, dengan keterangan singkat, paling meyakinkan
            pembaca. Foto milik orang lain bisa melanggar hak cipta.""",
            "blog-foto-produk",
        ),
        _true_false(
            "Memakai foto produk milik orang lain yang ditemukan di internet boleh saja, asal "
            "produknya mirip.",
            False,
            """Salah. Foto itu milik pemotretnya, dan pembeli bisa merasa tertipu jika barang
            yang datang berbeda. Pakailah foto dan video milik Anda sendiri.""",
            "blog-foto-produk",
        ),
        _choice(
            "Manakah tautan WhatsApp yang benar untuk nomor 0812-3456-7890?",
            [
                ("https://wa.me/081234567890", False),
                ("https://wa.me/6281234567890", True),
                ("https://wa.me/+62 812-3456-7890", False),
                ("https://wa.me/0812-3456-7890", False),
            ],
            """Tautan wa.me memakai kode negara 62 tanpa angka 0 di depan, tanpa tanda plus,
            spasi, atau tanda hubung.""",
            "blog-kontak",
        ),
        _choice(
            "Apa manfaat mengikuti dan berkomentar di blog sesama pelaku usaha?",
            [
                ("Membangun jejaring: pemilik blog dan pembacanya mengenal usaha Anda", True),
                ("Blog Anda otomatis naik ke urutan pertama di Google", False),
                ("Anda mendapat uang dari setiap komentar", False),
                ("Tidak ada manfaatnya", False),
            ],
            """Komentar yang bermakna membuka percakapan. Pemilik blog dan pembacanya bisa
            mampir ke blog Anda, dan kadang lahir kerja sama, seperti Bu Luh dengan penjahit
            kebaya di Denpasar.""",
            "blog-kontak",
        ),
        _true_false(
            'Daripada menulis harga di postingan, lebih baik menulis "Cek harga terbaru di '
            'toko kami" dan memasang tautan ke produknya.',
            True,
            """Benar. Harga dan stok berubah, sedangkan postingan lama jarang diperbarui.
            Tautan ke produk selalu menunjukkan harga dan stok terbaru.""",
            "blog-tautan-produk",
        ),
    ],
    "lessons": [
        {
            "slug": "membuat-blog",
            "title": "Membuat blog dengan akun email Anda",
            "summary": (
                "Apa itu blog, mengapa berguna bagi usaha, dan cara membuat blog gratis "
                "dengan alamat email usaha Anda."
            ),
            "minutes": 10,
            "body": [
                _text(
                    """
                    <p>Blog adalah situs sederhana tempat Anda menulis cerita, memajang foto,
                    dan berbagi pengetahuan seputar usaha. Berbeda dengan status media sosial
                    yang cepat tenggelam, tulisan di blog bisa ditemukan lewat mesin pencari
                    seperti Google selama bertahun-tahun.</p>
                    <p>Bayangkan seseorang di Surabaya mengetik "cara memakai minyak kelapa
                    murni untuk memasak". Jika Pak Wayan pernah menulis tentang itu di
                    blognya, orang tersebut bisa sampai ke blognya, lalu mengenal
                    produknya.</p>
                    <h2>Memilih tempat membuat blog</h2>
                    <p>Ada beberapa layanan blog gratis, misalnya Blogger dari Google dan
                    WordPress.com. Di kursus ini kita memakai contoh Blogger, karena Anda
                    cukup masuk dengan akun Gmail yang sudah dibuat di kursus Email untuk
                    Bisnis. Cara kerja layanan lain mirip.</p>
                    <p>Alamat blog gratis di Blogger berakhiran <b>.blogspot.com</b>, misalnya
                    <i>vcokelapaabang.blogspot.com</i>. Bagian depannya Anda pilih
                    sendiri.</p>
                    """
                ),
                _steps(
                    "Membuat blog baru di Blogger",
                    """Buka peramban di ponsel, misalnya Chrome, lalu kunjungi
                    <b>blogger.com</b>.""",
                    """Ketuk <b>Buat blog Anda</b>, lalu masuk dengan alamat email usaha
                    Anda.""",
                    """Tulis <b>judul blog</b>, misalnya nama usaha Anda. Judul ini bisa
                    diganti kapan saja.""",
                    """Pilih <b>alamat blog</b>. Jika alamat itu sudah dipakai orang lain,
                    Blogger akan memberi tahu; coba tambahkan nama daerah atau jenis
                    produk.""",
                    """Periksa <b>nama tampilan</b>, yaitu nama yang muncul sebagai penulis
                    tulisan Anda.""",
                    """Blog Anda sudah jadi. Ketuk <b>Lihat blog</b> untuk melihat
                    tampilannya.""",
                ),
                _tip(
                    """<p>Pilih alamat blog yang sama atau mirip dengan alamat email dan nama
                    toko Anda. Pembeli lebih mudah mengingat satu nama, dan lebih yakin bahwa
                    semuanya milik usaha yang sama.</p>"""
                ),
                _warning(
                    """<p>Blogger paling nyaman diatur dari peramban. Jika menunya terasa
                    sempit di ponsel, pilih <b>Situs desktop</b> di menu peramban, putar ponsel
                    mendatar, atau pakai komputer di kantor Pusat pada jam layanan.</p>"""
                ),
            ],
        },
        {
            "slug": "mengelola-blog",
            "title": "Mengelola blog: tampilan dan pengaturan",
            "summary": (
                "Mengenal menu pengelolaan blog, mengisi deskripsi, memilih tema yang nyaman "
                "di ponsel, dan mengatur komentar."
            ),
            "minutes": 9,
            "body": [
                _text(
                    """
                    <p>Setelah blog jadi, Anda akan melihat halaman pengelolaan blog. Di ponsel,
                    menunya tersembunyi di balik tombol bergaris tiga. Beberapa menu
                    penting:</p>
                    <ul>
                    <li><b>Postingan</b>: semua tulisan Anda, yang sudah terbit maupun yang
                    masih draf.</li>
                    <li><b>Statistik</b>: berapa kali blog Anda dibaca.</li>
                    <li><b>Komentar</b>: komentar pembaca yang perlu dibalas atau
                    disetujui.</li>
                    <li><b>Halaman</b>: halaman tetap seperti Tentang Kami dan Kontak.</li>
                    <li><b>Tata Letak</b> dan <b>Tema</b>: susunan dan tampilan blog.</li>
                    <li><b>Setelan</b>: judul, deskripsi, bahasa, dan pengaturan lain.</li>
                    </ul>
                    """
                ),
                _steps(
                    "Merapikan blog baru",
                    """Buka <b>Setelan</b>, lalu isi <b>deskripsi</b> blog: satu kalimat
                    tentang usaha Anda, misalnya "Cerita dan tips seputar minyak kelapa murni
                    dari Abang, Karangasem".""",
                    """Masih di Setelan, pastikan blog Anda <b>terlihat oleh mesin
                    telusur</b>, agar bisa ditemukan lewat Google.""",
                    """Buka <b>Tema</b>, lalu pilih tema yang sederhana dan terang. Periksa
                    pratinjaunya dalam tampilan ponsel.""",
                    """Buka <b>Tata Letak</b> untuk mengatur bagian samping blog, misalnya
                    menambahkan foto profil dan keterangan singkat tentang Anda.""",
                    """Kembali ke Setelan, cari bagian komentar, lalu pilih apakah komentar
                    langsung tampil atau perlu Anda setujui dulu. Untuk pemula, pilih
                    <b>perlu disetujui</b>, agar komentar iklan tidak muncul di blog
                    Anda.""",
                ),
                _text(
                    """<p>Bu Luh memilih tema berwarna putih dengan huruf besar. Foto kain
                    endeknya jadi tampak menonjol, dan pembacanya tidak perlu memicingkan mata
                    saat membaca dari ponsel.</p>
                    <p>Sebulan sekali, buka menu <b>Statistik</b>. Lihat tulisan mana yang
                    paling banyak dibaca, lalu tulis lebih banyak tentang topik itu.</p>"""
                ),
                _tip(
                    """<p>Jangan terlalu lama mengutak-atik tampilan. Pembeli datang untuk isi
                    blog: cerita, foto, dan informasi produk. Tema sederhana yang cepat dibuka
                    di ponsel sudah cukup.</p>"""
                ),
                _warning(
                    """<p>Tema dan tata letak bisa diubah lagi kapan saja, jadi jangan takut
                    mencoba. Yang harus dijaga adalah kata sandi email Anda, karena akun
                    email itulah kunci blog Anda.</p>"""
                ),
            ],
        },
        {
            "slug": "menulis-postingan",
            "title": "Menulis postingan pertama",
            "summary": (
                "Ide tulisan untuk usaha, susunan postingan yang enak dibaca, dan langkah "
                "menerbitkannya."
            ),
            "minutes": 10,
            "body": [
                _text(
                    """
                    <p>Postingan adalah tulisan yang Anda terbitkan di blog. Tidak perlu
                    panjang atau puitis. Tulislah seperti sedang bercerita kepada pembeli yang
                    mampir ke rumah.</p>
                    <h2>Ide tulisan untuk usaha</h2>
                    <ul>
                    <li><b>Cerita usaha</b>: bagaimana usaha dimulai dan siapa yang
                    membuatnya.</li>
                    <li><b>Proses pembuatan</b>: misalnya bagaimana benang diikat dan dicelup
                    sebelum ditenun menjadi kain endek.</li>
                    <li><b>Tips memakai produk</b>: cara menyimpan salak agar tahan lebih
                    lama, atau cara merawat kain tenun.</li>
                    <li><b>Kabar terbaru</b>: panen baru, produk baru, atau ikut
                    pameran.</li>
                    </ul>
                    <p>Susun tulisan dengan <b>judul yang jelas</b>, pembuka satu atau dua
                    kalimat, isi tiga sampai lima paragraf pendek, dan penutup yang mengajak
                    pembaca bertindak, misalnya "Tanyakan stok lewat halaman Kontak".</p>
                    """
                ),
                _steps(
                    "Menerbitkan postingan",
                    """Di halaman pengelolaan blog, ketuk <b>Postingan baru</b> (biasanya
                    tombol bertanda tambah).""",
                    """Tulis judul di kolom paling atas. Pakai kata-kata yang kira-kira
                    diketik orang di mesin pencari, misalnya <i>Cara Menyimpan Salak agar
                    Tahan Seminggu</i>.""",
                    """Tulis isinya di kotak di bawah judul. Buat paragraf pendek agar nyaman
                    dibaca di ponsel.""",
                    """Buka <b>Setelan postingan</b> dan tambahkan <b>label</b>, misalnya
                    "tips" atau "salak". Label membantu pembaca menemukan tulisan
                    sejenis.""",
                    """Ketuk <b>Pratinjau</b> untuk melihat hasilnya, lalu ketuk
                    <b>Publikasikan</b>.""",
                    """Tulisan yang sudah terbit masih bisa diperbaiki: buka lagi dari menu
                    Postingan, ubah, lalu ketuk <b>Perbarui</b>.""",
                ),
                _text(
                    """<p>Pak Wayan menulis postingan pertamanya, <i>Dari Kelapa Tua Menjadi
                    Minyak Kelapa Murni</i>, dalam satu sore. Beberapa minggu kemudian,
                    pemilik sebuah warung makanan sehat di Denpasar menghubunginya setelah
                    membaca tulisan itu.</p>"""
                ),
                _tip(
                    """<p>Tetapkan jadwal yang ringan tetapi rutin, misalnya satu tulisan
                    setiap dua minggu. Blog yang terus diisi lebih dipercaya pembaca.</p>"""
                ),
                _task(
                    "Terbitkan tulisan pertama Anda",
                    """
                    <ol>
                    <li>Tulis satu postingan tentang usaha Anda: minimal tiga paragraf,
                    dengan judul yang jelas dan satu label.</li>
                    <li>Publikasikan, lalu buka postingan itu di blog Anda.</li>
                    <li>Salin alamat postingan dari kolom alamat peramban, tempel di kolom
                    bukti tugas ini, lalu kirim.</li>
                    </ol>
                    """,
                    "blog-postingan",
                ),
            ],
        },
        {
            "slug": "foto-dan-video",
            "title": "Menambahkan foto dan video",
            "summary": (
                "Menyisipkan foto produk lengkap dengan keterangan, dan menampilkan video "
                "pendek dari YouTube di postingan."
            ),
            "minutes": 10,
            "body": [
                _text(
                    """<p>Foto membuat pembaca bisa "melihat" produk Anda. Postingan dengan
                    foto yang baik lebih lama dibaca dan lebih sering dibagikan. Video pendek
                    lebih hidup lagi: pembaca bisa melihat tangan Anda menenun, atau mendengar
                    renyahnya keripik.</p>"""
                ),
                _steps(
                    "Menyisipkan foto",
                    "Buka postingan baru atau postingan yang ingin ditambah foto.",
                    """Letakkan kursor di tempat foto akan muncul, lalu ketuk ikon
                    <b>gambar</b> di bilah alat.""",
                    """Pilih <b>Unggah dari komputer</b> (di ponsel, pilihan ini membuka galeri
                    atau folder berkas), lalu pilih fotonya.""",
                    """Ketuk foto yang sudah masuk untuk mengatur ukuran dan posisinya. Ukuran
                    sedang atau besar biasanya paling pas.""",
                    """Tambahkan <b>keterangan</b> di bawah foto, misalnya "Kain endek
                    Sidemen, 2 meter, ditenun dengan tangan". Isi juga <b>teks
                    alternatif</b>: uraian singkat isi foto untuk mesin pencari dan untuk
                    pembaca yang memakai aplikasi pembaca layar.""",
                    "Ketuk <b>Perbarui</b> atau <b>Publikasikan</b>.",
                ),
                _text(
                    """
                    <h2>Video di postingan</h2>
                    <p>Cara paling ringan adalah mengunggah video ke YouTube lebih dulu, lalu
                    menyisipkannya ke postingan. Pembaca bisa menonton dengan kualitas yang
                    sesuai sinyalnya, dan blog Anda tetap cepat dibuka. Di Blogger, ketuk ikon
                    <b>video</b> di bilah alat, lalu pilih video dari YouTube.</p>
                    """
                ),
                _tip(
                    """<p>Video berdurasi satu sampai dua menit sudah cukup. Rekam dengan ponsel
                    dalam posisi mendatar, di tempat yang terang dan tenang, misalnya saat Pak
                    Komang memetik dan memilah salak di kebun.</p>"""
                ),
                _warning(
                    """<p>Pakai foto dan video milik sendiri. Foto milik toko lain yang diambil
                    dari internet bisa melanggar hak cipta dan membuat pembeli merasa
                    tertipu.</p>"""
                ),
                _task(
                    "Posting foto produk Anda",
                    """
                    <ol>
                    <li>Buat postingan yang memuat minimal tiga foto produk Anda
                    sendiri.</li>
                    <li>Beri setiap foto keterangan: nama produk, ukuran atau berat, dan satu
                    hal istimewa.</li>
                    <li>Jika punya, sisipkan juga satu video pendek dari YouTube.</li>
                    <li>Publikasikan, lalu kirim tautan postingan tersebut sebagai
                    bukti.</li>
                    </ol>
                    """,
                    "blog-foto-produk",
                ),
            ],
        },
        {
            "slug": "mengikuti-blog-lain",
            "title": "Mengikuti blog lain dan membangun jejaring",
            "summary": (
                "Mengikuti dan menyapa blog sesama pelaku usaha, serta membagikan tulisan "
                "Anda agar lebih banyak dibaca."
            ),
            "minutes": 8,
            "body": [
                _text(
                    """
                    <p>Blog bukan jalan satu arah. Anda menulis dan orang lain membaca; Anda
                    juga membaca dan menanggapi tulisan orang lain. Dari sinilah jejaring
                    tumbuh: pemilik blog lain mengenal Anda, pembacanya mampir ke blog Anda,
                    dan kadang muncul kerja sama.</p>
                    <p>Bu Luh mengikuti blog seorang penjahit kebaya di Denpasar. Setelah
                    beberapa kali saling berkomentar, penjahit itu memesan kain endek untuk
                    kebaya hari raya. Kini mereka saling menautkan blog.</p>
                    """
                ),
                _steps(
                    "Mengikuti dan menyapa blog lain",
                    """Cari blog sesama pelaku usaha, pemasok bahan, atau komunitas yang
                    berkaitan dengan usaha Anda. Mulailah dari blog anggota lain di
                    Pusat.""",
                    """Cari tombol <b>Ikuti</b> atau <b>Berlangganan</b> di blog tersebut,
                    jika tersedia. Beberapa blog mengirim kabar tulisan baru ke email Anda
                    setelah Anda berlangganan.""",
                    """Jika tidak ada tombol seperti itu, simpan alamat blognya sebagai
                    <b>penanda</b> (bookmark) di peramban agar mudah dibuka lagi.""",
                    """Baca tulisannya, lalu tinggalkan komentar yang bermakna, misalnya
                    pertanyaan atau pengalaman Anda.""",
                    """Jika cocok, pasang daftar blog teman di bagian samping blog Anda lewat
                    <b>Tata Letak</b>.""",
                ),
                _text(
                    """
                    <h2>Membagikan tulisan</h2>
                    <p>Setiap kali menerbitkan tulisan, bagikan tautannya ke grup WhatsApp
                    komunitas, status WhatsApp, atau media sosial usaha Anda. Tambahkan satu
                    kalimat pengantar, misalnya "Hari ini saya menulis cara memilih salak yang
                    manis. Semoga bermanfaat."</p>
                    <p>Pembaca yang datang dari tautan itu mungkin belum berniat membeli. Tidak
                    apa-apa. Yang penting mereka mulai mengenal usaha Anda, dan akan ingat
                    ketika membutuhkan.</p>
                    """
                ),
                _tip(
                    """<p>Komentar yang baik berisi lebih dari "Bagus, mampir ya!". Sebutkan
                    apa yang Anda sukai dari tulisannya. Pemilik blog lebih mungkin membalas
                    dan berkunjung balik ke blog Anda.</p>"""
                ),
                _warning(
                    """<p>Jangan menempelkan tautan toko Anda di setiap komentar. Banyak pemilik
                    blog menganggapnya spam dan menghapusnya.</p>"""
                ),
            ],
        },
        {
            "slug": "halaman-kontak",
            "title": "Halaman kontak dan tanya jawab",
            "summary": (
                "Membuat halaman Kontak dengan tautan WhatsApp, menyediakan Tanya Jawab, dan "
                "membalas komentar pembaca."
            ),
            "minutes": 10,
            "body": [
                _text(
                    """
                    <p>Pembaca yang tertarik harus bisa menghubungi Anda dengan mudah. Di
                    sinilah blog menjadi dua arah: pembaca bertanya, Anda menjawab, dan
                    pembaca berubah menjadi pembeli.</p>
                    <p>Di blog ada <b>postingan</b> dan ada <b>halaman</b>. Postingan terbit
                    berurutan menurut tanggal, seperti buku harian. Halaman berisi informasi
                    tetap yang jarang berubah, seperti <i>Tentang Kami</i>, <i>Kontak</i>, dan
                    <i>Tanya Jawab</i>, dan biasanya tampil di menu blog.</p>
                    <h2>Isi halaman Kontak</h2>
                    <ul>
                    <li>Nama usaha dan nama Anda.</li>
                    <li>Tautan WhatsApp yang bisa langsung diketuk.</li>
                    <li>Alamat email usaha.</li>
                    <li>Daerah asal pengiriman, misalnya "Sidemen, Karangasem, Bali". Alamat
                    rumah lengkap tidak wajib.</li>
                    <li>Jam Anda biasanya membalas pesan.</li>
                    </ul>
                    <p>Tautan WhatsApp ditulis dengan awalan <b>https://wa.me/</b>, diikuti
                    nomor ponsel dengan kode negara 62, tanpa angka 0 di depan, tanpa tanda
                    plus, spasi, atau tanda hubung. Nomor 0812-3456-7890 menjadi
                    <b>https://wa.me/6281234567890</b>.</p>
                    """
                ),
                _steps(
                    "Membuat halaman Kontak",
                    """Di menu pengelolaan blog, buka <b>Halaman</b>, lalu ketuk <b>Halaman
                    baru</b>.""",
                    "Beri judul <b>Kontak</b>, lalu tulis isinya sesuai daftar di atas.",
                    """Untuk membuat tautan WhatsApp, pilih tulisan "Pesan lewat WhatsApp",
                    ketuk ikon <b>tautan</b> (bergambar rantai), lalu tempel alamat wa.me
                    Anda.""",
                    "Ketuk <b>Publikasikan</b>.",
                    """Pastikan halaman Kontak muncul di menu blog. Jika belum, tambahkan
                    lewat <b>Tata Letak</b>. Di sana biasanya juga ada <b>Formulir
                    Kontak</b>, agar pembaca bisa mengirim pesan tanpa keluar dari
                    blog.""",
                    """Ketuk tautan WhatsApp dari ponsel Anda sendiri untuk memastikan
                    tautannya benar.""",
                ),
                _text(
                    """
                    <h2>Halaman Tanya Jawab</h2>
                    <p>Catat pertanyaan yang sering muncul, lalu jawab di satu halaman
                    <i>Tanya Jawab</i>: berapa lama pengiriman, apakah bisa pesan ukuran
                    khusus, bagaimana cara merawat produk. Pembeli mendapat jawaban lebih
                    cepat, dan Anda tidak perlu menjawab hal yang sama berulang kali.</p>
                    """
                ),
                _tip(
                    """<p>Balas komentar pembaca dalam satu atau dua hari. Jika pertanyaannya
                    menyangkut kesehatan, misalnya manfaat VCO, jawablah sebatas yang Anda
                    ketahui dan sarankan pembaca bertanya kepada tenaga kesehatan.</p>"""
                ),
                _task(
                    "Buat halaman Kontak",
                    """
                    <ol>
                    <li>Buat halaman Kontak berisi nama usaha, tautan WhatsApp, email usaha,
                    dan daerah Anda.</li>
                    <li>Pastikan halaman itu tampil di menu atau di bagian samping
                    blog.</li>
                    <li>Buka halamannya, salin alamatnya, lalu kirim sebagai bukti.</li>
                    </ol>
                    """,
                    "blog-kontak",
                ),
            ],
        },
        {
            "slug": "menautkan-produk",
            "title": "Menautkan produk dari blog",
            "summary": (
                "Menyalin tautan produk dari marketplace dan memasangnya di blog, agar "
                "pembaca cukup sekali ketuk untuk membeli."
            ),
            "minutes": 8,
            "body": [
                _text(
                    """
                    <p>Pembaca yang terpikat pada cerita dan foto Anda ingin langsung membeli.
                    Jangan biarkan mereka mencari-cari. Pasang tautan yang membawa mereka
                    langsung ke produk di toko online atau ke etalase Anda di portal
                    Pusat.</p>
                    <p>Belum punya toko online? Tidak apa-apa. Untuk sementara, tautkan ke
                    halaman etalase Anda di portal ini atau ke tautan WhatsApp. Di kursus Toko
                    Online, Anda akan membuka toko, lalu memperbarui tautannya.</p>
                    """
                ),
                _steps(
                    "Menyalin tautan produk dan memasangnya di blog",
                    """Buka aplikasi marketplace, lalu buka halaman produk yang ingin
                    ditautkan.""",
                    "Ketuk tombol <b>Bagikan</b>, lalu pilih <b>Salin tautan</b>.",
                    "Buka postingan blog Anda untuk diubah.",
                    """Tulis ajakan yang jelas, misalnya <i>Beli keripik tempe pedas di toko
                    kami</i>, lalu pilih tulisan tersebut.""",
                    """Ketuk ikon <b>tautan</b> (bergambar rantai), tempel tautan produk, lalu
                    simpan.""",
                    """Ketuk <b>Perbarui</b>, lalu ketuk tautannya dari ponsel untuk
                    memastikan yang terbuka adalah produk yang benar.""",
                ),
                _text(
                    """
                    <h2>Di mana memasang tautan</h2>
                    <ul>
                    <li>Di akhir setiap postingan yang membahas produk.</li>
                    <li>Di halaman Kontak, sebagai tautan ke toko.</li>
                    <li>Di bagian samping blog, lewat <b>Tata Letak</b>: misalnya foto produk
                    andalan yang ditautkan ke tokonya.</li>
                    </ul>
                    <p>Bu Rohmah menulis resep nasi uduk dengan taburan keripik tempe. Di akhir
                    tulisan ia memasang tautan ke keripiknya di marketplace. Sebagian pembaca
                    resep itu ikut membeli.</p>
                    """
                ),
                _warning(
                    """<p>Harga dan stok di blog cepat usang. Lebih baik menulis "Cek harga
                    terbaru di toko kami" daripada mencantumkan harga di postingan. Periksa
                    tautan Anda sebulan sekali: produk yang dihapus dari toko membuat
                    tautannya tidak bisa dibuka.</p>"""
                ),
                _task(
                    "Tautkan produk Anda dari blog",
                    """
                    <ol>
                    <li>Pilih satu postingan yang membahas produk Anda.</li>
                    <li>Tambahkan tautan ke produk itu di toko online, ke etalase Anda di
                    portal ini, atau ke tautan WhatsApp Anda.</li>
                    <li>Perbarui postingan, lalu kirim tautan postingan tersebut sebagai
                    bukti.</li>
                    </ol>
                    """,
                    "blog-tautan-produk",
                ),
            ],
        },
    ],
}

# --- 3. Toko Online ------------------------------------------------------------------

SHOP_COURSE = {
    "slug": "toko-online",
    "title": "Toko Online",
    "summary": (
        "Membuka toko di marketplace yang memakai rekening bersama: mendaftar dan mengaktifkan "
        "toko, melengkapi profil dan rekening bank, mengatur pembayaran dan pengiriman, lalu "
        "mengunggah dan merawat produk."
    ),
    "outcomes_html": _html(
        """
        <ul>
        <li>Memilih marketplace yang melindungi penjual dan pembeli dengan rekening
        bersama.</li>
        <li>Mendaftar, mengaktifkan, dan melengkapi profil toko.</li>
        <li>Mendaftarkan rekening bank dan memahami cara pembeli membayar.</li>
        <li>Mengatur jasa kirim, berat, dan ukuran paket dengan benar.</li>
        <li>Mengunggah produk lengkap dengan foto, deskripsi, harga, dan stok.</li>
        <li>Menjaga stok dan detail produk agar selalu sesuai kenyataan.</li>
        </ul>
        """
    ),
    "estimated_minutes": 120,
    "level": "pemula",
    "stage": "transaksi",
    "pass_mark": 70,
    "prerequisites": ["blog-dan-web-marketing"],
    "indicators": [
        {
            "code": "toko-buka",
            "title": "Membuka toko di marketplace",
            "evidence_kind": "link",
            "evidence_hint": (
                "Tempel tautan halaman toko Anda di marketplace. Toko harus sudah aktif, dengan "
                "foto profil, deskripsi, dan catatan toko."
            ),
        },
        {
            "code": "toko-bayar-kirim",
            "title": "Mengatur metode pembayaran dan pengiriman di toko online",
            "evidence_kind": "image",
            "evidence_hint": (
                "Unggah tangkapan layar pengaturan jasa kirim toko Anda dengan minimal dua "
                "jasa kirim aktif. Jangan tampilkan nomor rekening lengkap."
            ),
        },
        {
            "code": "toko-produk",
            "title": "Mengunggah produk lengkap dengan deskripsi dan stok",
            "evidence_kind": "link",
            "evidence_hint": (
                "Tempel tautan satu produk di toko Anda yang memuat minimal tiga foto, nama "
                "yang jelas, deskripsi lengkap, harga, berat, dan stok."
            ),
        },
    ],
    "pre_test": [
        _choice(
            "Apa yang dimaksud dengan rekening bersama di marketplace?",
            [
                (
                    "Uang pembeli ditahan marketplace sampai pesanan diterima, lalu diteruskan "
                    "ke penjual",
                    True,
                ),
                ("Rekening bank yang dipakai bersama oleh dua penjual", False),
                ("Rekening koperasi untuk menyimpan modal usaha", False),
                ("Pembeli mentransfer uang langsung ke rekening pribadi penjual", False),
            ],
            """Dengan rekening bersama, pembeli membayar ke marketplace. Uang baru diteruskan
            ke saldo penjual setelah pesanan diterima atau batas waktu konfirmasi lewat.
            Pembeli dan penjual sama-sama terlindungi.""",
            "toko-buka",
        ),
        _true_false(
            "Jika pembeli meminta transfer langsung ke rekening Anda di luar aplikasi, "
            "transaksinya tetap dilindungi marketplace.",
            False,
            """Salah. Hanya transaksi di dalam aplikasi yang dilindungi rekening bersama. Tolak
            dengan sopan dan ajak pembeli memesan lewat aplikasi.""",
            "toko-buka",
        ),
        _choice(
            "Nama pemilik rekening bank yang didaftarkan di toko online sebaiknya ...",
            [
                ("nama siapa saja, asal masih keluarga", False),
                ("sama dengan nama Anda sebagai pemilik toko, sesuai KTP", True),
                ("nama toko, walaupun rekeningnya atas nama orang lain", False),
                ("dikosongkan saja", False),
            ],
            """Marketplace mencocokkan nama pemilik rekening dengan data pemilik toko. Jika
            tidak cocok, penarikan saldo bisa ditolak.""",
            "toko-bayar-kirim",
        ),
        _true_false(
            "Berat produk yang diisi di toko harus termasuk berat kemasannya, karena ongkos "
            "kirim dihitung dari berat paket.",
            True,
            """Benar. Timbang produk bersama kardus, plastik gelembung, dan lakban. Jika berat
            yang diisi terlalu ringan, selisih ongkos kirim bisa menjadi tanggungan
            Anda.""",
            "toko-bayar-kirim",
        ),
        _choice(
            "Keranjang bambu Pak Yusuf besar tetapi ringan. Mengapa ongkos kirimnya bisa lebih "
            "mahal dari perkiraan?",
            [
                ("Bambu dikenai pajak khusus oleh kurir", False),
                ("Kurir tidak mau mengirim barang dari bambu", False),
                ("Kurir menghitung berat volume dari ukuran paket", True),
                ("Marketplace menambah biaya untuk barang kerajinan", False),
            ],
            """Untuk paket besar yang ringan, kurir menghitung berat volume dari panjang,
            lebar, dan tinggi paket. Pilih kardus yang pas dan isi ukuran paket dengan
            benar.""",
            "toko-bayar-kirim",
        ),
        _choice(
            "Manakah nama produk yang paling baik?",
            [
                ("PROMO!!! MURAH!!! TERLARIS!!!", False),
                ("Produk baru", False),
                ("Keripik", False),
                ("Keripik Tempe Pedas Daun Jeruk 250 gram", True),
            ],
            """Nama yang baik menyebut jenis barang, keistimewaannya, dan ukurannya. Nama
            seperti ini mudah ditemukan pembeli dan tidak melanggar aturan marketplace.""",
            "toko-produk",
        ),
        _true_false(
            "Jika stok sudah habis tetapi angka stok di toko tidak diubah, pembeli tetap bisa "
            "memesan, dan pesanan yang terpaksa dibatalkan bisa menurunkan penilaian toko.",
            True,
            """Benar. Stok di marketplace tidak berkurang sendiri ketika barang terjual di
            pasar atau lewat WhatsApp. Perbarui stok secara rutin.""",
            "toko-produk",
        ),
    ],
    "post_test": [
        _choice(
            "Kapan uang dari pembeli masuk ke saldo penjual?",
            [
                ("Begitu pembeli mengetuk tombol beli", False),
                (
                    "Setelah pembeli menyatakan pesanan diterima, atau batas waktu konfirmasi "
                    "lewat",
                    True,
                ),
                ("Setelah penjual mengirim foto produk kepada pembeli", False),
                ("Setiap akhir tahun", False),
            ],
            """Marketplace menahan pembayaran sampai pesanan diterima. Jika pembeli lupa
            mengonfirmasi, uang tetap diteruskan setelah batas waktu tertentu.""",
            "toko-buka",
        ),
        _true_false(
            "Foto profil dan deskripsi toko yang jelas membuat pembeli lebih percaya pada toko "
            "yang baru dibuka.",
            True,
            """Benar. Pembeli yang belum mengenal Anda menilai toko dari profilnya. Toko
            dengan profil kosong terlihat seperti toko yang ditinggalkan.""",
            "toko-buka",
        ),
        _choice(
            "Saat mendaftar toko, alamat toko sebaiknya diisi dengan ...",
            [
                ("alamat tempat paket disiapkan dan dijemput, ditulis lengkap", True),
                ("alamat kantor marketplace", False),
                ("kota terbesar terdekat agar toko tampak lebih besar", False),
                ("alamat yang dikarang, demi privasi", False),
            ],
            """Alamat toko dipakai kurir untuk menjemput paket dan untuk menghitung ongkos
            kirim. Tulis lengkap sampai nama jalan, desa atau kelurahan, dan kode pos.""",
            "toko-buka",
        ),
        _choice(
            "Seseorang menelepon, mengaku petugas marketplace, dan meminta kode OTP untuk "
            '"memverifikasi rekening" Anda. Apa yang Anda lakukan?',
            [
                ("Memberikan kodenya, karena ia tahu nama toko Anda", False),
                ("Memberikan separuh kodenya saja", False),
                ("Menolak, menutup telepon, lalu memeriksa langsung di aplikasi", True),
                ("Meminta ia mengirim tautan lewat WhatsApp", False),
            ],
            """Marketplace tidak pernah meminta kode OTP, kata sandi, atau PIN lewat telepon
            atau pesan. Orang yang memintanya hampir pasti penipu, walaupun ia tahu nama toko
            Anda.""",
            "toko-bayar-kirim",
        ),
        _true_false(
            "Sebaiknya semua jasa kirim diaktifkan, termasuk yang tidak punya agen atau "
            "layanan jemput di daerah Anda.",
            False,
            """Salah. Aktifkan jasa kirim yang benar-benar bisa menjemput atau menerima paket
            di dekat Anda, dan yang layanannya cocok untuk produk Anda.""",
            "toko-bayar-kirim",
        ),
        _choice(
            "Foto pertama di halaman produk sebaiknya berupa ...",
            [
                ("foto pemilik toko", False),
                ("produk utuh yang jelas di latar polos", True),
                ("tulisan harga dan nomor WhatsApp besar-besar", False),
                ("logo toko saja", False),
            ],
            """Foto pertama tampil di hasil pencarian. Produk utuh yang jelas di latar polos
            membuat pembeli langsung tahu apa yang dijual. Nomor telepon di foto umumnya
            dilarang marketplace.""",
            "toko-produk",
        ),
        _true_false(
            "Deskripsi produk yang baik menyebutkan ukuran, berat, bahan, cara menyimpan, dan "
            "isi paket.",
            True,
            """Benar. Pembeli tidak bisa memegang barangnya, jadi deskripsi harus menjawab
            pertanyaan mereka sebelum ditanyakan.""",
            "toko-produk",
        ),
    ],
    "lessons": [
        {
            "slug": "memilih-marketplace",
            "title": "Memilih marketplace yang aman",
            "summary": (
                "Apa itu marketplace, bagaimana rekening bersama melindungi penjual dan "
                "pembeli, dan cara membandingkan marketplace."
            ),
            "minutes": 9,
            "body": [
                _text(
                    """
                    <p>Marketplace adalah pasar online tempat banyak penjual membuka toko dan
                    banyak pembeli berbelanja. Contoh yang umum di Indonesia antara lain
                    Tokopedia, Shopee, dan Bukalapak. Membuka toko di sana gratis, dan
                    pembelinya sudah ramai, sehingga Anda tidak perlu mengundang mereka satu
                    per satu.</p>
                    <h2>Rekening bersama: pembeli dan penjual sama-sama aman</h2>
                    <p>Ciri penting marketplace yang baik adalah <b>rekening bersama</b>.
                    Pembeli membayar ke marketplace, bukan langsung ke penjual. Marketplace
                    menahan uang itu sampai pembeli menyatakan barang sudah diterima, atau
                    sampai batas waktu konfirmasi lewat. Setelah itu uang masuk ke saldo
                    penjual dan bisa ditarik ke rekening bank.</p>
                    <p>Pembeli tenang karena uangnya kembali jika barang tidak dikirim.
                    Penjual tenang karena pembayaran sudah pasti ada sebelum barang dikirim.
                    Tidak ada lagi cerita bukti transfer palsu.</p>
                    <p>Bu Rohmah di Bekasi dulu menjual keripik tempe lewat WhatsApp dengan
                    transfer langsung. Dua kali ia menerima bukti transfer palsu dan rugi satu
                    kardus keripik. Sejak berjualan di marketplace, ia hanya mengirim pesanan
                    yang sudah tercatat lunas di aplikasi.</p>
                    """
                ),
                _steps(
                    "Membandingkan marketplace sebelum memilih",
                    """Pasang dua atau tiga aplikasi marketplace, lalu cari produk yang sejenis
                    dengan produk Anda. Lihat berapa banyak penjualnya, berapa harganya, dan
                    apakah pembeli memberi ulasan.""",
                    """Baca ketentuan <b>biaya layanan</b> untuk penjual di halaman bantuan
                    masing-masing marketplace. Besarnya berbeda-beda dan bisa berubah dari
                    waktu ke waktu.""",
                    """Periksa apakah jasa kirim yang tersedia bisa menjemput atau menerima
                    paket di dekat tempat Anda.""",
                    """Tanyakan di forum atau di komunitas: marketplace mana yang paling
                    banyak dipakai anggota di daerah Anda, dan bagaimana pengalaman
                    mereka.""",
                    """Pilih <b>satu</b> marketplace dulu. Setelah lancar, Anda bisa membuka
                    toko kedua.""",
                ),
                _warning(
                    """<p><b>Jangan mau bertransaksi di luar aplikasi.</b> Jika pembeli meminta
                    transfer langsung, mengirim tautan pembayaran lewat pesan pribadi, atau
                    meminta kode OTP, transaksinya tidak dilindungi rekening bersama. Tolak
                    dengan sopan dan arahkan kembali ke aplikasi.</p>"""
                ),
            ],
        },
        {
            "slug": "mendaftar-toko",
            "title": "Mendaftar dan mengaktifkan toko",
            "summary": (
                "Apa saja yang perlu disiapkan, langkah membuka toko, aktivasi, dan "
                "verifikasi identitas."
            ),
            "minutes": 10,
            "body": [
                _text(
                    """
                    <p>Siapkan dulu beberapa hal sebelum mendaftar, supaya prosesnya
                    lancar:</p>
                    <ul>
                    <li>Nomor ponsel yang aktif dan bisa menerima SMS.</li>
                    <li>Alamat email usaha yang Anda buat di kursus Email untuk Bisnis.</li>
                    <li>KTP, karena beberapa marketplace meminta verifikasi identitas sebelum
                    Anda bisa menarik saldo.</li>
                    <li>Nama toko. Sebaiknya sama dengan nama blog dan etalase Anda, agar
                    pembeli mengenali Anda di mana pun.</li>
                    </ul>
                    """
                ),
                _steps(
                    "Membuka toko",
                    """Pasang aplikasi marketplace pilihan Anda dari Play Store, lalu daftar
                    dengan nomor ponsel atau email usaha.""",
                    """Masukkan kode OTP yang dikirim lewat SMS atau email. Kode ini hanya
                    untuk Anda; jangan berikan kepada siapa pun.""",
                    """Setelah masuk, cari menu untuk penjual, misalnya <b>Buka Toko</b> atau
                    <b>Mulai Jual</b>. Letaknya biasanya di halaman akun atau profil.""",
                    """Isi nama toko dan alamat tautan toko. Periksa ejaannya baik-baik: di
                    banyak marketplace, nama dan tautan toko hanya bisa diganti sekali atau
                    bahkan tidak bisa diganti.""",
                    """Isi alamat toko, yaitu tempat paket disiapkan dan dijemput kurir. Tulis
                    lengkap sampai nama jalan, desa atau kelurahan, dan kode pos.""",
                    """Jika marketplace mengirim email aktivasi, buka email itu dan ketuk
                    tautan aktivasinya. Toko Anda kini aktif.""",
                ),
                _text(
                    """
                    <p>Pak Komang memakai nama toko yang sama dengan blognya, <i>Salak Gula
                    Pasir Sibetan</i>. Ketika ia membagikan tautan toko di blog, pembaca
                    langsung yakin bahwa toko itu memang miliknya.</p>
                    <h2>Verifikasi identitas</h2>
                    <p>Beberapa marketplace meminta foto KTP dan foto wajah Anda sambil
                    memegang KTP. Lakukan verifikasi ini <b>hanya di dalam aplikasi
                    resmi</b>, bukan lewat tautan yang dikirim orang lewat pesan. Hasilnya
                    biasanya keluar dalam beberapa hari kerja.</p>
                    """
                ),
                _tip(
                    """<p>Catat nama toko, email, dan nomor ponsel yang Anda pakai untuk
                    mendaftar di buku usaha Anda, tetapi jangan catat kode OTP. Jika suatu
                    hari ganti ponsel, Anda tahu persis cara masuk kembali.</p>"""
                ),
            ],
        },
        {
            "slug": "profil-toko",
            "title": "Melengkapi profil toko",
            "summary": (
                "Foto profil, deskripsi, dan catatan toko yang membuat pembeli percaya pada "
                "toko yang baru dibuka."
            ),
            "minutes": 8,
            "body": [
                _text(
                    """
                    <p>Profil toko adalah wajah toko Anda. Pembeli yang belum pernah bertemu
                    Anda melihat profil untuk menilai: apakah toko ini sungguhan, siapa
                    pemiliknya, dan dari mana barangnya dikirim. Toko dengan profil kosong
                    terlihat seperti toko yang ditinggalkan.</p>
                    <h2>Yang perlu dilengkapi</h2>
                    <ul>
                    <li><b>Foto profil atau logo</b>: logo usaha, foto produk andalan, atau
                    foto Anda sedang bekerja. Pastikan tetap jelas walau tampil kecil.</li>
                    <li><b>Deskripsi toko</b>: dua atau tiga kalimat tentang siapa Anda, apa
                    yang dijual, dan apa keistimewaannya.</li>
                    <li><b>Gambar sampul</b>, jika tersedia: suasana tempat produksi atau
                    deretan produk.</li>
                    <li><b>Catatan toko</b>: jam mengirim paket, ketentuan penukaran barang,
                    atau cara memesan ukuran khusus.</li>
                    </ul>
                    <p>Contoh deskripsi dari Bu Luh: <i>"Endek Sari Sidemen: kain tenun endek
                    buatan tangan para penenun di Sidemen, Karangasem. Setiap lembar ditenun
                    dengan alat tenun bukan mesin. Menerima pesanan seragam; silakan tanyakan
                    lewat pesan di aplikasi."</i></p>
                    """
                ),
                _steps(
                    "Mengisi profil toko",
                    """Buka menu toko Anda, lalu cari <b>Pengaturan Toko</b> atau <b>Profil
                    Toko</b>.""",
                    """Ketuk foto profil, lalu pilih foto yang terang dari galeri. Atur
                    potongannya agar logo atau produk tampak di tengah.""",
                    """Tulis deskripsi toko. Hindari huruf kapital semua dan tanda seru yang
                    berlebihan.""",
                    """Isi catatan toko, misalnya "Paket dikirim Senin sampai Sabtu. Pesanan
                    setelah pukul 15.00 dikirim esok hari".""",
                    """Simpan, lalu minta anggota keluarga membuka toko Anda dari ponselnya,
                    untuk melihat tampilannya dari sisi pembeli.""",
                ),
                _tip(
                    """<p>Untuk kain endek yang dibuat sesuai pesanan, tulis di catatan toko
                    berapa lama pengerjaannya. Banyak marketplace juga menyediakan pilihan
                    <b>pesanan di muka</b> (pre-order) untuk produk yang perlu waktu
                    dibuat.</p>"""
                ),
                _task(
                    "Bagikan tautan toko Anda",
                    """
                    <ol>
                    <li>Pastikan toko sudah aktif dan profilnya lengkap: foto, deskripsi,
                    alamat, dan catatan toko.</li>
                    <li>Buka halaman toko Anda, ketuk tombol <b>Bagikan</b>, lalu pilih
                    <b>Salin tautan</b>.</li>
                    <li>Tempel tautan itu di kolom bukti tugas ini, lalu kirim.</li>
                    </ol>
                    """,
                    "toko-buka",
                ),
            ],
        },
        {
            "slug": "rekening-dan-pembayaran",
            "title": "Rekening bank dan cara pembeli membayar",
            "summary": (
                "Mendaftarkan rekening bank untuk menarik saldo, mengenal cara pembeli "
                "membayar, dan menimbang pilihan bayar di tempat."
            ),
            "minutes": 10,
            "body": [
                _text(
                    """
                    <p>Uang hasil penjualan masuk ke <b>saldo penjual</b> di marketplace. Agar
                    bisa dipakai, saldo itu ditarik ke rekening bank Anda. Karena itu,
                    daftarkan rekening bank sejak awal.</p>
                    <p>Pakai rekening atas nama Anda sendiri, sesuai nama yang terdaftar di
                    toko dan di KTP. Jika nama tidak cocok, penarikan saldo bisa ditolak.
                    Rekening bank daerah pun boleh, asalkan banknya ada dalam daftar di
                    aplikasi.</p>
                    """
                ),
                _steps(
                    "Menambahkan rekening bank",
                    "Buka menu akun atau saldo, lalu cari <b>Rekening Bank</b>.",
                    "Ketuk <b>Tambah Rekening</b>, lalu pilih nama bank Anda dari daftar.",
                    """Ketik nomor rekening dengan teliti. Banyak aplikasi menampilkan nama
                    pemilik rekening; pastikan itu nama Anda.""",
                    "Masukkan kode OTP atau kata sandi sebagai konfirmasi.",
                    """Setelah ada penjualan pertama, coba tarik saldo untuk memastikan
                    semuanya lancar.""",
                ),
                _text(
                    """
                    <h2>Cara pembeli membayar</h2>
                    <p>Pilihan pembayaran bagi pembeli umumnya sudah disediakan marketplace:
                    transfer bank atau virtual account, dompet digital, bayar di gerai
                    minimarket, dan kadang kartu kredit. Anda tidak perlu mengurus semuanya.
                    Apa pun cara bayarnya, uang tetap lewat rekening bersama.</p>
                    <p>Yang sering bisa Anda atur sendiri adalah <b>bayar di tempat</b> (COD):
                    pembeli membayar kepada kurir saat paket tiba. Bayar di tempat menarik
                    bagi pembeli yang belum terbiasa membayar online, tetapi ada risikonya:
                    jika pembeli menolak paket, barang kembali dan waktu Anda terbuang. Untuk
                    produk yang cepat rusak, seperti salak segar, sebaiknya pilihan ini tidak
                    diaktifkan.</p>
                    """
                ),
                _warning(
                    """<p><b>Waspada penipuan.</b> Marketplace tidak pernah meminta kode OTP,
                    kata sandi, atau PIN Anda lewat telepon, SMS, atau WhatsApp. Pesan yang
                    mengabarkan "saldo Anda tertahan" atau "rekening perlu diverifikasi ulang"
                    dengan tautan di luar aplikasi hampir pasti penipuan. Periksa langsung di
                    dalam aplikasi.</p>"""
                ),
                _tip(
                    """<p>Catat setiap penarikan saldo di buku usaha. Dengan begitu Anda tahu
                    hasil bersih penjualan online setelah dipotong biaya layanan.</p>"""
                ),
            ],
        },
        {
            "slug": "mengatur-pengiriman",
            "title": "Mengatur jasa kirim",
            "summary": (
                "Mengaktifkan jasa kirim yang menjangkau daerah Anda, mengisi berat dan ukuran "
                "paket, dan mengirim tepat waktu."
            ),
            "minutes": 10,
            "body": [
                _text(
                    """<p>Ongkos kirim dihitung otomatis oleh marketplace berdasarkan berat
                    paket, ukuran paket, dan jarak. Pembeli membayarnya bersama harga barang.
                    Tugas Anda: memilih jasa kirim yang sesuai, mengisi berat dengan benar, dan
                    mengemas dengan rapi.</p>"""
                ),
                _steps(
                    "Mengaktifkan jasa kirim",
                    """Buka menu toko, lalu cari <b>Pengaturan Pengiriman</b> atau <b>Jasa
                    Kirim</b>.""",
                    """Lihat daftar kurir dan layanannya, misalnya reguler, hemat, dan kilat.
                    Aktifkan yang menjangkau daerah Anda.""",
                    """Tanyakan kepada sesama anggota: kurir mana yang punya agen dekat rumah
                    atau mau menjemput paket.""",
                    """Pilih cara serah terima: kurir menjemput ke alamat toko, atau Anda
                    mengantar ke agen terdekat.""",
                    "Simpan. Jasa kirim yang aktif akan muncul sebagai pilihan bagi pembeli.",
                ),
                _text(
                    """
                    <h2>Berat dan ukuran paket</h2>
                    <p>Selalu timbang produk <b>bersama kemasannya</b>: kardus, plastik
                    gelembung, dan lakban. Jika berat yang diisi lebih ringan dari aslinya,
                    selisih ongkos kirim bisa menjadi tanggungan Anda.</p>
                    <p>Untuk barang besar yang ringan, kurir menghitung <b>berat volume</b> dari
                    panjang, lebar, dan tinggi paket. Pak Yusuf, perajin bambu di Balikpapan,
                    pernah kaget: keranjang bambunya hanya 800 gram, tetapi ongkos kirimnya
                    dihitung seperti paket 4 kilogram karena kardusnya besar. Kini ia mengisi
                    ukuran paket di setiap produk dan memilih kardus yang pas.</p>
                    <p>Produk yang cepat rusak perlu perhatian khusus. Pak Komang menulis di
                    deskripsi bahwa salak segar hanya dikirim dengan layanan kilat, sedangkan
                    dodol salak yang lebih awet boleh dikirim dengan layanan reguler.</p>
                    """
                ),
                _tip(
                    """<p>Kirim paket sebelum batas waktu yang ditentukan marketplace. Pesanan
                    yang terlambat dikirim bisa dibatalkan otomatis dan menurunkan penilaian
                    toko.</p>"""
                ),
                _task(
                    "Tunjukkan pengaturan pembayaran dan pengiriman",
                    """
                    <ol>
                    <li>Pastikan rekening bank sudah tersimpan dan minimal dua jasa kirim
                    sudah aktif.</li>
                    <li>Buka halaman pengaturan jasa kirim, lalu ambil tangkapan layar.</li>
                    <li>Periksa tangkapan layarnya: jangan sampai nomor rekening lengkap Anda
                    ikut terlihat.</li>
                    <li>Unggah tangkapan layar itu sebagai bukti.</li>
                    </ol>
                    """,
                    "toko-bayar-kirim",
                ),
            ],
        },
        {
            "slug": "menambah-produk",
            "title": "Menambahkan produk",
            "summary": (
                "Mengunggah produk baru: foto, nama, kategori, deskripsi, harga, berat, stok, "
                "dan varian."
            ),
            "minutes": 12,
            "body": [
                _text(
                    """<p>Halaman produk adalah pramuniaga Anda. Pembeli tidak bisa memegang
                    barangnya, jadi semua pertanyaan harus sudah terjawab di sana: apa
                    barangnya, seberapa besar, terbuat dari apa, dan berapa lama
                    tahannya.</p>"""
                ),
                _steps(
                    "Mengunggah produk baru",
                    "Buka menu toko, lalu ketuk <b>Tambah Produk</b>.",
                    """Unggah foto: minimal tiga, dengan foto pertama berupa produk utuh di
                    latar polos. Cara memotretnya dibahas di kursus Fotografi Produk.""",
                    """Tulis <b>nama produk</b>: jenis barang, keistimewaan, dan ukuran.
                    Contoh: <i>Keripik Tempe Pedas Daun Jeruk 250 gram</i>.""",
                    """Pilih <b>kategori</b> yang paling sesuai, agar produk muncul saat
                    pembeli mencari.""",
                    "Tulis <b>deskripsi</b> (lihat contoh di bawah).",
                    """Isi <b>harga</b>, <b>stok</b>, <b>berat</b> bersama kemasan, dan
                    <b>ukuran paket</b>.""",
                    """Jika ada pilihan rasa, warna, atau ukuran, pakai fitur <b>varian</b>,
                    lalu isi harga dan stok setiap varian.""",
                    "Periksa sekali lagi, lalu ketuk <b>Simpan</b>.",
                ),
                _text(
                    """
                    <h2>Contoh deskripsi produk</h2>
                    <p><i>Keripik tempe renyah buatan rumahan dari Bekasi Timur, dengan irisan
                    daun jeruk dan cabai.</i></p>
                    <ul>
                    <li><i>Berat bersih 250 gram, dalam kemasan plastik tebal yang bisa
                    ditutup kembali.</i></li>
                    <li><i>Bahan: tempe kedelai, tepung beras, bawang putih, daun jeruk,
                    cabai, garam, minyak sayur.</i></li>
                    <li><i>Tanpa pengawet. Tahan sekitar dua bulan jika disimpan tertutup di
                    tempat kering.</i></li>
                    <li><i>Dikemas dengan plastik gelembung dan kardus agar tidak hancur di
                    jalan.</i></li>
                    <li><i>Pesanan sebelum pukul 14.00 dikirim hari itu juga.</i></li>
                    </ul>
                    <p>Untuk makanan olahan, cantumkan nomor izin P-IRT dan sertifikat halal
                    jika sudah punya. Pembeli lebih percaya, dan beberapa kategori makanan di
                    marketplace memang memintanya.</p>
                    """
                ),
                _warning(
                    """<p>Jangan memakai foto atau deskripsi milik toko lain, dan jangan menulis
                    klaim yang tidak benar, seperti "paling laris se-Indonesia" atau "VCO
                    menyembuhkan segala penyakit". Selain melanggar aturan marketplace, klaim
                    berlebihan membuat pembeli kecewa dan memberi ulasan buruk.</p>"""
                ),
            ],
        },
        {
            "slug": "mengelola-produk-dan-stok",
            "title": "Mengelola detail produk dan stok",
            "summary": (
                "Menjaga stok, harga, dan deskripsi tetap benar, menonaktifkan produk musiman, "
                "dan merawat pembeli."
            ),
            "minutes": 9,
            "body": [
                _text(
                    """
                    <p>Toko online perlu dirawat seperti toko di pasar. Harga bahan naik, stok
                    habis, panen belum tiba: semuanya harus terlihat di toko agar pembeli
                    tidak kecewa.</p>
                    <h2>Stok yang selalu benar</h2>
                    <p>Banyak pelaku usaha berjualan di beberapa tempat sekaligus: di rumah, di
                    pasar, lewat WhatsApp, dan di marketplace. Jika keripik terjual di pasar,
                    stok di marketplace tidak berkurang sendiri. Akibatnya pembeli online bisa
                    memesan barang yang sudah habis, dan pesanan terpaksa dibatalkan.
                    Pembatalan seperti ini bisa menurunkan penilaian toko.</p>
                    <p>Bu Rohmah membiasakan diri memperbarui stok setiap malam, sambil
                    menghitung sisa keripik di rak.</p>
                    """
                ),
                _steps(
                    "Mengubah stok dan detail produk",
                    "Buka menu toko, lalu pilih <b>Daftar Produk</b>.",
                    """Cari produknya, lalu ketuk <b>Ubah</b>. Di banyak marketplace, stok dan
                    harga juga bisa diubah langsung dari daftar produk.""",
                    "Perbarui angka stok sesuai barang yang benar-benar siap kirim.",
                    """Jika harga berubah, ubah harganya dan periksa apakah deskripsinya masih
                    sesuai.""",
                    """Untuk produk yang sementara tidak dijual, misalnya salak di luar musim
                    panen, pilih <b>nonaktifkan</b> atau <b>arsipkan</b>, jangan dihapus.
                    Ulasan dan riwayat penjualannya tetap tersimpan.""",
                    "Simpan perubahan.",
                ),
                _tip(
                    """<p>Mau libur atau ikut upacara adat beberapa hari? Banyak marketplace
                    punya fitur <b>tutup toko sementara</b>. Pembeli tetap bisa melihat toko
                    Anda, tetapi tidak bisa memesan sampai toko dibuka kembali.</p>"""
                ),
                _text(
                    """
                    <h2>Merawat pembeli</h2>
                    <ul>
                    <li>Balas pertanyaan pembeli secepatnya. Marketplace biasanya menampilkan
                    seberapa cepat toko membalas.</li>
                    <li>Tanggapi ulasan dengan sopan, juga ulasan yang kurang baik. Ucapkan
                    terima kasih dan jelaskan perbaikan yang Anda lakukan.</li>
                    <li>Perbaiki deskripsi jika banyak pembeli menanyakan hal yang
                    sama.</li>
                    </ul>
                    """
                ),
                _task(
                    "Tunjukkan produk yang lengkap",
                    """
                    <ol>
                    <li>Pilih satu produk di toko Anda. Pastikan ada minimal tiga foto, nama
                    yang jelas, deskripsi lengkap, harga, berat, dan stok yang benar.</li>
                    <li>Buka halaman produk tersebut, ketuk <b>Bagikan</b>, lalu <b>Salin
                    tautan</b>.</li>
                    <li>Tempel tautannya di kolom bukti tugas ini, lalu kirim.</li>
                    </ol>
                    """,
                    "toko-produk",
                ),
            ],
        },
    ],
}

# --- 4. Fotografi Produk ------------------------------------------------------------

PHOTO_COURSE = {
    "slug": "fotografi-produk",
    "title": "Fotografi Produk",
    "summary": (
        "Memotret produk dengan ponsel sampai layak tampil di toko online: memanfaatkan cahaya "
        "jendela, menyiapkan latar, menata komposisi, menyunting seperlunya, dan memenuhi "
        "syarat foto marketplace."
    ),
    "outcomes_html": _html(
        """
        <ul>
        <li>Memotret produk dengan cahaya alami yang lembut, tanpa lampu kilat.</li>
        <li>Menyiapkan latar polos dan properti secukupnya dari barang di rumah.</li>
        <li>Memotret produk dari beberapa sudut dengan komposisi yang rapi.</li>
        <li>Memakai kamera ponsel dengan benar agar foto tajam.</li>
        <li>Menyunting foto seperlunya tanpa mengubah warna asli produk.</li>
        <li>Menyiapkan foto yang memenuhi syarat marketplace.</li>
        </ul>
        """
    ),
    "estimated_minutes": 90,
    "level": "pemula",
    "stage": "",
    "pass_mark": 70,
    "prerequisites": [],
    "indicators": [
        {
            "code": "foto-cahaya",
            "title": "Memotret produk dengan cahaya alami",
            "evidence_kind": "image",
            "evidence_hint": (
                "Unggah satu foto produk Anda yang diambil dekat jendela tanpa lampu kilat: "
                "terang, tajam, dan tanpa bayangan keras."
            ),
        },
        {
            "code": "foto-sudut",
            "title": "Memotret produk dari beberapa sudut",
            "evidence_kind": "image",
            "evidence_hint": (
                "Unggah tangkapan layar galeri ponsel yang memperlihatkan minimal tiga foto "
                "satu produk: dari depan, dari atas atau serong, dan foto detail."
            ),
        },
        {
            "code": "foto-marketplace",
            "title": "Foto produk memenuhi syarat marketplace",
            "evidence_kind": "image",
            "evidence_hint": (
                "Unggah foto utama satu produk: persegi, latar polos, produk utuh di tengah, "
                "terang, tajam, dan tanpa tulisan nomor telepon."
            ),
        },
    ],
    "pre_test": [
        _choice(
            "Cahaya mana yang paling baik untuk memotret produk di rumah?",
            [
                ("Matahari langsung tepat tengah hari", False),
                ("Lampu kilat ponsel", False),
                ("Cahaya jendela pada pagi atau sore hari, tanpa sinar matahari langsung", True),
                ("Lampu neon dan lampu kuning dinyalakan bersamaan", False),
            ],
            """Cahaya jendela yang tidak terkena sinar matahari langsung itu lembut:
            bayangannya samar dan warnanya wajar. Matahari siang dan lampu kilat menimbulkan
            bayangan keras dan pantulan silau.""",
            "foto-cahaya",
        ),
        _true_false(
            "Karton putih atau gabus putih bisa dipakai untuk memantulkan cahaya ke sisi "
            "produk yang gelap.",
            True,
            """Benar. Letakkan pemantul putih di sisi yang berlawanan dengan jendela. Cahaya
            akan memantul dan menerangi bagian produk yang gelap.""",
            "foto-cahaya",
        ),
        _choice(
            "Bu Rohmah ingin memotret keripik tempe di piring agar isinya terlihat jelas. "
            "Sudut mana yang paling cocok?",
            [
                ("Dari atas piring", True),
                ("Dari bawah meja", False),
                ("Dari belakang piring", False),
                ("Dari jauh di seberang ruangan", False),
            ],
            """Untuk isi piring, kain yang dibentangkan, atau susunan beberapa produk, sudut
            dari atas memperlihatkan semuanya dengan jelas.""",
            "foto-sudut",
        ),
        _true_false(
            "Memakai fitur perbesar (zoom) digital di ponsel membuat foto lebih tajam daripada "
            "mendekatkan ponsel ke produk.",
            False,
            """Salah. Perbesaran digital hanya memperbesar titik-titik gambar, sehingga foto
            menjadi kasar. Lebih baik dekatkan ponsel ke produk.""",
            "foto-sudut",
        ),
        _choice(
            "Bentuk foto yang umumnya dipakai untuk foto produk di marketplace adalah ...",
            [
                ("memanjang tegak seperti layar ponsel", False),
                ("persegi (1:1)", True),
                ("bulat", False),
                ("bentuk apa saja, tidak berpengaruh", False),
            ],
            """Marketplace umumnya menampilkan foto produk dalam bentuk persegi. Foto dengan
            bentuk lain bisa terpotong sehingga sebagian produk hilang.""",
            "foto-marketplace",
        ),
        _true_false(
            "Menuliskan nomor WhatsApp di foto produk marketplace dianjurkan agar pembeli "
            "mudah menghubungi.",
            False,
            """Salah. Marketplace umumnya melarang nomor telepon dan ajakan bertransaksi di
            luar aplikasi pada foto. Produk seperti itu bisa diturunkan.""",
            "foto-marketplace",
        ),
        _choice(
            "Saat menyunting foto produk, apa yang tidak boleh dilakukan?",
            [
                ("Meluruskan foto yang miring", False),
                ("Memotong latar yang berantakan di tepi foto", False),
                ("Menaikkan kecerahan sedikit", False),
                ("Mengubah warna produk sampai berbeda dari aslinya", True),
            ],
            """Menyunting bertujuan membuat foto sesuai aslinya. Warna yang diubah membuat
            pembeli kecewa ketika barangnya datang.""",
            "foto-marketplace",
        ),
    ],
    "post_test": [
        _choice(
            "Bayangan yang tajam dan gelap muncul di samping produk. Apa cara paling mudah "
            "untuk melembutkannya?",
            [
                ("Menyalakan lampu kilat", False),
                ("Menutup jendela dengan gorden tipis atau kertas putih", True),
                ("Memindahkan produk ke bawah matahari siang", False),
                ("Menambah lampu berwarna kuning", False),
            ],
            """Gorden tipis atau kertas putih menyebarkan sinar matahari sehingga cahaya
            menjadi lembut dan bayangan memudar.""",
            "foto-cahaya",
        ),
        _true_false(
            "Lampu kilat ponsel paling baik untuk memotret botol kaca VCO karena membuatnya "
            "berkilau.",
            False,
            """Salah. Lampu kilat menimbulkan pantulan putih yang silau di kaca dan membuat
            minyak tampak keruh. Pakai cahaya jendela dan pemantul putih.""",
            "foto-cahaya",
        ),
        _choice(
            "Apa gunanya menyalakan garis bantu (grid) di kamera ponsel?",
            [
                ("Menambah ketajaman foto", False),
                ("Menghemat baterai", False),
                ("Menghilangkan bayangan", False),
                ("Membantu menata produk dan menjaga foto tetap lurus", True),
            ],
            """Garis bantu membagi layar menjadi sembilan kotak. Garis itu membantu menerapkan
            aturan sepertiga dan memeriksa apakah meja atau latar miring.""",
            "foto-sudut",
        ),
        _true_false(
            "Foto produk yang dipegang tangan atau diletakkan di samping benda sehari-hari "
            "membantu pembeli membayangkan ukurannya.",
            True,
            """Benar. Tangan, gelas, atau buah memberi perbandingan ukuran, sehingga pembeli
            tidak salah kira dan pertanyaan soal ukuran berkurang.""",
            "foto-sudut",
        ),
        _choice(
            "Manakah yang sebaiknya menjadi foto pertama di halaman produk?",
            [
                ("Produk utuh, jelas, di latar polos yang terang", True),
                ("Kardus pengiriman yang sudah dilakban", False),
                ("Kolase sembilan foto kecil dengan tulisan promo", False),
                ("Pemandangan desa tempat produk dibuat", False),
            ],
            """Foto pertama tampil kecil di hasil pencarian. Produk utuh di latar polos
            langsung dikenali; foto lain bisa dipakai sebagai foto kedua dan
            seterusnya.""",
            "foto-marketplace",
        ),
        _choice(
            "Anda ingin memindahkan foto produk dari ponsel anak ke ponsel Anda tanpa "
            "mengurangi ketajamannya. Cara mana yang paling tepat?",
            [
                ("Mengirimnya sebagai foto biasa lewat WhatsApp", False),
                ("Memotret layar ponsel anak dengan ponsel Anda", False),
                ("Mengirimnya sebagai dokumen atau memakai kabel data", True),
                ("Mengambil tangkapan layar foto itu", False),
            ],
            """Foto yang dikirim biasa lewat WhatsApp biasanya diperkecil dan dimampatkan.
            Kirim sebagai dokumen atau pindahkan dengan kabel data agar ukurannya tetap
            asli.""",
            "foto-marketplace",
        ),
        _true_false(
            "Foto produk boleh disunting agar lebih terang, asalkan warna dan bentuk produk "
            "tetap sesuai aslinya.",
            True,
            """Benar. Meluruskan, memotong, dan sedikit menambah kecerahan itu wajar. Yang
            tidak boleh adalah mengubah warna, menghapus cacat, atau membuat produk tampak
            berbeda dari aslinya.""",
            "foto-marketplace",
        ),
    ],
    "lessons": [
        {
            "slug": "cahaya-alami",
            "title": "Cahaya: kunci foto produk yang terang",
            "summary": (
                "Memanfaatkan cahaya jendela yang lembut dan pemantul buatan sendiri, tanpa "
                "lampu studio."
            ),
            "minutes": 9,
            "body": [
                _text(
                    """
                    <p>Pembeli online tidak bisa memegang produk Anda; mereka hanya melihat
                    foto. Foto yang terang dan jelas membuat produk tampak bersih dan
                    meyakinkan. Foto yang gelap dan buram membuat pembeli ragu, sebagus apa pun
                    produknya.</p>
                    <p>Kabar baiknya, Anda tidak perlu lampu studio. Cahaya terbaik itu gratis,
                    yaitu cahaya matahari yang masuk lewat jendela.</p>
                    <h2>Cahaya yang lembut</h2>
                    <p>Sinar matahari langsung menimbulkan <b>bayangan keras</b>: bayangan
                    gelap bertepi tajam dan bagian yang terlalu silau. Yang kita cari adalah
                    <b>cahaya lembut</b>, yaitu cahaya terang dari langit atau yang melewati
                    kain tipis. Bayangannya samar dan warna produk tampil apa adanya.</p>
                    <ul>
                    <li>Memotretlah dekat jendela yang terang, tetapi tidak terkena sinar
                    matahari langsung.</li>
                    <li>Waktu yang baik adalah pagi atau sore hari. Matahari tengah hari
                    terlalu keras.</li>
                    <li>Jika sinar matahari masuk langsung, tutup jendela dengan gorden tipis
                    berwarna putih atau kertas HVS.</li>
                    <li>Matikan lampu ruangan. Cahaya lampu yang bercampur dengan cahaya
                    jendela membuat warna produk kekuningan atau kebiruan.</li>
                    </ul>
                    """
                ),
                _steps(
                    "Menyiapkan sudut foto dekat jendela",
                    "Letakkan meja kecil atau kursi di samping jendela.",
                    """Letakkan produk di atasnya, sehingga cahaya datang dari samping
                    produk.""",
                    """Di sisi produk yang berlawanan dengan jendela, berdirikan karton putih
                    atau gabus putih sebagai <b>pemantul</b>. Cahaya akan memantul dan
                    menerangi sisi produk yang gelap.""",
                    "Matikan lampu kilat di kamera ponsel.",
                    "Ambil beberapa foto, lalu bandingkan hasilnya di layar.",
                ),
                _text(
                    """<p>Pak Wayan dulu memotret botol VCO di dapur dengan lampu neon dan
                    lampu kilat. Hasilnya: pantulan putih besar di botol, dan minyaknya tampak
                    keruh. Setelah memotret dekat jendela pada pukul delapan pagi, dengan
                    pemantul dari kardus bekas yang dilapisi kertas putih, minyaknya tampak
                    bening.</p>"""
                ),
                _tip(
                    """<p>Pemantul bisa dibuat dari barang di rumah: karton putih, gabus putih
                    bekas kemasan barang elektronik, atau kardus yang dilapisi kertas putih
                    atau aluminium foil.</p>"""
                ),
                _task(
                    "Foto produk dengan cahaya jendela",
                    """
                    <ol>
                    <li>Siapkan sudut foto dekat jendela pada pagi atau sore hari, dengan
                    lampu kilat mati.</li>
                    <li>Pakai pemantul putih di sisi yang gelap.</li>
                    <li>Pilih satu foto terbaik yang terang, tajam, dan tanpa bayangan
                    keras.</li>
                    <li>Unggah foto itu sebagai bukti. Foto belum perlu disunting.</li>
                    </ol>
                    """,
                    "foto-cahaya",
                ),
            ],
        },
        {
            "slug": "latar-dan-properti",
            "title": "Latar dan properti",
            "summary": (
                "Memilih latar polos yang murah, membuat latar melengkung dari karton, dan "
                "memakai properti secukupnya."
            ),
            "minutes": 8,
            "body": [
                _text(
                    """
                    <p>Latar adalah apa yang tampak di belakang dan di bawah produk. Latar yang
                    ramai, seperti tumpukan piring atau jemuran, mencuri perhatian dari
                    produk. Latar polos membuat mata pembeli langsung tertuju pada barang yang
                    dijual.</p>
                    <h2>Latar polos yang murah</h2>
                    <ul>
                    <li>Karton putih atau krem dari toko alat tulis.</li>
                    <li>Kain polos: seprai putih, kain blacu, atau taplak tanpa motif.</li>
                    <li>Meja atau papan kayu yang bersih, cocok untuk produk alami seperti
                    kerajinan bambu.</li>
                    <li>Tembok polos yang terang.</li>
                    </ul>
                    <p>Pilih warna latar yang berbeda dari produk. Keripik tempe yang
                    kekuningan tampak jelas di latar putih, tetapi tenggelam di latar krem.
                    Kain endek yang berwarna-warni paling aman di latar putih atau abu-abu
                    muda. Untuk botol VCO yang bening, latar abu-abu muda atau kayu membuat
                    tepi botol tetap terlihat.</p>
                    """
                ),
                _steps(
                    "Membuat latar melengkung dari karton",
                    "Siapkan selembar karton putih yang besar.",
                    """Sandarkan satu ujungnya ke dinding atau tumpukan buku, dan bentangkan
                    ujung lainnya di meja, sehingga karton melengkung landai.""",
                    "Letakkan produk di bagian karton yang datar, agak ke depan.",
                    """Potret dari depan. Karena karton melengkung, tidak ada garis sudut
                    antara meja dan dinding di belakang produk, dan produk seolah berdiri di
                    ruang putih yang bersih.""",
                ),
                _text(
                    """
                    <h2>Properti secukupnya</h2>
                    <p>Properti adalah benda pendamping yang membantu bercerita: daun pisang di
                    samping keripik, buah kelapa di samping botol VCO, atau salak yang masih
                    bertangkai. Aturannya sederhana: properti tidak boleh lebih menonjol
                    daripada produk, dan pembeli tidak boleh salah mengira properti ikut
                    dijual.</p>
                    """
                ),
                _tip(
                    """<p>Untuk foto pertama di marketplace, pakai latar polos tanpa properti.
                    Foto dengan properti cocok untuk foto kedua dan seterusnya, atau untuk
                    blog dan media sosial.</p>"""
                ),
                _warning(
                    """<p>Setrika kain latar, atau pilih karton yang tidak kusut. Lipatan dan
                    noda di latar sangat terlihat di foto.</p>"""
                ),
            ],
        },
        {
            "slug": "komposisi-dan-sudut",
            "title": "Komposisi dan sudut pengambilan",
            "summary": (
                "Menata produk di dalam bingkai foto dan memilih sudut yang paling cocok untuk "
                "setiap jenis produk."
            ),
            "minutes": 10,
            "body": [
                _text(
                    """
                    <p>Komposisi adalah cara menata produk di dalam bingkai foto. Dengan
                    komposisi yang baik, pembeli langsung tahu apa yang sedang dijual.</p>
                    <h2>Tiga aturan sederhana</h2>
                    <ul>
                    <li><b>Produk mengisi bingkai.</b> Dekatkan ponsel sampai produk memenuhi
                    sebagian besar foto, dengan sedikit ruang di tepinya.</li>
                    <li><b>Aturan sepertiga.</b> Bayangkan foto dibagi menjadi sembilan kotak
                    oleh dua garis mendatar dan dua garis tegak. Produk yang diletakkan di
                    titik pertemuan garis membuat foto terasa lebih hidup. Untuk foto utama
                    marketplace, produk di tengah tetap paling aman.</li>
                    <li><b>Lurus.</b> Pastikan garis meja atau latar tidak miring.</li>
                    </ul>
                    <h2>Memilih sudut</h2>
                    <ul>
                    <li><b>Dari depan, sejajar produk</b>: untuk botol VCO, toples, dan tas
                    bambu yang berdiri.</li>
                    <li><b>Dari atas</b>: untuk keripik di piring, kain endek yang
                    dibentangkan, atau susunan beberapa produk.</li>
                    <li><b>Serong dari atas</b>, seperti orang duduk memandang meja: untuk
                    kotak, kemasan, dan kerajinan yang punya tinggi dan permukaan atas.</li>
                    <li><b>Dekat sekali</b>: untuk detail, misalnya serat tenun atau anyaman
                    bambu.</li>
                    </ul>
                    """
                ),
                _steps(
                    "Memotret satu produk dari beberapa sudut",
                    "Siapkan produk di sudut foto dekat jendela, dengan latar polos.",
                    "Ambil foto dari depan, dengan ponsel sejajar produk.",
                    "Ambil foto serong dari atas.",
                    "Ambil foto dari atas, dengan ponsel datar sejajar meja.",
                    "Dekatkan ponsel, lalu ambil foto detail.",
                    """Ambil satu foto yang menunjukkan ukuran, misalnya produk dipegang tangan
                    atau diletakkan di samping benda sehari-hari.""",
                ),
                _text(
                    """<p>Pak Yusuf, perajin bambu di Balikpapan, dulu hanya memotret
                    keranjangnya dari depan. Pembeli sering bertanya seberapa besar keranjang
                    itu dan seberapa rapat anyamannya. Setelah ia menambahkan foto detail
                    anyaman dan foto keranjang berisi buah, pertanyaan seperti itu jauh
                    berkurang.</p>"""
                ),
                _tip(
                    """<p>Nyalakan <b>garis bantu</b> (grid) di pengaturan kamera ponsel. Garis
                    ini membantu menerapkan aturan sepertiga dan menjaga foto tetap
                    lurus.</p>"""
                ),
                _task(
                    "Potret produk dari beberapa sudut",
                    """
                    <ol>
                    <li>Potret satu produk dari minimal tiga sudut: depan, atas atau serong,
                    dan detail.</li>
                    <li>Buka galeri ponsel sehingga ketiga foto tampak berdampingan.</li>
                    <li>Ambil tangkapan layar galeri itu, lalu unggah sebagai bukti.</li>
                    </ol>
                    """,
                    "foto-sudut",
                ),
            ],
        },
        {
            "slug": "memotret-dengan-ponsel",
            "title": "Memotret dengan ponsel",
            "summary": (
                "Kebiasaan sebelum dan saat memotret yang membuat foto dari ponsel murah pun "
                "tajam dan terang."
            ),
            "minutes": 8,
            "body": [
                _text(
                    """<p>Ponsel Android yang murah pun bisa menghasilkan foto produk yang
                    bagus, asalkan dipakai dengan benar. Yang menentukan bukan harga
                    ponselnya, melainkan cahaya, tangan yang tenang, dan ketelitian
                    Anda.</p>"""
                ),
                _steps(
                    "Sebelum dan saat memotret",
                    """<b>Bersihkan lensa</b> dengan kain lembut, misalnya ujung kaus katun.
                    Lensa yang terkena sidik jari membuat foto tampak berkabut.""",
                    """<b>Matikan lampu kilat</b>. Lampu kilat membuat pantulan silau,
                    terutama pada botol kaca dan kemasan plastik.""",
                    """<b>Ketuk layar tepat di produk</b>. Ponsel akan menajamkan gambar dan
                    mengatur terang-gelapnya pada produk itu.""",
                    """Jika foto terlalu terang atau gelap, <b>geser ikon matahari</b> yang
                    muncul di dekat titik fokus ke atas atau ke bawah. Pada sebagian ponsel,
                    pengaturan ini bentuknya berbeda.""",
                    """<b>Jangan pakai perbesaran (zoom) digital</b>. Lebih baik dekatkan
                    ponsel ke produk, karena perbesaran digital membuat foto kasar.""",
                    """<b>Pegang ponsel dengan dua tangan</b> dan tempelkan siku ke badan atau
                    meja. Lebih baik lagi, sandarkan ponsel pada tumpukan buku dan pakai
                    <b>pengatur waktu</b> dua atau tiga detik, agar ponsel tidak goyang saat
                    tombol ditekan.""",
                    """<b>Ambil banyak foto</b>, lalu pilih yang terbaik. Hapus yang buram agar
                    memori ponsel tidak cepat penuh.""",
                ),
                _text(
                    """
                    <h2>Mengatur kamera</h2>
                    <p>Buka pengaturan kamera dan pilih ukuran foto yang paling besar. Foto
                    besar bisa diperkecil nanti, tetapi foto kecil tidak bisa dipertajam. Jika
                    tersedia, pilih bentuk foto <b>1:1</b> (persegi), karena bentuk inilah
                    yang umumnya dipakai marketplace.</p>
                    <p>Bu Rohmah memotret keripik tempenya dengan ponsel yang sudah berumur
                    empat tahun. Dengan ponsel bersandar pada toples dan pengatur waktu tiga
                    detik, fotonya kini tajam sampai butir bumbunya terlihat.</p>
                    """
                ),
                _warning(
                    """<p>Hindari mode kecantikan dan filter bawaan kamera. Fitur ini
                    menghaluskan gambar dan mengubah warna, sehingga tekstur kain, anyaman,
                    atau keripik hilang.</p>"""
                ),
            ],
        },
        {
            "slug": "menyunting-foto",
            "title": "Menyunting foto seperlunya",
            "summary": (
                "Memotong, meluruskan, dan mengatur cahaya dengan aplikasi galeri, tanpa "
                "mengubah warna asli produk."
            ),
            "minutes": 8,
            "body": [
                _text(
                    """
                    <p>Menyunting berarti merapikan foto setelah dipotret. Tujuannya bukan
                    membuat produk tampak lebih bagus dari aslinya, melainkan membuat foto
                    tampil <b>sesuai aslinya</b>: lurus, cukup terang, dan warnanya
                    benar.</p>
                    <p>Anda tidak perlu aplikasi khusus. Aplikasi galeri di kebanyakan ponsel
                    Android sudah punya menu sunting untuk memotong, meluruskan, dan mengatur
                    cahaya. Foto yang dipotret dengan cahaya yang baik biasanya hanya perlu
                    sedikit sentuhan.</p>
                    """
                ),
                _steps(
                    "Menyunting dengan aplikasi galeri",
                    """Buka foto di galeri, lalu ketuk <b>Sunting</b> atau <b>Edit</b>
                    (biasanya bergambar pensil).""",
                    """<b>Potong</b> bagian tepi yang tidak perlu. Untuk marketplace, pilih
                    bentuk potongan <b>1:1</b> (persegi) dan jaga produk tetap di
                    tengah.""",
                    "<b>Luruskan</b> foto yang miring dengan menggeser pengatur kemiringan.",
                    """Naikkan <b>kecerahan</b> sedikit jika foto agak gelap. Jangan
                    berlebihan sampai bagian putih kehilangan detail.""",
                    """Atur <b>kehangatan</b> atau suhu warna jika latar putih tampak
                    kekuningan atau kebiruan. Latar putih harus tampak putih.""",
                    """Bandingkan dengan produk aslinya di depan Anda. Jika warnanya sudah
                    sama, simpan. Pilih <b>Simpan sebagai salinan</b> jika tersedia, agar foto
                    asli tetap ada.""",
                ),
                _text(
                    """
                    <h2>Yang tidak boleh dilakukan</h2>
                    <ul>
                    <li>Mengubah warna produk. Jika kain endek aslinya merah bata, jangan
                    dibuat merah menyala.</li>
                    <li>Menghapus cacat atau noda pada produk. Pembeli akan kecewa saat barang
                    datang.</li>
                    <li>Memasang filter berwarna atau bingkai yang ramai.</li>
                    <li>Menumpuk tulisan promo, harga, atau nomor telepon di atas foto.</li>
                    </ul>
                    <p>Bu Luh pernah menerima keluhan karena warna kain yang datang "tidak
                    seperti di foto". Sejak itu ia selalu membandingkan hasil suntingan dengan
                    kain aslinya di dekat jendela sebelum mengunggah.</p>
                    """
                ),
                _tip(
                    """<p>Setelah menyunting satu foto dengan baik, ingat pengaturannya. Foto
                    lain yang diambil di tempat dan jam yang sama biasanya cocok dengan
                    pengaturan serupa, sehingga semua foto di toko Anda tampak seragam.</p>"""
                ),
            ],
        },
        {
            "slug": "syarat-foto-marketplace",
            "title": "Foto yang memenuhi syarat marketplace",
            "summary": (
                "Syarat foto yang umum di marketplace, susunan foto yang lengkap, dan "
                "pemeriksaan sebelum mengunggah."
            ),
            "minutes": 9,
            "body": [
                _text(
                    """
                    <p>Setiap marketplace punya panduan foto produk di halaman bantuan
                    penjualnya, dan angkanya bisa berubah. Periksa panduan terbaru di
                    marketplace pilihan Anda. Namun syarat umumnya hampir selalu sama:</p>
                    <ul>
                    <li><b>Persegi (1:1) dan tajam.</b> Foto asli dari kamera ponsel biasanya
                    sudah cukup besar. Jangan memakai tangkapan layar atau foto yang sudah
                    mengecil karena dikirim lewat aplikasi pesan.</li>
                    <li><b>Foto pertama jelas dan bersih</b>: produk utuh, di tengah, di latar
                    polos yang terang.</li>
                    <li><b>Tanpa nomor telepon, alamat media sosial, atau ajakan bertransaksi
                    di luar aplikasi.</b> Marketplace umumnya melarangnya dan bisa menurunkan
                    produk Anda.</li>
                    <li><b>Foto milik sendiri</b>, sesuai aslinya: warna, bentuk, dan isi
                    paket sama dengan yang akan dikirim.</li>
                    </ul>
                    <h2>Susunan foto yang lengkap</h2>
                    <p>Manfaatkan tempat foto yang disediakan. Contoh untuk selembar kain
                    endek:</p>
                    <ol>
                    <li>Kain terlipat rapi di latar putih (foto utama).</li>
                    <li>Kain dibentangkan, dipotret dari atas, agar motifnya terlihat
                    utuh.</li>
                    <li>Detail serat tenun dari dekat.</li>
                    <li>Kain yang dipakai atau dipegang, agar ukurannya terbayang.</li>
                    <li>Kemasan yang akan diterima pembeli.</li>
                    </ol>
                    """
                ),
                _steps(
                    "Memeriksa foto sebelum diunggah",
                    """Lihat foto dalam ukuran kecil, seperti di daftar produk. Apakah produk
                    masih mudah dikenali?""",
                    "Perbesar foto dengan dua jari. Apakah masih tajam?",
                    "Periksa bentuknya: sudah persegi?",
                    """Periksa isinya: tidak ada nomor telepon, dan tidak ada barang lain yang
                    bisa dikira ikut dijual.""",
                    "Bandingkan warnanya dengan produk asli.",
                ),
                _warning(
                    """<p>Foto yang dikirim biasa lewat WhatsApp biasanya diperkecil dan
                    dimampatkan, sehingga ketajamannya berkurang. Untuk memindahkan foto ke
                    ponsel lain, kirim sebagai dokumen atau pakai kabel data.</p>"""
                ),
                _task(
                    "Foto utama untuk marketplace",
                    """
                    <ol>
                    <li>Siapkan foto utama satu produk: persegi, latar polos, produk utuh di
                    tengah, terang, dan tajam.</li>
                    <li>Periksa dengan daftar langkah di atas.</li>
                    <li>Unggah foto itu sebagai bukti.</li>
                    </ol>
                    """,
                    "foto-marketplace",
                ),
            ],
        },
    ],
}

COURSES = [EMAIL_COURSE, BLOG_COURSE, SHOP_COURSE, PHOTO_COURSE]

# --- Demo members' progress ------------------------------------------------------
# One entry per member and course. `lessons_done` is a count of lessons done
# in order from the first, or "all". Scores are percentages as the grader
# computes them (rounded down, so with 7 questions: 0, 14, 28, 42, 57, 71, 85
# or 100). Evidence carries `link`, `text` or `image` to match the
# indicator's kind; for `image` the value describes the screenshot or photo,
# and the loader draws a placeholder picture for it. `reviewer` is the
# officer who reviewed it: another officer of the member's community, or the
# editor for a community without a board (see `pusat.home.demo`). The survey
# keys are the `SurveyResponse` fields. `enrolled_on` and `completed_on` date
# the enrolment and the certificate. A member completes a course's
# prerequisites before enrolling in it, and their entries come first.

LUH = "luh.sukerti@contoh.id"
WAYAN = "wayan.sudarsana@contoh.id"
KOMANG = "komang.arta@contoh.id"

DEMO_PROGRESS = [
    {
        # The chair finished the first course completely and answered the survey.
        "email": LUH,
        "course": "email-untuk-bisnis",
        "enrolled_on": date(2025, 3, 17),
        "completed_on": date(2025, 4, 22),
        "lessons_done": "all",
        "pre_test_score": 42,
        "pre_test_skipped": False,
        "post_test_score": 85,
        "evidence": [
            {
                "indicator": "email-alamat",
                "status": "approved",
                "text": "endeksari.sidemen@contoh.id",
                "feedback": "Alamatnya pendek dan mudah dieja lewat telepon. Bagus, Bu Luh.",
                "reviewer": WAYAN,
            },
            {
                "indicator": "email-balas",
                "status": "approved",
                "image": (
                    'Folder Terkirim: balasan "Re: Harga kain endek untuk seragam kantor" '
                    "berisi harga per lembar dan lama pengerjaan tiga minggu."
                ),
                "feedback": "Semua pertanyaan pembeli terjawab dengan sopan.",
                "reviewer": WAYAN,
            },
            {
                "indicator": "email-lampiran",
                "status": "approved",
                "image": (
                    'Email terkirim "Katalog kain endek Endek Sari Sidemen" dengan lampiran '
                    "katalog PDF dan tiga foto kain."
                ),
                "feedback": "Subjek jelas dan lampirannya disebutkan di isi email.",
                "reviewer": WAYAN,
            },
            {
                "indicator": "email-cc-bcc",
                "status": "approved",
                "image": (
                    "Email undangan pameran kepada 12 pelanggan: kolom Kepada berisi alamat Bu "
                    "Luh sendiri, alamat pelanggan di kolom Bcc."
                ),
                "feedback": "Tepat sekali, alamat pelanggan tidak saling terlihat.",
                "reviewer": WAYAN,
            },
        ],
        "survey": {
            "clarity_material": 5,
            "clarity_examples": 5,
            "usefulness": 5,
            "pace": 4,
            "comment": (
                "Materinya mudah diikuti dari ponsel. Mohon ditambah contoh membalas "
                "pertanyaan pembeli dari luar negeri."
            ),
        },
    },
    {
        "email": WAYAN,
        "course": "email-untuk-bisnis",
        "enrolled_on": date(2025, 3, 17),
        "completed_on": date(2025, 5, 6),
        "lessons_done": "all",
        "pre_test_score": 28,
        "pre_test_skipped": False,
        "post_test_score": 71,
        "evidence": [
            {
                "indicator": "email-alamat",
                "status": "approved",
                "text": "vcokelapaabang@contoh.id",
                "feedback": "",
                "reviewer": LUH,
            },
            {
                "indicator": "email-balas",
                "status": "approved",
                "image": (
                    'Email terusan "Fwd: Pesanan VCO 24 botol untuk toko oleh-oleh" dengan '
                    "catatan untuk adiknya yang mengurus pengiriman."
                ),
                "feedback": "",
                "reviewer": LUH,
            },
            {
                "indicator": "email-lampiran",
                "status": "approved",
                "image": (
                    'Email terkirim "Penawaran minyak kelapa murni" dengan lampiran daftar '
                    "harga dan dua foto botol 100 ml dan 250 ml."
                ),
                "feedback": "Fotonya sudah terlampir. Lain kali sebutkan lampirannya di isi email.",
                "reviewer": LUH,
            },
            {
                "indicator": "email-cc-bcc",
                "status": "approved",
                "image": (
                    "Email kabar produk baru kepada tiga pelanggan, semua alamatnya di kolom Bcc."
                ),
                "feedback": "",
                "reviewer": LUH,
            },
        ],
        "survey": {
            "clarity_material": 4,
            "clarity_examples": 4,
            "usefulness": 5,
            "pace": 3,
            "comment": ("Bagian CC dan BCC perlu saya baca dua kali, tetapi sekarang sudah paham."),
        },
    },
    {
        "email": KOMANG,
        "course": "email-untuk-bisnis",
        "enrolled_on": date(2025, 3, 20),
        "completed_on": date(2025, 4, 29),
        "lessons_done": "all",
        "pre_test_score": 57,
        "pre_test_skipped": False,
        "post_test_score": 100,
        "evidence": [
            {
                "indicator": "email-alamat",
                "status": "approved",
                "text": "salaksibetan@contoh.id",
                "feedback": "",
                "reviewer": LUH,
            },
            {
                "indicator": "email-balas",
                "status": "approved",
                "image": (
                    'Balasan "Re: Permintaan salak untuk pasar swalayan" berisi jumlah panen '
                    "per minggu dan jadwal kirim."
                ),
                "feedback": "",
                "reviewer": LUH,
            },
            {
                "indicator": "email-lampiran",
                "status": "approved",
                "image": (
                    'Email terkirim "Daftar harga salak gula pasir Sibetan" dengan lampiran '
                    "PDF daftar harga dan tiga foto salak."
                ),
                "feedback": "Lengkap dan rapi.",
                "reviewer": LUH,
            },
            {
                "indicator": "email-cc-bcc",
                "status": "approved",
                "image": (
                    "Email kabar panen kepada lima pembeli tetap; alamat mereka di kolom Bcc, "
                    "kolom Kepada berisi alamat sendiri."
                ),
                "feedback": "",
                "reviewer": LUH,
            },
        ],
        "survey": None,
    },
    {
        "email": KOMANG,
        "course": "blog-dan-web-marketing",
        "enrolled_on": date(2026, 6, 8),
        "completed_on": date(2026, 9, 21),
        "lessons_done": "all",
        "pre_test_score": 42,
        "pre_test_skipped": False,
        "post_test_score": 85,
        "evidence": [
            {
                "indicator": "blog-postingan",
                "status": "approved",
                "link": (
                    "https://salaksibetan-contoh.blogspot.com/2026/06/"
                    "cara-menyimpan-salak-agar-tahan-seminggu.html"
                ),
                "feedback": "Tulisannya enak dibaca dan judulnya jelas.",
                "reviewer": WAYAN,
            },
            {
                "indicator": "blog-foto-produk",
                "status": "approved",
                "link": (
                    "https://salaksibetan-contoh.blogspot.com/2026/07/"
                    "panen-salak-gula-pasir-bulan-juli.html"
                ),
                "feedback": "",
                "reviewer": WAYAN,
            },
            {
                "indicator": "blog-kontak",
                "status": "approved",
                "link": "https://salaksibetan-contoh.blogspot.com/p/kontak.html",
                "feedback": "Tautan WhatsApp sudah saya coba, langsung terbuka.",
                "reviewer": WAYAN,
            },
            {
                "indicator": "blog-tautan-produk",
                "status": "approved",
                "link": (
                    "https://salaksibetan-contoh.blogspot.com/2026/08/"
                    "dodol-salak-oleh-oleh-dari-sibetan.html"
                ),
                "feedback": "",
                "reviewer": WAYAN,
            },
        ],
        "survey": {
            "clarity_material": 5,
            "clarity_examples": 4,
            "usefulness": 5,
            "pace": 4,
            "comment": (
                "Halaman kontak dengan tautan WhatsApp sudah mendatangkan dua pesanan salak. "
                "Bagian Tata Letak agak sulit di ponsel."
            ),
        },
    },
    {
        # Just enrolled, and chose to skip the pre-test.
        "email": KOMANG,
        "course": "toko-online",
        "enrolled_on": date(2026, 11, 16),
        "completed_on": None,
        "lessons_done": 0,
        "pre_test_score": None,
        "pre_test_skipped": True,
        "post_test_score": None,
        "evidence": [],
        "survey": None,
    },
    {
        # Midway: three lessons done, the first evidence waiting for review.
        "email": WAYAN,
        "course": "blog-dan-web-marketing",
        "enrolled_on": date(2026, 10, 5),
        "completed_on": None,
        "lessons_done": 3,
        "pre_test_score": 42,
        "pre_test_skipped": False,
        "post_test_score": None,
        "evidence": [
            {
                "indicator": "blog-postingan",
                "status": "submitted",
                "link": (
                    "https://vcokelapaabang-contoh.blogspot.com/2026/11/"
                    "dari-kelapa-tua-menjadi-minyak-kelapa-murni.html"
                ),
                "feedback": "",
                "reviewer": None,
            },
        ],
        "survey": None,
    },
    {
        # One photo returned for improvement; the next one waits for review.
        "email": "kadek.lestari@contoh.id",
        "course": "fotografi-produk",
        "enrolled_on": date(2026, 9, 14),
        "completed_on": None,
        "lessons_done": 3,
        "pre_test_score": 57,
        "pre_test_skipped": False,
        "post_test_score": None,
        "evidence": [
            {
                "indicator": "foto-cahaya",
                "status": "returned",
                "image": (
                    "Keranjang anyaman bambu di meja dekat jendela; sinar matahari langsung "
                    "membuat bayangan tajam di sisi kanan."
                ),
                "feedback": (
                    "Tempatnya sudah tepat di dekat jendela, tetapi sinar matahari masuk "
                    "langsung sehingga bayangan keranjang jatuh tajam ke kanan. Coba tutup "
                    "jendela dengan gorden tipis atau kertas HVS, pasang karton putih di sisi "
                    "kanan, lalu foto ulang pagi hari."
                ),
                "reviewer": KOMANG,
            },
            {
                "indicator": "foto-sudut",
                "status": "submitted",
                "image": (
                    "Tangkapan layar galeri: tiga foto tas anyaman bambu, dari depan, dari atas, "
                    "dan detail anyaman."
                ),
                "feedback": "",
                "reviewer": None,
            },
        ],
        "survey": None,
    },
    {
        # Bekasi has no board yet, so the editor reviews this one.
        "email": "siti.rohmah@contoh.id",
        "course": "email-untuk-bisnis",
        "enrolled_on": date(2026, 10, 26),
        "completed_on": None,
        "lessons_done": 4,
        "pre_test_score": 28,
        "pre_test_skipped": False,
        "post_test_score": None,
        "evidence": [
            {
                "indicator": "email-alamat",
                "status": "submitted",
                "text": "keripiktempeburohmah@contoh.id",
                "feedback": "",
                "reviewer": None,
            },
        ],
        "survey": None,
    },
    {
        "email": "rizky.pratama@contoh.id",
        "course": "email-untuk-bisnis",
        "enrolled_on": date(2026, 11, 9),
        "completed_on": None,
        "lessons_done": 1,
        "pre_test_score": 14,
        "pre_test_skipped": False,
        "post_test_score": None,
        "evidence": [],
        "survey": None,
    },
]
