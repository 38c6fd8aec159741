"""Put the course index at /kursus/ under the home page, so the navigation
works on a fresh database before any course is written."""

from django.db import migrations


def create_course_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("home.HomePage")
    CourseIndexPage = apps.get_model("courses.CourseIndexPage")
    home = HomePage.objects.order_by("path").first()
    if home is None or CourseIndexPage.objects.exists():
        return
    content_type, _created = ContentType.objects.get_or_create(
        model="courseindexpage", app_label="courses"
    )
    # Treebeard's API is not available on historical models: place the child
    # by hand after the home page's existing children.
    Page = apps.get_model("wagtailcore.Page")
    last = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
    step = int(last.path[-4:], 36) + 1 if last else 1
    suffix = ""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for _position in range(4):
        step, remainder = divmod(step, 36)
        suffix = alphabet[remainder] + suffix
    CourseIndexPage.objects.create(
        title="Kursus",
        draft_title="Kursus",
        slug="kursus",
        content_type=content_type,
        path=home.path + suffix,
        depth=home.depth + 1,
        numchild=0,
        url_path=home.url_path + "kursus/",
        locale_id=home.locale_id,
        live=True,
        intro=(
            "Kursus mandiri untuk UMKM yang ingin berjualan online. Belajar dari ponsel, "
            "kapan saja, sesuai kecepatan Anda."
        ),
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("home", "0002_create_homepage"),
    ]

    operations = [migrations.RunPython(create_course_index, migrations.RunPython.noop)]
