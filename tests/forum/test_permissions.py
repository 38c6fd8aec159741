"""Every forum view for every role, on a thread in a community-only category.

Roles: visitor, member without a community, member of another community,
member of the category's community (the post's author), an officer of that
community, and an editor. 302 for a visitor is the sign-in redirect.
"""

import pytest
from django.urls import reverse

from forum import actions
from forum.models import ModerationLog

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "member", "other_member", "community_member", "community_officer", "editor"]

# view name -> (method, expected status per role in ROLES order)
MATRIX = {
    "thread": ("get", [404, 404, 404, 200, 200, 200]),
    "new_thread": ("get", [302, 403, 403, 200, 200, 200]),
    "reply": ("post", [302, 404, 404, 302, 302, 302]),
    "edit_post": ("get", [302, 404, 404, 200, 302, 302]),
    "report": ("get", [302, 404, 404, 200, 200, 200]),
    "reports": ("get", [302, 403, 403, 403, 200, 200]),
    "moderate_thread": ("post", [302, 404, 404, 403, 302, 302]),
    "moderate_post": ("post", [302, 403, 403, 403, 302, 302]),
    "suspend": ("get", [302, 403, 403, 403, 200, 200]),
    "preferences": ("get", [302, 200, 200, 200, 200, 200]),
    "search": ("get", [200, 200, 200, 200, 200, 200]),
    "first_unread": ("get", [302, 404, 404, 302, 302, 302]),
}


@pytest.fixture
def thread_setup(restricted_category, community_member):
    thread = actions.create_thread(
        community_member, restricted_category, "Arisan online bulan ini", "Siapa yang ikut?"
    )
    return thread, thread.posts.first()


def _url(name, thread, post, author):
    args = {
        "thread": [thread.pk],
        "new_thread": [thread.category.slug],
        "reply": [thread.pk],
        "edit_post": [post.pk],
        "report": [post.pk],
        "reports": [],
        "moderate_thread": [thread.pk],
        "moderate_post": [post.pk],
        "suspend": [author.pk],
        "preferences": [],
        "search": [],
        "first_unread": [thread.pk],
    }[name]
    return reverse(f"forum:{name}", args=args)


DATA = {
    "reply": {"body": "Saya ikut."},
    "moderate_thread": {"tindakan": "kunci"},
    "moderate_post": {"tindakan": "sembunyikan", "reason": "Uji"},
}


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
def test_every_view_for_every_role(
    client, request, thread_setup, community_member, name, role_index, role
):
    thread, post = thread_setup
    method, statuses = MATRIX[name]
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    url = _url(name, thread, post, community_member)
    response = getattr(client, method)(url, DATA.get(name, {}))
    assert response.status_code == statuses[role_index], (name, role, response.status_code)
    if role == "visitor" and statuses[role_index] == 302:
        assert response["Location"].startswith(reverse("accounts:login"))
    if name.startswith("moderate") and statuses[role_index] != 302:
        assert not ModerationLog.objects.exists()
