"""The five roles of DESIGN.md and the groups that carry their permissions.

- visitor: not signed in; needs nothing here.
- member (*anggota*): every signed-up person is in the "Anggota" group.
- officer (*pengurus*): never a group. Officer rights come only from a
  current officer term, answered by `community.roles.is_officer`, so that
  they end when the term ends without anyone editing groups by hand.
- editor: the "Editor" group: Wagtail admin, pages, images, documents and
  the site settings.
- administrator: the "Administrator" group: every permission, including
  people and groups (superusers are administrators too).

`sync_role_groups` runs after every `migrate` and makes the groups match
this file, so the roles exist on any fresh database without hand work.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import models
from django.utils.translation import gettext_lazy as _

MEMBER_GROUP = "Anggota"
EDITOR_GROUP = "Editor"
ADMINISTRATOR_GROUP = "Administrator"


class Role(models.TextChoices):
    VISITOR = "visitor", _("Visitor")
    MEMBER = "member", _("Member")
    OFFICER = "officer", _("Officer")
    EDITOR = "editor", _("Editor")
    ADMINISTRATOR = "administrator", _("Administrator")


# Model permissions ("app_label.codename") each group holds.
EDITOR_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "home.change_sitesettings",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
]
# Page permissions on the root page, inherited by the whole tree.
EDITOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "view_page",
]
ADMINISTRATOR_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ["delete_page", "bulk_delete_page"]
# Wagtail's own starter groups; ours replace them, so they go while unused.
WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]
# Collection permissions on the root collection, for images and documents.
EDITOR_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
ADMINISTRATOR_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS + [
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
]


def _permissions(names):
    wanted = {tuple(name.split(".", 1)) for name in names}
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _code in wanted},
        codename__in={code for _app, code in wanted},
    ).select_related("content_type")
    return [p for p in found if (p.content_type.app_label, p.codename) in wanted]


def _grant_tree_permissions(group, page_codenames, collection_names):
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    root_page = Page.get_first_root_node()
    if root_page is not None:
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=page_codenames
        ):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for permission in _permissions(collection_names):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


def sync_role_groups(**kwargs):
    """Create the role groups and give them exactly their permissions."""
    # post_migrate reaches apps in order; make sure every app's permissions
    # exist before handing them out.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()
    Group.objects.get_or_create(name=MEMBER_GROUP)

    editor, _created = Group.objects.get_or_create(name=EDITOR_GROUP)
    editor.permissions.set(_permissions(EDITOR_PERMISSIONS))
    _grant_tree_permissions(editor, EDITOR_PAGE_PERMISSIONS, EDITOR_COLLECTION_PERMISSIONS)

    administrator, _created = Group.objects.get_or_create(name=ADMINISTRATOR_GROUP)
    administrator.permissions.set(Permission.objects.all())
    _grant_tree_permissions(
        administrator, ADMINISTRATOR_PAGE_PERMISSIONS, ADMINISTRATOR_COLLECTION_PERMISSIONS
    )


def _in_group(user, name):
    # Cached per request object: the base layout asks more than once.
    cache = user.__dict__.setdefault("_role_group_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user.__dict__["_role_group_names"] = cache
    return name in cache


def is_administrator(user):
    return user.is_authenticated and (user.is_superuser or _in_group(user, ADMINISTRATOR_GROUP))


def is_editor(user):
    return user.is_authenticated and (is_administrator(user) or _in_group(user, EDITOR_GROUP))


def is_member(user):
    return user.is_authenticated and _in_group(user, MEMBER_GROUP)


def roles_of(user):
    """Every role a person holds now, most powerful first."""
    from community.roles import is_officer

    if not user.is_authenticated:
        return [Role.VISITOR]
    roles = []
    if is_administrator(user):
        roles.append(Role.ADMINISTRATOR)
    if is_editor(user):
        roles.append(Role.EDITOR)
    if is_officer(user):
        roles.append(Role.OFFICER)
    if is_member(user):
        roles.append(Role.MEMBER)
    return roles


def make_member(user):
    """Give a newly signed-up person the member role."""
    user.groups.add(Group.objects.get(name=MEMBER_GROUP))


def make_editor(user):
    user.groups.add(Group.objects.get(name=EDITOR_GROUP))


def make_administrator(user):
    user.groups.add(Group.objects.get(name=ADMINISTRATOR_GROUP))
