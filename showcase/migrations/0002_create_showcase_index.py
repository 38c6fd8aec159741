"""Put the showcase directory at /etalase/ under the home page, so the
navigation works on a fresh database before any member opens a showcase."""

from django.db import migrations


def create_showcase_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("home.HomePage")
    ShowcaseIndexPage = apps.get_model("showcase.ShowcaseIndexPage")
    home = HomePage.objects.order_by("path").first()
    if home is None or ShowcaseIndexPage.objects.exists():
        return
    content_type, _created = ContentType.objects.get_or_create(
        model="showcaseindexpage", app_label="showcase"
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
    ShowcaseIndexPage.objects.create(
        title="Etalase",
        draft_title="Etalase",
        slug="etalase",
        content_type=content_type,
        path=home.path + suffix,
        depth=home.depth + 1,
        numchild=0,
        url_path=home.url_path + "etalase/",
        locale_id=home.locale_id,
        live=True,
        intro=(
            "Produk para anggota, dari kain tenun sampai produk unggulan desa. "
            "Pesan langsung ke penjualnya lewat WhatsApp atau lapak online mereka."
        ),
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("showcase", "0001_initial"),
        ("home", "0002_create_homepage"),
    ]

    operations = [migrations.RunPython(create_showcase_index, migrations.RunPython.noop)]
