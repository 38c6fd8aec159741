"""Who may enter which room: one rule (`ChatRoom.objects.visible_to`), checked
for every room kind and every role, through `chat.can_access`, the room
page, and who may moderate."""

import pytest
from django.contrib.auth.models import AnonymousUser

from community import chat
from community.models import ChatRoom
from courses.models import Enrollment
from tests.courses.conftest import make_course
from tests.factories import MembershipFactory

ROLES = ["visitor", "member", "outsider", "officer", "other_officer", "editor", "enrolled"]

# role -> may enter (members, officers, course, programme, direct) room
EXPECTED = {
    "visitor": (False, False, False, False, False),
    "member": (True, False, False, True, True),
    "outsider": (False, False, False, True, False),
    "officer": (True, True, False, True, False),
    "other_officer": (False, False, False, True, False),
    "editor": (True, False, True, True, False),
    "enrolled": (False, False, True, True, False),
}
# role -> may moderate (members, officers, course, programme, direct) room
MODERATES = {
    "visitor": (False, False, False, False, False),
    "member": (False, False, False, False, False),
    "outsider": (False, False, False, False, False),
    "officer": (True, True, False, False, False),
    "other_officer": (False, False, False, False, False),
    "editor": (True, False, True, True, False),
    "enrolled": (False, False, False, False, False),
}


@pytest.fixture
def rooms(people):
    course = make_course(title="Fotografi Produk", lessons=1)
    people.enrolled = MembershipFactory(
        community=people.other_community, user__full_name="Putu Belajar"
    ).user
    Enrollment.objects.create(user=people.enrolled, course=course)
    programme = ChatRoom.objects.create(
        kind="programme", name="Program Pameran Desember", slug="pameran-desember"
    )
    direct = chat.direct_room(people.member, people.second_member)
    return [
        people.members_room,
        people.officers_room,
        ChatRoom.objects.get(course=course),
        programme,
        direct,
    ]


def person(people, role):
    return AnonymousUser() if role == "visitor" else getattr(people, role)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_enter_each_kind_of_room(people, rooms, role):
    user = person(people, role)
    assert tuple(chat.can_access(user, room) for room in rooms) == EXPECTED[role]
    visible = set(ChatRoom.objects.visible_to(user))
    assert tuple(room in visible for room in rooms) == EXPECTED[role]


@pytest.mark.parametrize("role", ROLES)
def test_who_may_moderate_each_kind_of_room(people, rooms, role):
    user = person(people, role)
    assert tuple(chat.can_moderate(user, room) for room in rooms) == MODERATES[role]


@pytest.mark.parametrize("role", ROLES[1:])
def test_the_room_page_follows_the_rule(client, people, rooms, role):
    client.force_login(person(people, role))
    for room, allowed in zip(rooms, EXPECTED[role], strict=True):
        response = client.get(room.get_absolute_url())
        assert response.status_code == (200 if allowed else 403), room.kind


def test_a_visitor_is_sent_to_sign_in(client, people):
    response = client.get(people.members_room.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/")


def test_a_former_officer_loses_the_officers_room(people):
    from django.utils import timezone

    term = people.officer.officer_terms.get()
    term.ends_on = timezone.localdate() - timezone.timedelta(days=1)
    term.save()
    assert not chat.can_access(people.officer, people.officers_room)
    assert chat.can_access(people.officer, people.members_room)  # still a member


def test_a_pending_member_has_no_room(people):
    pending = MembershipFactory(community=people.community, status="pending").user
    assert not chat.can_access(pending, people.members_room)


def test_every_community_and_course_gets_its_rooms(people):
    kinds = set(ChatRoom.objects.filter(community=people.community).values_list("kind", flat=True))
    assert kinds == {"members", "officers"}
    course = make_course(title="Toko Online", lessons=1)
    assert ChatRoom.objects.filter(course=course, kind="course").count() == 1
