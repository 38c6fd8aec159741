"""Demo showcases for `manage.py load_demo_data`.

Six demo members get a published showcase with real-sounding products.
The product photos are drawn here with Pillow at load time (a motif for
the kind of product, on a warm background), so nothing is downloaded and
no third-party picture needs a licence. Each showcase is found by its
owner and each product by its slug: a second run creates nothing.
"""

import io
import math
import random

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from . import actions
from .models import Product, ShowcasePage

AVAILABLE = Product.Stock.AVAILABLE
PRE_ORDER = Product.Stock.PRE_ORDER
SOLD_OUT = Product.Stock.SOLD_OUT

SHOWCASES = [
    {
        "owner": "luh.sukerti@contoh.id",
        "featured": True,
        "fields": {
            "title": "Endek Sari Sidemen",
            "story": (
                "Kami menenun endek dengan alat tenun bukan mesin (ATBM) di Desa Sidemen sejak "
                "tiga generasi. Benang diikat dan dicelup sendiri, sebagian memakai pewarna alam "
                "dari daun indigo dan kulit mahoni. Satu kain selesai dalam dua sampai tiga minggu."
            ),
            "category": "fesyen",
            "regency": "Karangasem",
            "district": "Sidemen",
            "village": "Sidemen",
            "opening_hours": "Senin–Sabtu 08.00–17.00",
            "whatsapp": "+6281238475521",
            "cover_alt": "Kain endek bermotif warna-warni digantung berjajar",
            "tokopedia_url": "https://www.tokopedia.com/endeksarisidemen",
            "shopee_url": "https://shopee.co.id/endeksarisidemen",
            "bukalapak_url": "",
            "other_store_url": "",
            "instagram_url": "https://www.instagram.com/endeksarisidemen",
            "facebook_url": "",
            "tiktok_url": "",
            "blog_url": "",
        },
        "cover": ("kain", (122, 31, 52)),
        "products": [
            {
                "name": "Kain Endek Cepuk Merah",
                "description": (
                    "Kain endek motif cepuk, katun, 2 × 1,1 meter. Cocok untuk kamen atau "
                    "bahan kemeja."
                ),
                "price": 450_000,
                "weight_grams": 350,
                "stock": AVAILABLE,
                "category": "fesyen",
                "village_speciality": True,
                "featured": True,
                "photo": ("kain", (158, 29, 45)),
                "alt": "Kain endek merah bermotif cepuk terlipat di atas meja kayu",
            },
            {
                "name": "Endek Pewarna Alam Indigo",
                "description": (
                    "Ditenun dengan benang yang dicelup indigo alami. Warna biru tua yang "
                    "makin indah setelah dicuci."
                ),
                "price": 750_000,
                "price_max": 950_000,
                "weight_grams": 350,
                "stock": PRE_ORDER,
                "category": "fesyen",
                "village_speciality": True,
                "photo": ("kain", (31, 58, 110)),
                "alt": "Kain endek biru indigo dengan motif belah ketupat",
            },
            {
                "name": "Selendang Songket Sidemen",
                "description": (
                    "Selendang songket benang emas untuk upacara. Harga tergantung kerumitan motif."
                ),
                "price": None,
                "negotiable": True,
                "weight_grams": 200,
                "stock": AVAILABLE,
                "category": "fesyen",
                "village_speciality": True,
                "photo": ("kain", (120, 76, 18)),
                "alt": "Selendang songket cokelat dengan benang emas",
            },
        ],
    },
    {
        "owner": "wayan.sudarsana@contoh.id",
        "fields": {
            "title": "VCO Kelapa Abang",
            "story": (
                "Minyak kelapa murni (VCO) dari kelapa kebun sendiri, diolah tanpa pemanasan di "
                "Kecamatan Abang. Sudah terdaftar PIRT dan dijual ke warung dan hotel di "
                "Karangasem."
            ),
            "category": "kuliner",
            "regency": "Karangasem",
            "district": "Abang",
            "village": "Datah",
            "opening_hours": "Setiap hari 07.00–18.00",
            "whatsapp": "+6281339917204",
            "cover_alt": "Botol-botol VCO berjajar di depan pohon kelapa",
            "tokopedia_url": "",
            "shopee_url": "https://shopee.co.id/vcokelapaabang",
            "bukalapak_url": "",
            "other_store_url": "",
            "instagram_url": "",
            "facebook_url": "https://www.facebook.com/vcokelapaabang",
            "tiktok_url": "",
            "blog_url": "",
        },
        "cover": ("botol", (46, 110, 72)),
        "products": [
            {
                "name": "VCO 250 ml",
                "description": (
                    "Minyak kelapa murni dalam botol kaca 250 ml. Untuk masak, rambut, dan kulit."
                ),
                "price": 45_000,
                "weight_grams": 450,
                "stock": AVAILABLE,
                "category": "kuliner",
                "village_speciality": True,
                "featured": True,
                "photo": ("botol", (215, 190, 120)),
                "alt": "Botol kaca VCO 250 ml berlabel hijau",
            },
            {
                "name": "VCO 1 Liter",
                "description": "Ukuran hemat untuk warung dan dapur rumah makan.",
                "price": 150_000,
                "weight_grams": 1300,
                "stock": AVAILABLE,
                "category": "kuliner",
                "village_speciality": True,
                "photo": ("botol", (190, 160, 90)),
                "alt": "Botol plastik VCO satu liter",
            },
            {
                "name": "Sabun Mandi VCO",
                "description": "Sabun batang dari VCO dan sereh, 100 gram.",
                "price": 20_000,
                "weight_grams": 110,
                "stock": SOLD_OUT,
                "category": "kuliner",
                "village_speciality": False,
                "photo": ("sabun", (236, 222, 186)),
                "alt": "Tiga batang sabun krem dibungkus kertas",
            },
        ],
    },
    {
        "owner": "kadek.lestari@contoh.id",
        "fields": {
            "title": "Anyaman Bambu Lestari",
            "story": (
                "Bakul, sokasi, dan tempat canang dari bambu tali yang kami anyam bersama ibu-ibu "
                "banjar di Manggis. Setiap pesanan bisa disesuaikan ukurannya."
            ),
            "category": "kerajinan",
            "regency": "Karangasem",
            "district": "Manggis",
            "village": "Tenganan",
            "opening_hours": "Senin–Jumat 09.00–16.00",
            "whatsapp": "+6281805537718",
            "cover_alt": "Tumpukan bakul bambu anyaman",
            "tokopedia_url": "",
            "shopee_url": "",
            "bukalapak_url": "",
            "other_store_url": "",
            "instagram_url": "https://www.instagram.com/anyamanbambulestari",
            "facebook_url": "",
            "tiktok_url": "https://www.tiktok.com/@anyamanlestari",
            "blog_url": "",
        },
        "cover": ("anyaman", (176, 132, 72)),
        "products": [
            {
                "name": "Sokasi Bambu Bertutup",
                "description": (
                    "Kotak anyaman bambu bertutup, diameter 30 cm, untuk tempat banten atau"
                    " hantaran."
                ),
                "price": 85_000,
                "price_max": 120_000,
                "weight_grams": 600,
                "stock": AVAILABLE,
                "category": "kerajinan",
                "village_speciality": True,
                "photo": ("anyaman", (196, 150, 84)),
                "alt": "Sokasi bambu bundar bertutup dengan anyaman rapat",
            },
            {
                "name": "Bakul Nasi Anyaman",
                "description": "Bakul nasi tradisional, dianyam rapat, tahan lama.",
                "price": 35_000,
                "weight_grams": 300,
                "stock": AVAILABLE,
                "category": "kerajinan",
                "village_speciality": False,
                "photo": ("anyaman", (210, 170, 100)),
                "alt": "Bakul nasi bambu berwarna cokelat muda",
            },
            {
                "name": "Tempat Tisu Bambu",
                "description": (
                    "Tempat tisu dari bambu untuk hotel dan kafe. Pesanan di atas 50 buah "
                    "bisa nego."
                ),
                "price": 40_000,
                "negotiable": True,
                "weight_grams": 250,
                "stock": PRE_ORDER,
                "category": "kerajinan",
                "village_speciality": False,
                "photo": ("anyaman", (160, 118, 60)),
                "alt": "Kotak tisu persegi dari anyaman bambu",
            },
        ],
    },
    {
        "owner": "komang.arta@contoh.id",
        "fields": {
            "title": "Salak Gula Pasir Sibetan",
            "story": (
                "Salak gula pasir asli Sibetan, dipetik pagi dan dikirim hari itu juga. Kami juga "
                "membuat dodol dan keripik salak saat panen raya."
            ),
            "category": "pertanian",
            "regency": "Karangasem",
            "district": "Bebandem",
            "village": "Sibetan",
            "opening_hours": "Setiap hari 06.00–17.00",
            "whatsapp": "+6287862150983",
            "cover_alt": "Tandan salak di kebun Sibetan",
            "tokopedia_url": "https://www.tokopedia.com/salaksibetan",
            "shopee_url": "",
            "bukalapak_url": "",
            "other_store_url": "",
            "instagram_url": "",
            "facebook_url": "",
            "tiktok_url": "",
            "blog_url": "",
        },
        "cover": ("buah", (92, 52, 30)),
        "products": [
            {
                "name": "Salak Gula Pasir 1 kg",
                "description": "Manis, renyah, tidak sepet. Dikemas dalam kardus berlubang.",
                "price": 35_000,
                "weight_grams": 1100,
                "stock": AVAILABLE,
                "category": "pertanian",
                "village_speciality": True,
                "featured": True,
                "photo": ("buah", (120, 66, 36)),
                "alt": "Buah salak gula pasir di dalam keranjang",
            },
            {
                "name": "Dodol Salak",
                "description": "Dodol salak 250 gram, tanpa pengawet.",
                "price": 25_000,
                "weight_grams": 280,
                "stock": AVAILABLE,
                "category": "kuliner",
                "village_speciality": True,
                "photo": ("keripik", (150, 92, 50)),
                "alt": "Dodol salak cokelat dalam kemasan plastik",
            },
        ],
    },
    {
        "owner": "siti.rohmah@contoh.id",
        "fields": {
            "title": "Keripik Tempe Bu Rohmah",
            "story": (
                "Keripik tempe tipis dan renyah, digoreng setiap hari di dapur kami di Bekasi "
                "Timur. Ada rasa original, pedas daun jeruk, dan balado."
            ),
            "category": "kuliner",
            "regency": "Kota Bekasi",
            "district": "Bekasi Timur",
            "village": "Margahayu",
            "opening_hours": "Senin–Sabtu 08.00–20.00",
            "whatsapp": "+6281299041876",
            "cover_alt": "Keripik tempe di atas tampah",
            "tokopedia_url": "",
            "shopee_url": "https://shopee.co.id/keripikburohmah",
            "bukalapak_url": "https://www.bukalapak.com/u/keripikburohmah",
            "other_store_url": "",
            "instagram_url": "",
            "facebook_url": "",
            "tiktok_url": "",
            "blog_url": "",
        },
        "cover": ("keripik", (214, 160, 64)),
        "products": [
            {
                "name": "Keripik Tempe Original 200 g",
                "description": "Gurih dengan bumbu bawang putih dan ketumbar.",
                "price": 18_000,
                "weight_grams": 220,
                "stock": AVAILABLE,
                "category": "kuliner",
                "village_speciality": False,
                "photo": ("keripik", (222, 172, 80)),
                "alt": "Kemasan keripik tempe original bening",
            },
            {
                "name": "Keripik Tempe Pedas Daun Jeruk",
                "description": "Pedas sedang dengan aroma daun jeruk. Favorit pelanggan.",
                "price": 20_000,
                "weight_grams": 220,
                "stock": AVAILABLE,
                "category": "kuliner",
                "village_speciality": False,
                "photo": ("keripik", (190, 90, 40)),
                "alt": "Keripik tempe berbumbu merah dengan irisan daun jeruk",
            },
            {
                "name": "Paket Oleh-oleh 5 Rasa",
                "description": "Lima bungkus keripik aneka rasa dalam kotak, cocok untuk hantaran.",
                "price": 95_000,
                "weight_grams": 1200,
                "stock": PRE_ORDER,
                "category": "kuliner",
                "village_speciality": False,
                "photo": ("kotak", (180, 40, 40)),
                "alt": "Kotak oleh-oleh merah berisi lima bungkus keripik",
            },
        ],
    },
    {
        "owner": "rizky.pratama@contoh.id",
        "fields": {
            "title": "Batok Kreasi Borneo",
            "story": (
                "Peralatan rumah tangga dari batok kelapa: mangkuk, sendok, dan gantungan kunci. "
                "Lapak kami ada di Pasar Klandasan setiap Sabtu dan Minggu."
            ),
            "category": "kerajinan",
            "regency": "Kota Balikpapan",
            "district": "Balikpapan Selatan",
            "village": "Klandasan Ilir",
            "opening_hours": "Sabtu–Minggu 07.00–13.00 di Pasar Klandasan",
            "whatsapp": "+6281254702631",
            "cover_alt": "Mangkuk-mangkuk batok kelapa dipajang di lapak pasar",
            "tokopedia_url": "https://www.tokopedia.com/batokkreasiborneo",
            "shopee_url": "",
            "bukalapak_url": "",
            "other_store_url": "",
            "instagram_url": "",
            "facebook_url": "",
            "tiktok_url": "",
            "blog_url": "",
        },
        "cover": ("batok", (84, 56, 36)),
        "products": [
            {
                "name": "Mangkuk Batok Kelapa",
                "description": "Mangkuk batok dipernis food grade, diameter 12–14 cm.",
                "price": 30_000,
                "weight_grams": 150,
                "stock": AVAILABLE,
                "category": "kerajinan",
                "village_speciality": False,
                "photo": ("batok", (110, 74, 44)),
                "alt": "Dua mangkuk batok kelapa cokelat mengilap",
            },
            {
                "name": "Set Sendok Batok (4 buah)",
                "description": "Empat sendok batok dengan gagang kayu, untuk sayur dan nasi.",
                "price": 45_000,
                "weight_grams": 200,
                "stock": AVAILABLE,
                "category": "kerajinan",
                "village_speciality": False,
                "photo": ("batok", (96, 64, 40)),
                "alt": "Empat sendok batok kelapa bergagang kayu",
            },
            {
                "name": "Lampu Hias Batok",
                "description": "Lampu tidur dari batok berukir, memberi pola cahaya di dinding.",
                "price": 125_000,
                "weight_grams": 500,
                "stock": PRE_ORDER,
                "category": "kerajinan",
                "village_speciality": False,
                "photo": ("batok", (70, 46, 28)),
                "alt": "Lampu batok kelapa berukir menyala di ruangan gelap",
            },
        ],
    },
]


