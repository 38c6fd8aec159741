"""Communities and their members: detail page, joining, the members-only
directory and deciding on join requests. Thin views over `membership.py`,
whose `MembershipError` message is shown to the person with nothing changed.
The forms live here because only these views use them.
"""

from django import forms
from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.models import Certificate
from courses.stages import stage_from
from pusat.accounts.roles import is_member

from . import membership as rules
from .membership import MembershipError
from .models import Community, Membership, OfficerTerm

DIRECTORY_PAGE_SIZE = 50
ROLE_ORDER = [role.value for role in OfficerTerm.Role]

# First path segments under /komunitas/ that belong to other pages, so no
# community may use them as its slug (the admin form refuses them too).
RESERVED_SLUGS = ["agenda", "notulen", "pemilihan", "usulan", "dasbor", "permintaan", "saya"]


class CommunitySlugConverter:
    """A community slug that is never one of the reserved prefixes, so
    `/komunitas/<slug>/` cannot swallow `/komunitas/agenda/` whatever the
    order of the URL patterns."""

    regex = "(?!(?:" + "|".join(RESERVED_SLUGS) + ")/)[-a-zA-Z0-9_]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


# --- Forms --------------------------------------------------------------------


class JoinForm(forms.Form):
    motivation = forms.CharField(
        label=gettext_lazy("Why do you want to join?"),
        help_text=gettext_lazy(
            "A few sentences for the officers: your business and what you hope to learn or share."
        ),
        max_length=rules.MOTIVATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Write a few words about why you want to join.")},
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", gettext_lazy("Accept")), ("decline", gettext_lazy("Decline"))],
        error_messages={
            "required": gettext_lazy("Choose accept or decline."),
            "invalid_choice": gettext_lazy("Choose accept or decline."),
        },
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (required when you decline)"),
        max_length=rules.REASON_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# --- Helpers ------------------------------------------------------------------


def refused(request, message, community=None):
    """A 403 page that says why, in the person's language."""
    return render(
        request,
        "community/membership/refused.html",
        {"message": message, "community": community},
        status=403,
    )


def showcase_links(users):
    """Member id → URL of their published showcase (`/etalase/<slug>/`).

    A showcase is a live `showcase.ShowcasePage` owned by the member (Wagtail's
    `Page.owner`, as `courses.stages` also reads it); one query for the whole
    list. The model is looked up by name so the community app does not
    import the showcase app.
    """
    try:
        showcase_page = apps.get_model("showcase", "ShowcasePage")
    except LookupError:
        return {}
    pages = (
        showcase_page.objects.live()
        .filter(owner__in=[user.pk for user in users])
        .values_list("owner_id", "slug")
    )
    return {owner_id: reverse("showcase:index") + f"{slug}/" for owner_id, slug in pages}


def directory_rows(memberships):
    """Each listed member with their e-UMKM stage and showcase link.

    The stage follows `courses.stages.stage_of`, computed from facts fetched
    in bulk (one query for all listed members' certificates) with the same
    ladder as the course reports, instead of a few queries per member.
    """
    users = [membership.user for membership in memberships]
    done = {}
    for user_id, stage in (
        Certificate.objects.filter(user__in=[user.pk for user in users])
        .exclude(course__stage="")
        .values_list("user_id", "course__stage")
        .distinct()
    ):
        done.setdefault(user_id, set()).add(stage)
    links = showcase_links(users)
    rows = []
    for user in users:
        # Listed members are active members, so a published showcase is what
        # Autonomy still needs.
        showcase_url = links.get(user.pk)
        rows.append(
            {
                "user": user,
                "stage": stage_from(done.get(user.pk, set()), autonomous=bool(showcase_url)),
                "showcase_url": showcase_url,
            }
        )
    return rows


def current_board(community):
    terms = OfficerTerm.objects.current().filter(community=community).select_related("user")
    return sorted(terms, key=lambda term: (ROLE_ORDER.index(term.role), term.starts_on))


# --- Views --------------------------------------------------------------------


def detail(request, slug):
    """`/komunitas/<slug>/`: who the community is, its board, and how to join."""
    community = get_object_or_404(Community.objects.select_related("agreement_document"), slug=slug)
    user = request.user
    own = rules.membership_of(user)
    board = current_board(community)
    may_decide = rules.can_decide(user, community)
    context = {
        "community": community,
        "board": board,
        "member_count": Membership.objects.active().filter(community=community).count(),
        "own": own,
        "own_here": own is not None and own.community_id == community.pk,
        "may_join": user.is_authenticated
        and is_member(user)
        and (own is None or own.status == Membership.Status.DECLINED),
        "may_decide": may_decide,
        "acting_as_administrator": may_decide and not board,
        "pending_count": (
            Membership.objects.filter(community=community, status=Membership.Status.PENDING).count()
            if may_decide
            else 0
        ),
        "may_see_directory": rules.can_see_directory(user, community),
    }
    return render(request, "community/membership/detail.html", context)


@login_required
def join(request, slug):
    """`/komunitas/<slug>/gabung/`: ask to join, with a short motivation."""
    community = get_object_or_404(Community, slug=slug)
    try:
        rules.check_can_join(request.user, community)
    except MembershipError as error:
        messages.error(request, str(error))
        return redirect("community:detail", slug=community.slug)
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            rules.request_to_join(request.user, community, form.cleaned_data["motivation"])
        except MembershipError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Your request has been sent. The officers of %(community)s will decide soon.")
                % {"community": community.name},
            )
            return redirect("community:detail", slug=community.slug)
    return render(request, "community/membership/join.html", {"community": community, "form": form})


