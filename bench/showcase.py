"""Showcase benchmark: seed 1,000 showcases with 20 products each in their own
SQLite file, then time the directory and a showcase page over loopback.

    .venv/bin/python bench/showcase.py                  # 1,000 × 20, then time
    .venv/bin/python bench/showcase.py --showcases 50   # a small directory, to compare

The database lives in bench/data/showcase-<n>.sqlite3 (git-ignored) and is
seeded once; later runs reuse it. The server is `manage.py runserver` with
DEBUG off on a free loopback port, stopped at the end. Each page is fetched
a few times to warm up (renditions are made on the first request), then
timed; the report gives the median and 90th percentile in milliseconds.
"""

import argparse
import io
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
PYTHON = sys.executable
REGIONS = [
    ("Karangasem", "Sidemen"),
    ("Karangasem", "Abang"),
    ("Karangasem", "Manggis"),
    ("Kota Bekasi", "Bekasi Timur"),
    ("Kota Balikpapan", "Balikpapan Selatan"),
]
CATEGORIES = ["fesyen", "kuliner", "kerajinan", "pertanian"]


def setup_django(db_path):
    os.environ["DJANGO_ENV"] = "dev"
    os.environ["DEBUG"] = "0"
    os.environ["SQLITE_PATH"] = str(db_path)
    os.environ["STATIC_ROOT"] = str(DATA / "static")
    os.environ["MEDIA_ROOT"] = str(DATA / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pusat.settings.dev")
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    import django

    django.setup()


def seed(showcases, products):
    """Pages one by one (the page tree needs it), products in bulk."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import transaction
    from PIL import Image
    from wagtail.images import get_image_model

    from pusat.accounts.roles import MEMBER_GROUP
    from showcase.models import Product, ProductPhoto, ShowcaseIndexPage, ShowcasePage

    call_command("migrate", verbosity=0)
    if ShowcasePage.objects.exists():
        return
    User = get_user_model()
    password = make_password("bench bench bench")
    buffer = io.BytesIO()
    Image.new("RGB", (900, 900), (158, 29, 45)).save(buffer, format="JPEG")
    image = get_image_model()(
        title="Foto bench", file=SimpleUploadedFile("bench.jpg", buffer.getvalue())
    )
    image.save()
    index = ShowcaseIndexPage.objects.get()
    with transaction.atomic():
        User.objects.bulk_create(
            User(email=f"penjual{n}@bench.id", full_name=f"Penjual {n}", password=password)
            for n in range(showcases)
        )
        users = list(User.objects.filter(email__endswith="@bench.id").order_by("pk"))
        group = Group.objects.get(name=MEMBER_GROUP)
        User.groups.through.objects.bulk_create(
            User.groups.through(user_id=user.pk, group_id=group.pk) for user in users
        )
        for n, user in enumerate(users):
            regency, district = REGIONS[n % len(REGIONS)]
            page = ShowcasePage(
                title=f"Usaha Bench {n}",
                slug=f"usaha-bench-{n}",
                owner=user,
                story="Usaha keluarga yang menjual produk unggulan desa.",
                category=CATEGORIES[n % len(CATEGORIES)],
                regency=regency,
                district=district,
                whatsapp="+6281238475521",
                cover=image,
                cover_alt="Sampul",
                featured=n < 6,
            )
            index.add_child(instance=page)
            made = Product.objects.bulk_create(
                Product(
                    showcase=page,
                    name=f"Produk {m} dari Usaha {n}",
                    slug=f"produk-{m}",
                    price=10_000 + 500 * m,
                    category=page.category,
                    village_speciality=m == 0,
                    featured=n < 6 and m == 0,
                    sort_order=m,
                )
                for m in range(products)
            )
            ProductPhoto.objects.bulk_create(
                ProductPhoto(product=product, image=image, alt=product.name) for product in made
            )
            if n % 100 == 99:
                print(f"  seeded {n + 1} showcases", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
        status = response.status
    return (time.perf_counter() - start) * 1000, status


def time_pages(base, pages, repeat):
    rows = []
    for name, path in pages:
        for _ in range(3):
            fetch(base + path)
        samples = []
        for _ in range(repeat):
            elapsed, status = fetch(base + path)
            assert status == 200, (path, status)
            samples.append(elapsed)
        samples.sort()
        rows.append((name, statistics.median(samples), samples[int(len(samples) * 0.9) - 1]))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--showcases", type=int, default=1_000)
    parser.add_argument("--products", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    DATA.mkdir(parents=True, exist_ok=True)
    db_path = DATA / f"showcase-{args.showcases}x{args.products}.sqlite3"
    setup_django(db_path)
    started = time.perf_counter()
    seed(args.showcases, args.products)
    seeded = time.perf_counter() - started
    if not (DATA / "static" / "staticfiles.json").exists():
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)

    from showcase.models import Product, ShowcasePage

    middle = ShowcasePage.objects.order_by("pk")[args.showcases // 2]
    pages = [
        ("directory      /etalase/", "/etalase/"),
        ("directory p.40", "/etalase/?halaman=40"),
        ("filtered", "/etalase/?kabupaten=Karangasem&unggulan=1&q=bench"),
        (f"showcase       {middle.url}", middle.url),
        ("product page", f"{middle.url}produk/produk-{min(7, args.products - 1)}/"),
    ]
    counts = (ShowcasePage.objects.count(), Product.objects.count())
    port = free_port()
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'site'}:{ROOT}"}
    server = subprocess.Popen(
        [PYTHON, str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=(DATA / "showcase-server.log").open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # a busy machine can take a while to start the server
            try:
                fetch(base + "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        else:
            sys.exit("The server did not start; see bench/data/showcase-server.log")
        print(f"Showcase benchmark: {counts[0]:,} showcases, {counts[1]:,} products")
        print(f"(seeding/loading took {seeded:.1f} s; {args.repeat} timed requests per page)")
        print(f"\n  page{'':28} median ms   p90 ms")
        for name, median, p90 in time_pages(base, pages, args.repeat):
            print(f"  {name:32} {median:9.1f} {p90:8.1f}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
