"""A damaged or cut-short post to an admin form is refused with a message, not
a 500 (pusat.admin_forms; found by tests/site/test_fuzz_admin_forms.py)."""

import pytest

from courses.models import CoursePage
from forum.models import Category
from pusat.home.models import HomePage, StandardPage
from tests.courses.conftest import make_course
from tests.site.test_fuzz_admin_forms import form_values, stream_data

pytestmark = pytest.mark.django_db

REFUSED = "Isian ini diterima tidak lengkap atau rusak"


@pytest.fixture
def standard(db):
    return HomePage.objects.get().add_child(
        instance=StandardPage(title="Tentang Kami", slug="tentang-kami", intro="Pusat.")
    )


def edit(client, page, **changes):
    url = f"/admin/pages/{page.pk}/edit/"
    data = {**form_values(client, url, "page-edit-form"), **stream_data(page.specific)}
    data.update(changes)
    for name, value in changes.items():
        if value is None:
            del data[name]
    return client.post(url, data)


@pytest.mark.parametrize("count", [None, "", "abc", "²", "1\x00"])
def test_a_stream_field_without_a_readable_count_is_refused(client, editor, standard, count):
    client.force_login(editor)
    revisions = standard.revisions.count()
    response = edit(client, standard, **{"body-count": count, "title": "Diubah"})
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert standard.revisions.count() == revisions
    standard.refresh_from_db()
    assert standard.title == "Tentang Kami"


def test_a_stream_child_with_missing_parts_is_refused(client, editor):
    course = make_course()
    client.force_login(editor)
    response = edit(client, course, **{"pre_test-0-deleted": None})
    assert response.status_code == 200
    assert REFUSED in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value"), [("outcomes", "halo\x00dunia"), ("outcomes", "{"), ("cover", "xxx")]
)
def test_rich_text_that_is_not_json_and_an_image_that_is_no_id_are_refused(
    client, editor, field, value
):
    course = make_course()
    client.force_login(editor)
    revisions = course.revisions.count()
    response = edit(client, course, **{field: value})
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert CoursePage.objects.get(pk=course.pk).revisions.count() == revisions


def test_a_valid_edit_still_saves(client, editor, standard):
    client.force_login(editor)
    revisions = standard.revisions.count()
    response = edit(client, standard, title="Tentang Pusat")
    assert response.status_code == 302
    assert standard.revisions.count() == revisions + 1


@pytest.mark.parametrize("course", ["xxx", "4.5e+198", "²"])
def test_a_forum_category_naming_no_course_page_is_refused(client, administrator, course):
    category = Category.objects.create(name="Umum", slug="umum")
    client.force_login(administrator)
    url = f"/admin/snippets/forum/category/edit/{category.pk}/"
    data = {**form_values(client, url), "course": course, "name": "Diubah"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    category.refresh_from_db()
    assert category.name == "Umum"


@pytest.mark.parametrize("value", [":", "abc", None])
def test_an_inline_panel_row_with_a_damaged_id_is_refused(client, editor, value):
    course = make_course()
    client.force_login(editor)
    revisions = course.revisions.count()
    response = edit(client, course, **{"indicators-1-id": value})
    assert response.status_code == 200
    assert CoursePage.objects.get(pk=course.pk).revisions.count() == revisions


@pytest.mark.parametrize("value", [":", "abc", "²"])
def test_a_community_naming_no_agreement_document_is_refused(
    client, administrator, community, value
):
    client.force_login(administrator)
    url = f"/admin/snippets/community/community/edit/{community.pk}/"
    response = client.post(url, {**form_values(client, url), "agreement_document": value})
    assert response.status_code == 200
    assert REFUSED in response.content.decode()


def test_a_negative_count_of_existing_inline_rows_is_no_crash(client, editor):
    course = make_course()
    client.force_login(editor)
    response = edit(client, course, **{"prerequisites-INITIAL_FORMS": "-1"})
    assert response.status_code < 500