@login_required
def members(request, slug):
    """`/komunitas/<slug>/anggota/`: the members-only directory."""
    community = get_object_or_404(Community, slug=slug)
    if not rules.can_see_directory(request.user, community):
        return refused(
            request,
            _("The member directory of %(community)s is for its own members only.")
            % {"community": community.name},
            community,
        )
    memberships = (
        Membership.objects.active()
        .filter(community=community)
        .select_related("user")
        .order_by("user__full_name", "user__pk")
    )
    page = Paginator(memberships, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "community/membership/members.html",
        {"community": community, "page": page, "rows": directory_rows(page.object_list)},
    )


@login_required
def join_requests(request, slug):
    """`/komunitas/<slug>/permintaan/`: waiting requests, for those who decide."""
    community = get_object_or_404(Community, slug=slug)
    try:
        rules.check_can_decide(request.user, community)
    except MembershipError as error:
        return refused(request, str(error), community)
    waiting = (
        Membership.objects.filter(community=community, status=Membership.Status.PENDING)
        .select_related("user")
        .order_by("requested_at", "pk")
    )
    page = Paginator(waiting, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "community/membership/requests.html",
        {
            "community": community,
            "page": page,
            "acting_as_administrator": not rules.has_board(community),
        },
    )


@login_required
def join_request(request, pk):
    """`/komunitas/permintaan/<pk>/`: one request, accepted or declined here."""
    membership = get_object_or_404(
        Membership.objects.select_related("user", "community", "decided_by"), pk=pk
    )
    community = membership.community
    try:
        rules.check_can_decide(request.user, community)
    except MembershipError as error:
        return refused(request, str(error), community)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        try:
            rules.decide(
                request.user, membership, accept=accept, reason=form.cleaned_data["reason"]
            )
        except MembershipError as error:
            membership.refresh_from_db()
            form.add_error(None, str(error))
        else:
            names = {"name": membership.user.get_full_name(), "community": community.name}
            messages.success(
                request,
                (
                    _("%(name)s is now a member of %(community)s and has been told.")
                    if accept
                    else _("The request from %(name)s was declined and they have been told.")
                )
                % names,
            )
            return redirect("community:join_requests", slug=community.slug)
    return render(
        request,
        "community/membership/request.html",
        {"community": community, "membership": membership, "form": form},
    )
