"""The forum in the Wagtail admin, for editors: categories (editable),
threads, reports, suspensions and the moderation log (read-only here).

Moderation itself happens on the site, where the rule, the reason, the log
entry and the notification live (`actions.py`); the admin is for overview,
search and filters. Categories are where editors set the structure.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pusat.accounts.roles import is_administrator, is_editor

from .models import Category, ModerationLog, Report, Suspension, Thread


class EditorPolicy(ModelPermissionPolicy):
    """Editors (and administrators) view; `actions` says what else editors do,
    `admin_actions` what only administrators do."""

    def __init__(self, model, actions=(), admin_actions=()):
        super().__init__(model)
        self.actions = {"view", *actions}
        self.admin_actions = set(admin_actions)

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active and is_editor(user)):
            return False
        if action in self.admin_actions:
            return is_administrator(user)
        return action in self.actions


# Deleting a category deletes its threads, so only administrators may.
register_permission_policy(
    Category, EditorPolicy(Category, ("add", "change"), admin_actions=("delete",))
)
for model in (Thread, Report, Suspension, ModerationLog):
    register_permission_policy(model, EditorPolicy(model))


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["name", "slug", "community", "course", "position"]
    list_filter = ["community"]
    search_fields = ["name", "description"]
    ordering = ["position", "name"]


class ThreadViewSet(SnippetViewSet):
    model = Thread
    icon = "list-ul"
    menu_label = _("Threads")
    list_display = ["title", "category", "author", "kind", "reply_count", "last_post_at"]
    list_filter = ["category", "kind", "is_pinned", "is_locked", "is_hidden"]
    search_fields = ["title"]
    ordering = ["-last_post_at"]


class ReportViewSet(SnippetViewSet):
    model = Report
    icon = "warning"
    menu_label = _("Reports")
    list_display = ["post", "reason", "reporter", "created_at", "resolution", "resolved_by"]
    list_filter = {"resolution": ["exact"], "resolved_at": ["isnull"], "created_at": ["gte"]}
    search_fields = ["reason"]
    ordering = ["created_at"]


class SuspensionViewSet(SnippetViewSet):
    model = Suspension
    icon = "lock"
    menu_label = _("Suspensions")
    list_display = ["user", "starts_at", "ends_at", "reason", "created_by"]
    list_filter = {"ends_at": ["gte", "lte"]}
    search_fields = ["reason"]


class ModerationLogViewSet(SnippetViewSet):
    model = ModerationLog
    icon = "history"
    menu_label = _("Moderation log")
    list_display = ["created_at", "actor", "action", "thread", "target_user", "reason"]
    list_filter = {"action": ["exact"], "created_at": ["gte", "lte"]}
    search_fields = ["reason"]


class ForumViewSetGroup(SnippetViewSetGroup):
    items = (
        CategoryViewSet,
        ThreadViewSet,
        ReportViewSet,
        SuspensionViewSet,
        ModerationLogViewSet,
    )
    menu_label = _("Forum")
    menu_icon = "comment"
    menu_order = 310


register_snippet(ForumViewSetGroup)
