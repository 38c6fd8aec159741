"""Forum benchmark: seed a large forum in its own SQLite file, then time the
category list, a thread list and a thread page over loopback.

    .venv/bin/python bench/forum.py                 # 100,000 posts, then time
    .venv/bin/python bench/forum.py --posts 2000    # a small forum, to compare

The database lives in bench/data/forum-<posts>.sqlite3 (git-ignored) and is
seeded once; later runs reuse it. The server is `manage.py runserver`
(daphne, ASGI) with DEBUG off, started on a free loopback port and stopped
at the end. Each page is fetched a few times to warm up, then timed; the
report gives the median and the 90th percentile in milliseconds, for a
visitor and for a signed-in member.
"""

import argparse
import os
import random
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

WORDS = [
    "foto",
    "produk",
    "cahaya",
    "jendela",
    "ongkir",
    "kurir",
    "marketplace",
    "tokopedia",
    "shopee",
    "harga",
    "modal",
    "kemasan",
    "pelanggan",
    "whatsapp",
    "katalog",
    "keripik",
    "tenun",
    "endek",
    "anyaman",
    "kopi",
    "salak",
    "promosi",
    "ulasan",
    "diskon",
    "pengiriman",
    "rekening",
    "pembayaran",
    "etalase",
    "kursus",
    "latihan",
    "pemasaran",
]


def database_path(posts):
    return DATA / f"forum-{posts}.sqlite3"


def setup_django(db_path):
    os.environ["DJANGO_ENV"] = "dev"
    os.environ["DEBUG"] = "0"
    os.environ["SQLITE_PATH"] = str(db_path)
    # DEBUG off serves hashed static names, so the bench collects its own copy.
    os.environ["STATIC_ROOT"] = str(DATA / "static")
    os.environ["MEDIA_ROOT"] = str(DATA / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pusat.settings.dev")
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    import django

    django.setup()


def seed(posts, threads_per_category, members):
    """Write the forum with bulk inserts: counters are computed as we go."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from forum import markup
    from forum.models import Category, ForumProfile, Post, Thread
    from pusat.accounts.roles import MEMBER_GROUP

    call_command("migrate", verbosity=0)
    User = get_user_model()
    if Post.objects.exists():
        return  # seeded by an earlier run
    random.seed(5)
    from django.contrib.auth.hashers import make_password

    password = make_password("bench bench bench")
    with transaction.atomic():
        users = User.objects.bulk_create(
            User(
                email=f"anggota{n}@bench.id",
                full_name=f"Anggota Bench {n}",
                first_name="Anggota",
                last_name=f"Bench {n}",
                password=password,
            )
            for n in range(members)
        )
        users = list(User.objects.filter(email__endswith="@bench.id"))
        from django.contrib.auth.models import Group

        group = Group.objects.get(name=MEMBER_GROUP)
        User.groups.through.objects.bulk_create(
            User.groups.through(user_id=user.pk, group_id=group.pk) for user in users
        )
        ForumProfile.objects.bulk_create(
            ForumProfile(user=user, handle=f"anggota-bench-{user.pk}") for user in users
        )
        categories = Category.objects.bulk_create(
            Category(name=f"Kategori {n}", slug=f"kategori-{n}", position=n) for n in range(6)
        )
        thread_count = threads_per_category * len(categories)
        per_thread = max(-(-posts // thread_count), 1)
        now = timezone.now()
        bodies = []
        for _n in range(50):
            text = " ".join(random.choice(WORDS) for _ in range(40)).capitalize() + "."
            bodies.append((text, markup.render(text)))
        made = 0
        for index in range(thread_count):
            category = categories[index % len(categories)]
            author = users[index % len(users)]
            started = now - timezone.timedelta(minutes=thread_count - index)
            thread = Thread(
                category=category,
                author=author,
                title=f"Topik bench {index}: " + " ".join(random.sample(WORDS, 5)),
                kind="tanya" if index % 3 == 0 else "diskusi",
                created_at=started,
                last_post_at=started,
            )
            thread.save()
            batch = []
            for number in range(min(per_thread, posts - made)):
                text, html = bodies[(index + number) % len(bodies)]
                batch.append(
                    Post(
                        thread=thread,
                        author=users[(index + number * 7) % len(users)],
                        body=text,
                        body_html=html,
                        created_at=started + timezone.timedelta(seconds=number),
                    )
                )
            Post.objects.bulk_create(batch)
            made += len(batch)
            last = thread.posts.order_by("-pk").only("pk", "author_id", "created_at").first()
            Thread.objects.filter(pk=thread.pk).update(
                reply_count=len(batch) - 1,
                last_post_pk=last.pk,
                last_post_at=last.created_at,
                last_post_author_id=last.author_id,
            )
            if made >= posts:
                break


def session_cookie():
    """A signed-in member's session, saved in the bench database."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.filter(email__endswith="@bench.id").first())
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        status = response.status
    return (time.perf_counter() - start) * 1000, status


def time_pages(base, pages, cookie, repeat):
    rows = []
    for name, path in pages:
        for _ in range(3):
            fetch(base + path, cookie)
        samples = []
        for _ in range(repeat):
            elapsed, status = fetch(base + path, cookie)
            assert status == 200, (path, status)
            samples.append(elapsed)
        samples.sort()
        p90 = samples[int(len(samples) * 0.9) - 1]
        rows.append((name, statistics.median(samples), p90))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--threads-per-category", type=int, default=800)
    parser.add_argument("--members", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    DATA.mkdir(parents=True, exist_ok=True)
    db_path = database_path(args.posts)
    setup_django(db_path)
    started = time.perf_counter()
    seed(args.posts, args.threads_per_category, args.members)
    seeded = time.perf_counter() - started
    if not (DATA / "static" / "staticfiles.json").exists():
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)

    from django.db.models import Count

    from forum.models import Category, Post, Thread

    category = Category.objects.annotate(n=Count("threads")).order_by("-n").first()
    thread = Thread.objects.order_by("-last_post_at").first()
    pages = [
        ("category list", "/forum/"),
        ("thread list, page 1", category.get_absolute_url()),
        ("thread list, page 20", f"{category.get_absolute_url()}?page=20"),
        (f"thread page ({thread.reply_count + 1} posts)", thread.get_absolute_url()),
    ]
    cookie = session_cookie()
    counts = (Post.objects.count(), Thread.objects.count())

    port = free_port()
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'site'}:{ROOT}"}
    server = subprocess.Popen(
        [PYTHON, str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=(DATA / "server.log").open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        print(f"Forum benchmark: {counts[0]:,} posts in {counts[1]:,} threads ({db_path.name})")
        print(f"(seeding/loading took {seeded:.1f} s; {args.repeat} timed requests per page)")
        for who, who_cookie in (("visitor", None), ("member", cookie)):
            print(f"\n{who}:{'':{24 - len(who)}} median ms   p90 ms")
            for name, median, p90 in time_pages(base, pages, who_cookie, args.repeat):
                print(f"  {name:24} {median:9.1f} {p90:8.1f}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
