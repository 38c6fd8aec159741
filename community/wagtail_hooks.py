"""Communities, memberships and officer terms in the Wagtail admin.

Editors and administrators see all three, with search and filters; only
administrators change anything, and only what the rules in `membership.py`
allow:

- communities: created and edited here (slugs that would hide another page
  under /komunitas/ are refused);
- memberships: read-only here, because join requests are decided on the
  site by the community's officers (or an administrator for a community
  without a board), where the rule, the reason and the notification live;
- officer terms: an administrator records a first-board term here (source
  *bootstrap*, recorded_by set, logged in the term's history); terms from
  elections are never edited by hand. A bootstrap term may only be ended.
"""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from pusat.accounts.roles import is_administrator, is_editor
from pusat.admin_forms import SafeAdminModelForm

from . import membership as rules
from .membership import MembershipError
from .membership_views import RESERVED_SLUGS
from .models import Community, Election, Event, Membership, Minutes, OfficerTerm, Proposal

# --- Who may do what ------------------------------------------------------------


class RolePermissionPolicy(ModelPermissionPolicy):
    """Permissions from the roles of `pusat.accounts.roles`, not from group
    check-boxes: editors and administrators view; administrators do the
    `admin_actions`; nobody does anything else."""

    def __init__(self, model, admin_actions=("add", "change", "delete")):
        super().__init__(model)
        self.admin_actions = set(admin_actions)

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        if action == "view":
            return is_editor(user)
        return action in self.admin_actions and is_administrator(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class OfficerTermPermissionPolicy(RolePermissionPolicy):
    """Only bootstrap terms may be changed or deleted; election terms are the
    record of an election."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "delete") and instance.source != OfficerTerm.Source.BOOTSTRAP:
            return False
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )


# Registered before anything asks for these models' policies (Wagtail would
# otherwise create its fallback and refuse a second one).
register_permission_policy(Community, RolePermissionPolicy(Community))
register_permission_policy(Membership, RolePermissionPolicy(Membership, admin_actions=("delete",)))
register_permission_policy(OfficerTerm, OfficerTermPermissionPolicy(OfficerTerm))
# Elections are a record: nobody edits them in the admin (results cannot be
# changed); the community's own life is moderated by administrators.
register_permission_policy(Election, RolePermissionPolicy(Election, admin_actions=()))
register_permission_policy(Event, RolePermissionPolicy(Event, admin_actions=("delete",)))
register_permission_policy(Minutes, RolePermissionPolicy(Minutes, admin_actions=("delete",)))
register_permission_policy(Proposal, RolePermissionPolicy(Proposal, admin_actions=("delete",)))


@hooks.register("register_log_actions")
def register_membership_log_actions(actions):
    actions.register_action(rules.LOG_REQUESTED, _("Ask to join"), _("Asked to join the community"))
    actions.register_action(rules.LOG_ACCEPTED, _("Accept"), _("Join request accepted"))
    actions.register_action(rules.LOG_DECLINED, _("Decline"), _("Join request declined"))
    actions.register_action(
        rules.LOG_BOOTSTRAP_TERM,
        _("Record first-board term"),
        _("First-board term recorded by an administrator (bootstrap)"),
    )


# --- Communities ----------------------------------------------------------------


class CommunityForm(SafeAdminModelForm):  # a damaged post is refused, not a 500
    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug.lower() in RESERVED_SLUGS:
            raise ValidationError(
                _("“%(slug)s” is the address of another page under /komunitas/; choose another."),
                params={"slug": slug},
            )
        return slug


class CommunityViewSet(SnippetViewSet):
    model = Community
    icon = "group"
    menu_label = _("Communities")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "regency", "district", "founded_on"]
    list_filter = {"regency": ["icontains"], "founded_on": ["gte", "lte"]}
    search_fields = ["name", "regency", "district", "description"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("regency"),
            FieldPanel("district"),
            FieldPanel("description"),
            FieldPanel("founded_on"),
            FieldPanel("agreement_document"),
        ],
        base_form_class=CommunityForm,
    )


# --- Memberships ----------------------------------------------------------------


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["user", "community", "status", "requested_at", "decided_at", "decided_by"]
    list_filter = ["community", "status"]
    search_fields = [
        "user__full_name",
        "user__email",
        "user__business_name",
        "community__name",
        "motivation",
    ]
    search_backend_name = None
    ordering = ["-requested_at"]

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "community", "decided_by")


# --- Officer terms --------------------------------------------------------------


class OfficerTermFilterSet(WagtailFilterSet):
    current = django_filters.BooleanFilter(
        label=_("In force today"), method="filter_current", widget=forms.NullBooleanSelect
    )

    class Meta:
        model = OfficerTerm
        fields = ["community", "role", "source"]

    def filter_current(self, queryset, name, value):
        if value is None:
            return queryset
        current = OfficerTerm.objects.current().values("pk")
        return queryset.filter(pk__in=current) if value else queryset.exclude(pk__in=current)


class BootstrapTermForm(WagtailAdminModelForm):
    """The administrator's form for a first-board term: the rule is
    `membership.check_bootstrap_term`, shown as form errors."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "user" in self.fields:
            # Officers come from the community's members; keep the list short.
            self.fields["user"].queryset = (
                self.fields["user"]
                .queryset.filter(membership__status=Membership.Status.ACTIVE)
                .order_by("full_name")
            )

    def clean(self):
        cleaned = super().clean()
        needed = ["community", "user", "role", "starts_on"]
        if all(cleaned.get(name) for name in needed):
            try:
                rules.check_bootstrap_term(
                    self.for_user,
                    ends_on=cleaned.get("ends_on"),
                    **{name: cleaned[name] for name in needed},
                )
            except MembershipError as error:
                raise ValidationError(str(error)) from error
        return cleaned


class TermEndForm(WagtailAdminModelForm):
    def clean_ends_on(self):
        ends_on = self.cleaned_data.get("ends_on")
        if ends_on is not None and ends_on < self.instance.starts_on:
            raise ValidationError(_("A term cannot end before it starts."))
        return ends_on


TERM_PANELS = [
    FieldPanel("community"),
    FieldPanel("user"),
    FieldPanel("role"),
    FieldPanel("starts_on"),
    FieldPanel(
        "ends_on",
        help_text=_("Leave empty until the community's first election installs its board."),
    ),
]
# Editing a bootstrap term: only its end can change; the rest is the record.
TERM_END_PANEL = ObjectList(
    [
        FieldPanel("community", read_only=True),
        FieldPanel("user", read_only=True),
        FieldPanel("role", read_only=True),
        FieldPanel("starts_on", read_only=True),
        FieldPanel("ends_on"),
    ],
    base_form_class=TermEndForm,
).bind_to_model(OfficerTerm)


class BootstrapTermCreateView(CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return rules.record_bootstrap_term(
            self.request.user,
            community=data["community"],
            user=data["user"],
            role=data["role"],
            starts_on=data["starts_on"],
            ends_on=data.get("ends_on"),
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except MembershipError as error:
            # Something changed between the form check and the save.
            form.add_error(None, str(error))
            return self.form_invalid(form)


class InstanceCheckedMixin:
    permission_action = None

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.permission_action, instance
        ):
            raise PermissionDenied
        return instance


class TermEndEditView(InstanceCheckedMixin, EditView):
    permission_action = "change"

    def get_panel(self):
        return TERM_END_PANEL

    def get_form_class(self):
        return TERM_END_PANEL.get_form_class()


class TermDeleteView(InstanceCheckedMixin, DeleteView):
    permission_action = "delete"


class OfficerTermViewSet(SnippetViewSet):
    model = OfficerTerm
    icon = "crosshairs"
    menu_label = _("Officer terms")
    add_view_class = BootstrapTermCreateView
    edit_view_class = TermEndEditView
    delete_view_class = TermDeleteView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["user", "role", "community", "starts_on", "ends_on", "source", "recorded_by"]
    filterset_class = OfficerTermFilterSet
    search_fields = ["user__full_name", "user__email", "community__name"]
    search_backend_name = None
    edit_handler = ObjectList(TERM_PANELS, base_form_class=BootstrapTermForm)

    def get_queryset(self, request):
        return OfficerTerm.objects.select_related("user", "community", "recorded_by")


# --- Elections, agenda, minutes and proposals (read-only lists) -------------------


class ElectionViewSet(SnippetViewSet):
    """Elections run on the site, under their rules; here editors and
    administrators look them up. Results are never shown here: they are on
    the site once the election is closed."""

    model = Election
    icon = "tasks"
    menu_label = _("Elections")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["title", "community", "method", "voting_opens_at", "closed_at", "installed_at"]
    list_filter = ["community", "method"]
    search_fields = ["title", "community__name"]
    search_backend_name = None
    inspect_view_fields = [
        "title",
        "community",
        "method",
        "nomination_opens_at",
        "nomination_closes_at",
        "voting_opens_at",
        "voting_closes_at",
        "quorum_percent",
        "closed_at",
        "installed_at",
    ]

    def get_queryset(self, request):
        return Election.objects.select_related("community")


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["title", "community", "kind", "starts_at", "is_public", "published_at"]
    list_filter = ["community", "kind", "is_public"]
    search_fields = ["title", "place", "description", "community__name"]
    search_backend_name = None
    ordering = ["-starts_at"]

    def get_queryset(self, request):
        return Event.objects.select_related("community")


class MinutesViewSet(SnippetViewSet):
    model = Minutes
    icon = "doc-full"
    menu_label = _("Minutes")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["title", "community", "kind", "held_at", "status", "confirmed_at"]
    list_filter = ["community", "kind", "status"]
    search_fields = ["title", "agenda", "decisions", "community__name"]
    search_backend_name = None

    def get_queryset(self, request):
        return Minutes.objects.select_related("community")


class ProposalViewSet(SnippetViewSet):
    model = Proposal
    icon = "help"
    menu_label = _("Programme proposals")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["title", "community", "status", "priority", "created_at"]
    list_filter = ["community", "status", "priority"]
    search_fields = ["title", "description", "community__name"]
    search_backend_name = None

    def get_queryset(self, request):
        return Proposal.objects.select_related("community")


class CommunityViewSetGroup(SnippetViewSetGroup):
    """The "Community" admin menu. Other community models (elections, events,
    …) join by adding their viewset to `items`."""

    menu_label = _("Community")
    menu_icon = "group"
    menu_order = 300
    items = (
        CommunityViewSet,
        MembershipViewSet,
        OfficerTermViewSet,
        ElectionViewSet,
        EventViewSet,
        MinutesViewSet,
        ProposalViewSet,
    )


register_snippet(CommunityViewSetGroup)


# --- Live chat ---------------------------------------------------------------
# Editors create programme rooms here (the other rooms exist by themselves:
# one pair per community, one per course, direct messages on request) and
# look up messages, mutes and the moderation log. Deleting and muting happen
# in the room itself, where the rule, the live update and the log live.

from .chat_models import (  # noqa: E402
    ChatMessage,
    ChatModerationLog,
    ChatMute,
    ChatRoom,
)


class ChatRoomPermissionPolicy(RolePermissionPolicy):
    """Editors view, add and change rooms; administrators also delete."""

    def user_has_permission(self, user, action):
        if action in ("add", "change") and user.is_authenticated and user.is_active:
            return is_editor(user)
        return super().user_has_permission(user, action)


register_permission_policy(ChatRoom, ChatRoomPermissionPolicy(ChatRoom, admin_actions=("delete",)))
register_permission_policy(ChatMessage, RolePermissionPolicy(ChatMessage, admin_actions=()))
register_permission_policy(ChatMute, RolePermissionPolicy(ChatMute, admin_actions=()))
register_permission_policy(
    ChatModerationLog, RolePermissionPolicy(ChatModerationLog, admin_actions=())
)


class ChatRoomForm(WagtailAdminModelForm):
    """A new room made here is always a programme room, open to every member."""

    def save(self, commit=True):
        if self.instance.pk is None:
            self.instance.kind = ChatRoom.Kind.PROGRAMME
        return super().save(commit)


class ChatRoomViewSet(SnippetViewSet):
    model = ChatRoom
    icon = "comment"
    menu_label = _("Chat rooms")
    copy_view_enabled = False
    list_display = ["name", "kind", "community", "created_at"]
    list_filter = ["kind", "community"]
    search_fields = ["name", "slug"]
    search_backend_name = None
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")],
        base_form_class=ChatRoomForm,
    )

    def get_queryset(self, request):
        # Direct messages are private: not listed in the admin.
        return ChatRoom.objects.exclude(kind=ChatRoom.Kind.DIRECT).select_related("community")


class ChatMessageViewSet(SnippetViewSet):
    model = ChatMessage
    icon = "comment"
    menu_label = _("Chat messages")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["body", "room", "author", "created"]
    search_fields = ["body"]
    search_backend_name = None

    def get_queryset(self, request):
        return (
            ChatMessage.objects.shown()
            .exclude(room__kind=ChatRoom.Kind.DIRECT)
            .select_related("room", "author")
            .order_by("-id")
        )


class ChatMuteViewSet(SnippetViewSet):
    model = ChatMute
    icon = "warning"
    menu_label = _("Chat mutes")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["user", "room", "until", "muted_by"]
    search_backend_name = None

    def get_queryset(self, request):
        return ChatMute.objects.select_related("user", "room", "muted_by").order_by("-until")


class ChatModerationLogViewSet(SnippetViewSet):
    model = ChatModerationLog
    icon = "list-ul"
    menu_label = _("Chat moderation log")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["action", "room", "moderator", "target", "at"]
    list_filter = ["action"]
    search_fields = ["body"]
    search_backend_name = None

    def get_queryset(self, request):
        return ChatModerationLog.objects.select_related("room", "moderator", "target")


class ChatViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Chat")
    menu_icon = "comment"
    menu_order = 310
    items = (ChatRoomViewSet, ChatMessageViewSet, ChatMuteViewSet, ChatModerationLogViewSet)


register_snippet(ChatViewSetGroup)
