"""The benchmark's bulk page insert (bench/seed.py) builds a valid Wagtail
tree whose pages are served like any other."""

from wagtail.models import Page

from bench.seed import PAGE_TREE_FIELDS, bulk_add_pages, clone
from showcase.models import ShowcaseIndexPage, ShowcasePage
from tests.factories import MemberFactory
from tests.showcase.conftest import make_showcase


def test_bulk_added_showcases_form_a_valid_tree_and_are_served(client, member):
    model = make_showcase(owner=member, products=1)
    index = ShowcaseIndexPage.objects.get()
    owners = MemberFactory.create_batch(3)

    made = bulk_add_pages(
        index,
        [
            clone(
                model,
                skip=PAGE_TREE_FIELDS | {"owner_id"},
                owner_id=owner.pk,
                title=f"Usaha Bench {number}",
                slug=f"usaha-bench-{number}",
            )
            for number, owner in enumerate(owners)
        ],
    )

    assert all(not problems for problems in Page.find_problems())
    index.refresh_from_db()
    assert index.numchild == 4
    assert list(index.get_children().values_list("slug", flat=True)) == [
        model.slug,
        "usaha-bench-0",
        "usaha-bench-1",
        "usaha-bench-2",
    ]
    assert [page.owner_id for page in ShowcasePage.objects.filter(pk__in=[p.pk for p in made])] == [
        owner.pk for owner in owners
    ]
    response = client.get("/etalase/usaha-bench-1/")
    assert response.status_code == 200
    assert "Usaha Bench 1" in response.content.decode()
