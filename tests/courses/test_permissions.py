"""Every course view for every role: who gets in, who is sent to sign in,
and who is refused."""

import pytest

from courses import actions
from tests.courses.conftest import make_course, png_upload
from tests.factories import (
    AdministratorFactory,
    CommunityFactory,
    EditorFactory,
    MemberFactory,
    MembershipFactory,
    OfficerTermFactory,
)

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor",
    "member",
    "owner",
    "other_member",
    "officer",
    "other_officer",
    "editor",
    "administrator",
]


@pytest.fixture
def world():
    course = make_course()
    community = CommunityFactory()
    owner = MembershipFactory(community=community).user
    people = {
        "visitor": None,
        "member": MembershipFactory(community=community).user,
        "owner": owner,
        "other_member": MembershipFactory().user,
        "officer": OfficerTermFactory(community=community).user,
        "other_officer": OfficerTermFactory().user,
        "editor": EditorFactory(),
        "administrator": AdministratorFactory(),
    }
    evidence = actions.submit_evidence(
        owner, course.indicators.get(code="lampiran"), image=png_upload()
    )
    return course, people, evidence


def status_for(client, person, url, method="get"):
    client.logout()
    if person is not None:
        client.force_login(person)
    response = getattr(client, method)(url)
    if response.status_code == 302 and response["Location"].startswith("/akun/masuk/"):
        return "login"
    return response.status_code


# Expected outcome per role, in the order of ROLES.
MATRIX = {
    ("get", "/kursus/"): [200] * 8,
    ("get", "{course}"): [200] * 8,
    ("get", "{lesson}"): [200] * 8,
    ("get", "{course}pre-test/"): ["login"] + [200] * 7,
    ("get", "{course}bukti/"): ["login"] + [200] * 7,
    ("get", "/kursus/saya/"): ["login"] + [200] * 7,
    ("get", "/kursus/tinjauan/"): ["login", 403, 403, 403, 200, 200, 200, 200],
    ("get", "{evidence_file}"): ["login", 404, 200, 404, 200, 404, 200, 200],
    ("get", "/kursus/sertifikat/PKK-TIDAKADA/"): [404] * 8,
    ("get", "/admin/"): ["admin-login"] * 4 + ["admin-login"] * 2 + [200, 200],
}


@pytest.mark.parametrize(("method", "pattern"), list(MATRIX))
def test_course_views_for_every_role(client, world, method, pattern):
    course, people, evidence = world
    url = pattern.format(
        course=course.url,
        lesson=course.lessons().first().url,
        evidence_file=f"/kursus/bukti/{evidence.pk}/berkas/",
    )
    outcomes = []
    for role in ROLES:
        outcome = status_for(client, people[role], url, method)
        if outcome == 302 and url == "/admin/":
            outcome = "admin-login"
        outcomes.append(outcome)
    assert dict(zip(ROLES, outcomes, strict=True)) == dict(
        zip(ROLES, MATRIX[(method, pattern)], strict=True)
    )


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("member", False),
        ("owner", False),
        ("other_member", False),
        ("officer", True),
        ("other_officer", False),
        ("editor", True),
        ("administrator", True),
    ],
)
def test_who_may_review_the_owners_evidence(client, world, role, allowed):
    _course, people, evidence = world
    client.force_login(people[role])
    response = client.post(f"/kursus/tinjauan/{evidence.pk}/", {"decision": "approve"})
    evidence.refresh_from_db()
    assert (evidence.status == "approved") is allowed
    assert response.status_code == (302 if allowed else 403)


def test_visitor_cannot_review(client, world):
    _course, _people, evidence = world
    response = client.post(f"/kursus/tinjauan/{evidence.pk}/", {"decision": "approve"})
    assert response.status_code == 302 and response["Location"].startswith("/akun/masuk/")
    evidence.refresh_from_db()
    assert evidence.status == "submitted"


def test_a_member_sees_only_their_own_test_results(client, world):
    course, people, _evidence = world
    client.force_login(people["owner"])
    answers = {"q-pre1": "0", "q-pre2": "true", "submission_key": "k"}
    result_url = client.post(course.url + "pre-test/", answers)["Location"]
    assert client.get(result_url).status_code == 200
    client.force_login(people["member"])
    assert client.get(result_url).status_code == 404
    client.force_login(people["editor"])
    assert client.get(result_url).status_code == 404


def test_unknown_members_certificate_page_is_404(client, world):
    course, people, _evidence = world
    client.force_login(people["member"])
    assert client.get(course.url + "sertifikat/").status_code == 404


def test_member_without_editor_role_cannot_open_another_course_draft(client, world):
    draft = make_course("Kursus Rahasia", lessons=1, publish=False)
    draft.unpublish() if draft.live else None
    client.force_login(MemberFactory())
    assert client.get("/kursus/kursus-rahasia/").status_code == 404
