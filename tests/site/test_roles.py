"""Roles come from migrations and officer terms, never from hand edits."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from community.roles import is_officer
from pusat.accounts import roles
from tests.factories import (
    AdministratorFactory,
    CommunityFactory,
    EditorFactory,
    MemberFactory,
    OfficerTermFactory,
)

pytestmark = pytest.mark.django_db


def permission_names(group):
    return {
        f"{app}.{code}"
        for app, code in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_migrate_creates_exactly_the_role_groups():
    names = set(Group.objects.values_list("name", flat=True))
    assert names == {"Anggota", "Editor", "Administrator"}


def test_members_get_no_admin_permissions():
    assert Group.objects.get(name="Anggota").permissions.count() == 0


def test_editors_get_admin_pages_images_documents_and_settings():
    editor = Group.objects.get(name="Editor")
    assert permission_names(editor) == set(roles.EDITOR_PERMISSIONS)
    page_codes = set(
        GroupPagePermission.objects.filter(group=editor, page__depth=1).values_list(
            "permission__codename", flat=True
        )
    )
    assert page_codes == set(roles.EDITOR_PAGE_PERMISSIONS)
    assert "delete_page" not in page_codes
    assert GroupCollectionPermission.objects.filter(group=editor).count() == len(
        roles.EDITOR_COLLECTION_PERMISSIONS
    )


def test_administrators_get_every_permission_including_people():
    administrator = Group.objects.get(name="Administrator")
    names = permission_names(administrator)
    assert {"accounts.add_user", "accounts.change_user", "auth.change_group"} <= names
    assert {"community.add_officerterm", "wagtailadmin.access_admin"} <= names


def test_sync_is_idempotent():
    before = {g.name: g.permissions.count() for g in Group.objects.all()}
    roles.sync_role_groups()
    roles.sync_role_groups()
    assert {g.name: g.permissions.count() for g in Group.objects.all()} == before
    assert GroupPagePermission.objects.count() == len(roles.EDITOR_PAGE_PERMISSIONS) + len(
        roles.ADMINISTRATOR_PAGE_PERMISSIONS
    )


def test_roles_of_each_kind_of_person():
    from django.contrib.auth.models import AnonymousUser

    assert roles.roles_of(AnonymousUser()) == [roles.Role.VISITOR]
    assert roles.roles_of(MemberFactory()) == [roles.Role.MEMBER]
    assert roles.roles_of(EditorFactory()) == [roles.Role.EDITOR]
    assert roles.roles_of(AdministratorFactory()) == [
        roles.Role.ADMINISTRATOR,
        roles.Role.EDITOR,
    ]
    officer = OfficerTermFactory().user
    assert roles.roles_of(officer) == [roles.Role.OFFICER, roles.Role.MEMBER]


def test_editor_can_use_the_wagtail_admin_and_member_cannot(client):
    client.force_login(EditorFactory())
    assert client.get("/admin/").status_code == 200
    client.force_login(MemberFactory())
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


class TestIsOfficer:
    def test_current_term_gives_rights_in_that_community_only(self):
        term = OfficerTermFactory()
        other = CommunityFactory()
        assert is_officer(term.user)
        assert is_officer(term.user, term.community)
        assert not is_officer(term.user, other)

    def test_rights_end_with_the_term_without_anyone_editing_groups(self):
        today = timezone.localdate()
        term = OfficerTermFactory(
            starts_on=today - datetime.timedelta(days=365),
            ends_on=today - datetime.timedelta(days=1),
        )
        assert not is_officer(term.user, term.community)
        assert is_officer(term.user, term.community, on=today - datetime.timedelta(days=2))

    def test_future_term_gives_no_rights_yet(self):
        today = timezone.localdate()
        term = OfficerTermFactory(starts_on=today + datetime.timedelta(days=7))
        assert not is_officer(term.user)
        assert is_officer(term.user, on=today + datetime.timedelta(days=7))

    def test_visitors_and_plain_members_are_not_officers(self):
        from django.contrib.auth.models import AnonymousUser

        assert not is_officer(AnonymousUser())
        assert not is_officer(MemberFactory())


def test_only_administrators_manage_people_in_the_admin(client):
    client.force_login(EditorFactory())
    assert client.get("/admin/users/").status_code == 302  # refused, back to the dashboard
    client.force_login(AdministratorFactory())
    assert client.get("/admin/users/").status_code == 200
    response = client.post(
        "/admin/users/new/",
        {
            "email": "pendamping@contoh.id",
            "first_name": "Komang",
            "last_name": "Arta",
            "password1": "pendamping lapangan baru",
            "password2": "pendamping lapangan baru",
            "groups": [Group.objects.get(name="Editor").pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = get_user_model().objects.get(email="pendamping@contoh.id")
    assert created.full_name == "Komang Arta"
    assert roles.roles_of(created) == [roles.Role.EDITOR]