# --- Pictures ---------------------------------------------------------------


def _shade(color, amount):
    return tuple(max(0, min(255, int(channel * amount))) for channel in color)


def picture(kind, color, seed, size=(720, 720)):
    """A simple drawn product photo: a motif for the kind of product."""
    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size, (244, 236, 222))
    draw = ImageDraw.Draw(image)
    # A table edge and a soft shadow, so it reads as a photo of an object.
    draw.rectangle((0, height * 0.72, width, height), fill=(205, 180, 150))
    draw.ellipse((width * 0.15, height * 0.68, width * 0.85, height * 0.8), fill=(180, 155, 125))
    left, top, right, bottom = width * 0.2, height * 0.2, width * 0.8, height * 0.74
    if kind == "kain":
        draw.rectangle((left, top, right, bottom), fill=color)
        step = 36
        for row, y in enumerate(range(int(top), int(bottom), step)):
            for x in range(int(left) + (row % 2) * step // 2, int(right) - step // 2, step):
                draw.polygon(
                    [
                        (x + step / 2, y),
                        (x + step, y + step / 2),
                        (x + step / 2, y + step),
                        (x, y + step / 2),
                    ],
                    fill=_shade(color, 1.6),
                )
        draw.rectangle((left, bottom - 30, right, bottom), fill=_shade(color, 0.6))
    elif kind == "botol":
        draw.rectangle((width * 0.4, top - 40, width * 0.6, top + 20), fill=(60, 60, 60))
        draw.rounded_rectangle((width * 0.3, top + 10, width * 0.7, bottom), 40, fill=color)
        draw.rectangle(
            (width * 0.32, height * 0.42, width * 0.68, height * 0.58), fill=(46, 110, 72)
        )
    elif kind == "anyaman":
        draw.rounded_rectangle((left, top + 60, right, bottom), 30, fill=color)
        for x in range(int(left), int(right), 24):
            draw.line((x, top + 60, x, bottom), fill=_shade(color, 0.7), width=4)
        for y in range(int(top + 60), int(bottom), 24):
            draw.line((left, y, right, y), fill=_shade(color, 1.2), width=4)
    elif kind == "buah":
        for _number in range(9):
            x = rng.uniform(left, right - 120)
            y = rng.uniform(top + 80, bottom - 120)
            draw.ellipse((x, y, x + 120, y + 140), fill=color, outline=_shade(color, 0.6), width=6)
    elif kind == "batok":
        for offset in (-110, 110):
            cx, cy = width / 2 + offset, height * 0.55
            draw.pieslice((cx - 110, cy - 110, cx + 110, cy + 110), 0, 180, fill=color)
            draw.line((cx - 110, cy, cx + 110, cy), fill=_shade(color, 1.5), width=8)
    elif kind in ("keripik", "sabun", "kotak"):
        draw.rounded_rectangle((left, top, right, bottom), 24, fill=color)
        for _number in range(14 if kind == "keripik" else 3):
            x = rng.uniform(left + 20, right - 100)
            y = rng.uniform(top + 20, bottom - 70)
            angle = rng.uniform(0, math.pi)
            w, h = 80 + 20 * math.cos(angle), 50 + 10 * math.sin(angle)
            draw.ellipse((x, y, x + w, y + h), fill=_shade(color, 1.3))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return SimpleUploadedFile(f"{kind}.jpg", buffer.getvalue(), content_type="image/jpeg")


# --- Loading ----------------------------------------------------------------


def load():
    User = get_user_model()
    loaded = []
    for spec in SHOWCASES:
        owner = User.objects.filter(email__iexact=spec["owner"]).first()
        if owner is None:
            continue
        page = ShowcasePage.objects.filter(owner=owner).first()
        fields = spec["fields"]
        changed = page is None or any(
            getattr(page, name) != value for name, value in fields.items()
        )
        if changed or not page.live:
            cover = None
            if page is None or page.cover_id is None:
                kind, color = spec["cover"]
                cover = picture(kind, color, spec["owner"], size=(1200, 630))
            page = actions.save_showcase(owner, page, fields, publish=True, cover=cover)
        if page.featured != spec.get("featured", False):
            page.featured = spec.get("featured", False)
            page.save(update_fields=["featured"])
        for product_spec in spec["products"]:
            load_product(owner, page, product_spec)
        loaded.append(page)
    return loaded


def load_product(owner, page, spec):
    fields = {
        "name": spec["name"],
        "description": spec["description"],
        "price": spec["price"],
        "price_max": spec.get("price_max"),
        "negotiable": spec.get("negotiable", False),
        "weight_grams": spec["weight_grams"],
        "stock": spec["stock"],
        "category": spec["category"],
        "village_speciality": spec["village_speciality"],
        "marketplace_url": spec.get("marketplace_url", ""),
    }
    product = Product.objects.filter(showcase=page, name=spec["name"]).first()
    if product is None or any(getattr(product, name) != value for name, value in fields.items()):
        photos = []
        if product is None or not product.photos.exists():
            kind, color = spec["photo"]
            photos = [(picture(kind, color, spec["name"]), spec["alt"])]
        product = actions.save_product(owner, page, product, fields, photos=photos)
    if product.featured != spec.get("featured", False):
        Product.objects.filter(pk=product.pk).update(featured=spec.get("featured", False))
