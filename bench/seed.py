"""Seed the benchmark's databases: small, medium and large.

    .venv/bin/python -m bench.seed --scale large     # (normally run by `python -m bench`)

Every scale starts from the demo site (`load_demo_data`, built once into
bench/data/base.sqlite3 and copied), so each page has the content a real
centre has: small *is* the demo (10 members). Medium and large then top it up
to the sizes in `SCALES` by cloning demo rows: members, courses and lessons,
showcases with products, forum threads and posts, events and elections.

Everything is written in one transaction with `bulk_create`; Wagtail pages
are inserted in bulk too, with their tree paths computed here (treebeard's
materialised path: parent path + a 4-character step per level), which is
what makes 1,000 showcases and 440 course pages take seconds, not minutes.

A stamp file (bench/data/<scale>.json) records the seed version and counts;
a rerun with the same version reuses the database (migrations are applied).
Bump SEED_VERSION when the seeded content must change.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
import uuid

from bench.common import DATA, PYTHON, ROOT, database_path, django_env, media_path

SEED_VERSION = 1
SCALES = {
    # targets, counting the demo's own rows; small is the demo as it is
    "small": None,
    "medium": {
        "members": 1_000,
        "courses": 12,
        "lessons": 120,
        "showcases": 100,
        "products": 20,
        "posts": 10_000,
        "events": 40,
        "elections": 5,
    },
    "large": {
        "members": 10_000,
        "courses": 40,
        "lessons": 400,
        "showcases": 1_000,
        "products": 20,
        "posts": 100_000,
        "events": 200,
        "elections": 20,
    },
}
BENCH_PASSWORD = "bench bench bench"
POSTS_PER_THREAD = 20
BIG_THREAD_POSTS = 400  # the "thread page (last page)" thread
BASE = DATA / "base.sqlite3"
BASE_MEDIA = DATA / "base-media"


def stamp_path(scale):
    return DATA / f"{scale}.json"


def is_seeded(scale):
    try:
        stamp = json.loads(stamp_path(scale).read_text())
    except (OSError, ValueError):
        return False
    return stamp.get("version") == SEED_VERSION and database_path(scale).exists()


def ensure(scale, log=print):
    """Seed `scale` unless a stamp of this version exists; return the stamp."""
    DATA.mkdir(parents=True, exist_ok=True)
    if is_seeded(scale):
        # New migrations since the seed: apply them (cheap), keep the data.
        run_child(["manage.py", "migrate", "--noinput", "-v", "0"], scale)
        return json.loads(stamp_path(scale).read_text())
    started = time.perf_counter()
    if not (BASE.exists() and (DATA / "base.json").exists()):
        log(f"  building the demo site once ({BASE})…")
        for path in (BASE, BASE_MEDIA):
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
        run_child(["manage.py", "migrate", "--noinput", "-v", "0"], "base")
        run_child(["manage.py", "load_demo_data"], "base")
        (DATA / "base.json").write_text(json.dumps({"version": SEED_VERSION}))
    for suffix in ("", "-wal", "-shm"):
        target = database_path(scale).with_name(database_path(scale).name + suffix)
        if target.exists():
            target.unlink()
    shutil.copyfile(BASE, database_path(scale))
    if media_path(scale).exists():
        shutil.rmtree(media_path(scale))
    if BASE_MEDIA.exists():
        shutil.copytree(BASE_MEDIA, media_path(scale))
    else:
        media_path(scale).mkdir(parents=True)
    log(f"  seeding {scale}…")
    run_child(["-m", "bench.seed", "--scale", scale, "--in-child"], scale)
    stamp = json.loads(stamp_path(scale).read_text())
    stamp["seconds_total"] = round(time.perf_counter() - started, 1)
    stamp_path(scale).write_text(json.dumps(stamp, indent=1))
    return stamp


def run_child(args, scale):
    env = django_env(scale)
    if scale == "base":
        env["SQLITE_PATH"] = str(BASE)
        env["MEDIA_ROOT"] = str(BASE_MEDIA)
    quiet = subprocess.DEVNULL if "load_demo_data" in args else None
    subprocess.run([PYTHON, *args], cwd=ROOT, env=env, check=True, stdout=quiet)


# --- In the child process: the ORM work -----------------------------------


def clone(obj, skip=(), **overrides):
    """A new unsaved instance with `obj`'s concrete field values."""
    model = type(obj)
    values = {
        field.attname: getattr(obj, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key
        and field.attname not in skip
        and not (field.one_to_one and field.remote_field.parent_link)
    }
    values.update(overrides)
    return model(**values)


PAGE_TREE_FIELDS = {
    "path",
    "depth",
    "numchild",
    "url_path",
    "translation_key",
    "latest_revision_id",
    "live_revision_id",
    "locked",
    "locked_at",
    "locked_by_id",
    "draft_title",
    "has_unpublished_changes",
    "content_type_id",
}


def bulk_add_pages(parent, pages, batch=250):
    """Insert specific pages under `parent` in bulk (treebeard paths by hand)."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Page

    if not pages:
        return []
    parent = Page.objects.get(pk=parent.pk)
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    depth = parent.depth + 1
    now = timezone.now()
    rows = []
    for step, page in enumerate(pages, parent.numchild + 1):
        page.depth = depth
        page.path = Page._get_path(parent.path, depth, step)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type_id = content_type.pk
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.latest_revision_id = page.live_revision_id = None
        page.first_published_at = page.last_published_at = now
        rows.append(
            Page(
                **{
                    field.attname: getattr(page, field.attname)
                    for field in Page._meta.concrete_fields
                    if not field.primary_key
                }
            )
        )
    Page.objects.bulk_create(rows, batch_size=batch)
    for page, row in zip(pages, rows, strict=True):
        page.pk = page.page_ptr_id = row.pk
        page._state.adding = False
    fields = list(model._meta.local_concrete_fields)
    for start in range(0, len(pages), batch):
        model._base_manager._insert(pages[start : start + batch], fields=fields, using="default")
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return pages


def top_up(targets, log):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from community.models import Community, Election, Event, Membership
    from courses.models import CompetencyIndicator, CourseIndexPage, CoursePage, LessonPage
    from forum import markup
    from forum.models import Category, ForumProfile, Post, Thread
    from pusat.accounts.roles import MEMBER_GROUP
    from showcase.models import Product, ProductPhoto, ShowcaseIndexPage, ShowcasePage

    random.seed(8)
    User = get_user_model()
    now = timezone.now()

    started = [time.perf_counter()]

    def step(name):
        log(f"    {name}: {time.perf_counter() - started[0]:.1f} s")
        started[0] = time.perf_counter()

    # Members, spread over the communities, all active, each with a forum handle.
    missing = targets["members"] - Membership.objects.active().count()
    password = make_password(BENCH_PASSWORD)
    communities = list(Community.objects.order_by("pk"))
    users = User.objects.bulk_create(
        (
            User(
                email=f"anggota{n}@bench.id",
                full_name=f"Anggota Bench {n}",
                password=password,
                regency=communities[n % len(communities)].regency,
                date_joined=now,
            )
            for n in range(missing)
        ),
        batch_size=1000,
    )
    group = Group.objects.get(name=MEMBER_GROUP)
    User.groups.through.objects.bulk_create(
        (User.groups.through(user_id=user.pk, group_id=group.pk) for user in users),
        batch_size=1000,
    )
    Membership.objects.bulk_create(
        (
            Membership(
                user_id=user.pk,
                community=communities[n % len(communities)],
                status=Membership.Status.ACTIVE,
                requested_at=now,
                decided_at=now,
            )
            for n, user in enumerate(users)
        ),
        batch_size=1000,
    )
    ForumProfile.objects.bulk_create(
        (
            ForumProfile(user_id=user.pk, handle=f"anggota-bench-{n}")
            for n, user in enumerate(users)
        ),
        batch_size=1000,
    )
    step(f"{len(users)} members")

    # Courses and lessons, cloned from the demo's.
    course_index = CourseIndexPage.objects.get()
    demo_courses = list(CoursePage.objects.order_by("path"))
    demo_lessons = list(LessonPage.objects.order_by("path"))
    new_courses = targets["courses"] - len(demo_courses)
    courses = bulk_add_pages(
        course_index,
        [
            clone(
                demo_courses[n % len(demo_courses)],
                skip=PAGE_TREE_FIELDS,
                title=f"Kursus Bench {n + 1}",
                slug=f"kursus-bench-{n + 1}",
            )
            for n in range(new_courses)
        ],
    )
    indicators = list(CompetencyIndicator.objects.filter(course=demo_courses[0]))
    CompetencyIndicator.objects.bulk_create(
        clone(indicator, course_id=course.pk) for course in courses for indicator in indicators
    )
    lessons_left = targets["lessons"] - len(demo_lessons)
    made = 0
    for n, course in enumerate(courses):
        count = lessons_left // len(courses) + (1 if n < lessons_left % len(courses) else 0)
        sources = [demo_lessons[(made + m) % len(demo_lessons)] for m in range(count)]
        bulk_add_pages(
            course,
            [
                clone(
                    source,
                    skip=PAGE_TREE_FIELDS,
                    title=f"Pelajaran {m + 1}: {source.title}",
                    slug=f"pelajaran-{m + 1}",
                )
                for m, source in enumerate(sources)
            ],
        )
        made += count
    step(f"{len(courses)} courses, {made} lessons")

    # Showcases, one per new member, each with `products` products and a photo.
    showcase_index = ShowcaseIndexPage.objects.get()
    demo_showcases = list(ShowcasePage.objects.order_by("path"))
    demo_products = list(Product.objects.order_by("pk"))
    demo_photo = ProductPhoto.objects.order_by("pk").first()
    new_showcases = min(targets["showcases"] - len(demo_showcases), len(users))
    showcases = bulk_add_pages(
        showcase_index,
        [
            clone(
                demo_showcases[n % len(demo_showcases)],
                skip=PAGE_TREE_FIELDS | {"owner_id", "featured"},
                owner_id=users[n].pk,
                title=f"Usaha Bench {n + 1}",
                slug=f"usaha-bench-{n + 1}",
                featured=False,
            )
            for n in range(new_showcases)
        ],
    )
    products = Product.objects.bulk_create(
        (
            clone(
                demo_products[(n + m) % len(demo_products)],
                skip={"featured"},
                showcase_id=showcase.pk,
                name=f"Produk {m + 1} Usaha Bench {n + 1}",
                slug=f"produk-{m + 1}",
                sort_order=m,
                featured=False,
            )
            for n, showcase in enumerate(showcases)
            for m in range(targets["products"])
        ),
        batch_size=1000,
    )
    if demo_photo is not None:
        ProductPhoto.objects.bulk_create(
            (clone(demo_photo, product_id=product.pk, alt=product.name) for product in products),
            batch_size=1000,
        )
    step(f"{len(showcases)} showcases, {len(products)} products")

    # Forum: new threads of POSTS_PER_THREAD posts in the public categories,
    # and one long thread (BIG_THREAD_POSTS) for the "last page" measure.
    categories = list(Category.objects.filter(community__isnull=True).order_by("pk"))
    missing_posts = targets["posts"] - Post.objects.count()
    texts = [
        " ".join(random.choice(WORDS) for _ in range(40)).capitalize() + "." for _ in range(50)
    ]
    bodies = [(text, markup.render(text)) for text in texts]
    sizes = [BIG_THREAD_POSTS]
    left = missing_posts - BIG_THREAD_POSTS
    while left > 0:
        sizes.append(min(POSTS_PER_THREAD, left))
        left -= sizes[-1]
    authors = users or list(User.objects.all())
    threads = []
    for index in range(len(sizes)):
        started_at = now - timezone.timedelta(minutes=2 * len(sizes) - 2 * index)
        threads.append(
            Thread(
                category=categories[index % len(categories)],
                author_id=authors[index % len(authors)].pk,
                title=f"Topik bench {index + 1}: " + " ".join(random.sample(WORDS, 5)),
                kind="tanya" if index % 3 == 0 else "diskusi",
                created_at=started_at,
                last_post_at=started_at,
            )
        )
    Thread.objects.bulk_create(threads, batch_size=1000)
    posts = []
    for index, (thread, size) in enumerate(zip(threads, sizes, strict=True)):
        for number in range(size):
            text, html = bodies[(index + number) % len(bodies)]
            posts.append(
                Post(
                    thread_id=thread.pk,
                    author_id=authors[(index + number * 7) % len(authors)].pk,
                    body=text,
                    body_html=html,
                    created_at=thread.created_at + timezone.timedelta(seconds=number),
                )
            )
    Post.objects.bulk_create(posts, batch_size=2000)
    last_of = {}
    for post in posts:
        last_of[post.thread_id] = post
    for thread, size in zip(threads, sizes, strict=True):
        last = last_of[thread.pk]
        thread.reply_count = size - 1
        thread.last_post_pk = last.pk
        thread.last_post_at = last.created_at
        thread.last_post_author_id = last.author_id
    Thread.objects.bulk_update(
        threads,
        ["reply_count", "last_post_pk", "last_post_at", "last_post_author_id"],
        batch_size=500,
    )
    step(f"{len(threads)} threads, {len(posts)} posts")

    # Events and elections, cloned from the demo's (dates shifted into the past
    # so the demo's upcoming ones stay on top of the agenda).
    demo_events = list(Event.objects.exclude(published_at=None).order_by("pk"))
    missing = targets["events"] - Event.objects.count()
    week = timezone.timedelta(days=7)
    Event.objects.bulk_create(
        clone(
            demo_events[n % len(demo_events)],
            title=f"Pertemuan bench {n + 1}",
            starts_at=demo_events[n % len(demo_events)].starts_at - week * (n + 1),
            ends_at=demo_events[n % len(demo_events)].ends_at - week * (n + 1),
        )
        for n in range(missing)
    )
    demo_elections = list(Election.objects.exclude(closed_at=None).order_by("pk")) or list(
        Election.objects.order_by("pk")
    )
    missing = targets["elections"] - Election.objects.count()
    Election.objects.bulk_create(
        clone(
            demo_elections[n % len(demo_elections)],
            title=f"Pemilihan bench {n + 1}",
            **{
                name: getattr(demo_elections[n % len(demo_elections)], name)
                - timezone.timedelta(days=400 * (n + 1))
                for name in (
                    "nomination_opens_at",
                    "nomination_closes_at",
                    "voting_opens_at",
                    "voting_closes_at",
                    "created_at",
                )
            },
        )
        for n in range(missing)
    )
    step("events and elections")


def counts():
    from django.contrib.auth import get_user_model

    from community.models import Election, Event, Membership
    from courses.models import CoursePage, LessonPage
    from forum.models import Post, Thread
    from showcase.models import Product, ShowcasePage

    return {
        "accounts": get_user_model().objects.count(),
        "members": Membership.objects.active().count(),
        "courses": CoursePage.objects.count(),
        "lessons": LessonPage.objects.count(),
        "showcases": ShowcasePage.objects.count(),
        "products": Product.objects.count(),
        "threads": Thread.objects.count(),
        "posts": Post.objects.count(),
        "events": Event.objects.count(),
        "elections": Election.objects.count(),
    }


def seed_in_child(scale):
    from bench.common import setup_django

    setup_django()
    from django.core.management import call_command
    from django.db import transaction

    started = time.perf_counter()
    call_command("migrate", "--noinput", verbosity=0)
    targets = SCALES[scale]
    if targets:
        with transaction.atomic():
            top_up(targets, log=lambda line: print(line, flush=True))
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    stamp = {
        "version": SEED_VERSION,
        "scale": scale,
        "seconds": round(time.perf_counter() - started, 1),
        "counts": counts(),
    }
    stamp_path(scale).write_text(json.dumps(stamp, indent=1))
    print(f"  {scale}: {stamp['counts']} in {stamp['seconds']} s", flush=True)


WORDS = [
    "foto",
    "produk",
    "cahaya",
    "jendela",
    "ongkir",
    "kurir",
    "marketplace",
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=list(SCALES), required=True)
    parser.add_argument("--in-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--force", action="store_true", help="reseed even if stamped")
    args = parser.parse_args()
    if args.in_child:
        seed_in_child(args.scale)
        return
    if args.force and stamp_path(args.scale).exists():
        stamp_path(args.scale).unlink()
    print(json.dumps(ensure(args.scale), indent=1))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
