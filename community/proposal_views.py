"""Programme proposals (`/komunitas/usulan/`) and the officers' dashboard
(`/komunitas/dasbor/`): thin views over `proposals.py` and `dashboard.py`.

A `ProposalError` is shown to the person with nothing changed. Editors and
administrators may look at any community with `?komunitas=<slug>`; everyone
else sees their own community. The forms live here because only these views
use them.
"""

import csv

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from pusat.accounts.roles import is_editor

from . import dashboard as numbers
from . import proposals as rules
from .events import officer_community
from .membership import is_active_member
from .models import Community, Proposal, ProposalSupport
from .proposals import ProposalError
from .roles import is_officer

PAGE_SIZE = 20
# `?tampil=` of the list: open proposals by default, or the closed ones.
SHOW_CLOSED = "tertutup"


# --- Forms --------------------------------------------------------------------


class ProposalForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=rules.TITLE_MAX_LENGTH,
        help_text=gettext_lazy("Short and clear, e.g. “Kelas foto produk setiap bulan”."),
        error_messages={
            "required": gettext_lazy("Give your proposal a title."),
            "max_length": gettext_lazy("Keep the title under %(limit_value)d characters."),
        },
    )
    description = forms.CharField(
        label=gettext_lazy("Description"),
        max_length=rules.DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "What the programme is, who it is for, how it would work and what it needs."
        ),
        error_messages={
            "required": gettext_lazy("Describe the programme: what, for whom and how."),
            "max_length": gettext_lazy("Keep the description under %(limit_value)d characters."),
        },
    )


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=Proposal.Status.choices,
        error_messages={
            "required": gettext_lazy("Choose one of the statuses."),
            "invalid_choice": gettext_lazy("Choose one of the statuses."),
        },
    )
    priority = forms.ChoiceField(
        label=gettext_lazy("Priority"),
        choices=[("", gettext_lazy("Not decided yet")), *Proposal.Priority.choices],
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy("Choose priority, not a priority, or not decided yet.")
        },
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason or note for the proposer (required when you reject)"),
        max_length=rules.REASON_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": gettext_lazy("Keep the reason under %(limit_value)d characters.")
        },
    )

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only the steps `proposals.TRANSITIONS` allows from here; any
        # other value still reaches the rule, which says why it is refused.
        allowed = {proposal.status, *rules.TRANSITIONS[proposal.status]}
        self.fields["status"].widget.choices = [
            (value, label) for value, label in Proposal.Status.choices if value in allowed
        ]

    @classmethod
    def for_proposal(cls, proposal):
        initial = {
            "status": proposal.status,
            "priority": proposal.priority,
            "reason": proposal.status_reason,
        }
        return cls(initial=initial, proposal=proposal)


# --- Helpers ------------------------------------------------------------------


def refused(request, message, community=None):
    """A 403 page that says why (the community pages' own)."""
    return render(
        request,
        "community/membership/refused.html",
        {"message": message, "community": community},
        status=403,
    )


def _requested_community(request):
    slug = request.GET.get("komunitas", "").strip()
    return get_object_or_404(Community, slug=slug) if slug else None


def _editor_choices(user):
    """Every community, for the editors' picker (one query), or None."""
    if not is_editor(user):
        return None
    return list(Community.objects.order_by("name").only("pk", "name", "slug"))


def _back_to(request, fallback):
    """Where to go after a support button: the page it was on, if it is ours."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _detail(proposal):
    return redirect("community:proposal_detail", pk=proposal.pk)


def _proposal(pk):
    return get_object_or_404(Proposal.objects.select_related("community", "proposed_by"), pk=pk)


# --- Proposals ----------------------------------------------------------------


@login_required
def proposal_list(request):
    """`/komunitas/usulan/`: the community's open (or closed) proposals, sorted
    by support (`?urut=dukungan`, the default) or newest first."""
    user = request.user
    community = _requested_community(request)
    if community is not None:
        try:
            rules.check_can_view(user, community)
        except ProposalError as error:
            return refused(request, error.message, community)
    else:
        community = rules.home_community(user)
    choices = _editor_choices(user)
    if community is None and choices:
        community = choices[0]
    if community is None:
        return render(request, "community/proposals/no_community.html")

    sort = request.GET.get("urut")
    sort = sort if sort in rules.SORTS else rules.SORT_SUPPORT
    show_closed = request.GET.get("tampil") == SHOW_CLOSED
    listed = rules.listed(community, user, sort=sort, open_only=not show_closed)
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    is_member = is_active_member(user, community)
    return render(
        request,
        "community/proposals/list.html",
        {
            "community": community,
            "page": page,
            "proposals": page.object_list,
            "sort": sort,
            "show_closed": show_closed,
            "may_propose": is_member,
            "may_support": is_member,
            "is_community_officer": is_officer(user, community),
            "communities": choices,
            # Kept in the sort and page links, so an editor stays on one community.
            "community_query": f"komunitas={community.slug}&" if choices else "",
        },
    )


@login_required
def proposal_create(request):
    """`/komunitas/usulan/baru/`: a member proposes a programme to their community."""
    community = rules.home_community(request.user)
    if community is None or not rules.can_propose(request.user, community):
        return refused(
            request,
            _("Only members of a community can propose programmes. Join a community first."),
        )
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = rules.propose(
                request.user,
                community,
                form.cleaned_data["title"],
                form.cleaned_data["description"],
            )
        except ProposalError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(
                request,
                _("Your proposal is posted. Other members can now read and support it."),
            )
            return _detail(proposal)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "community/proposals/form.html",
        {"community": community, "form": form},
        status=status,
    )


def _detail_context(request, proposal, decision_form=None):
    user = request.user
    community = proposal.community
    supporters = list(
        ProposalSupport.objects.filter(proposal=proposal)
        .select_related("user")
        .order_by("created_at", "pk")
    )
    i_support = any(support.user_id == user.pk for support in supporters)
    officer = is_officer(user, community)
    member = is_active_member(user, community)
    return {
        "community": community,
        "proposal": proposal,
        "supporters": supporters,
        "support_count": len(supporters),
        "i_support": i_support,
        "is_proposer": proposal.proposed_by_id == user.pk,
        "is_open": rules.is_open(proposal),
        "is_community_member": member,
        "is_community_officer": officer,
        "decision_form": (decision_form or DecisionForm.for_proposal(proposal))
        if officer
        else None,
    }


@login_required
def proposal_detail(request, pk):
    """`/komunitas/usulan/<pk>/`: the proposal, its supporters and, for the
    community's officers, the priority and status form."""
    proposal = _proposal(pk)
    try:
        rules.check_can_view(request.user, proposal.community)
    except ProposalError as error:
        return refused(request, error.message, proposal.community)
    return render(request, "community/proposals/detail.html", _detail_context(request, proposal))


@login_required
@require_POST
def proposal_support(request, pk):
    return _change_support(request, pk, rules.support, _("Thank you: you support this proposal."))


@login_required
@require_POST
def proposal_unsupport(request, pk):
    return _change_support(
        request, pk, rules.withdraw_support, _("Your support for this proposal is withdrawn.")
    )


def _change_support(request, pk, action, done):
    proposal = _proposal(pk)
    community = proposal.community
    try:
        action(request.user, proposal)
    except ProposalError as error:
        if not rules.can_view(request.user, community):
            # Someone from elsewhere: no page of this community to go back to.
            return refused(request, error.message, community)
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(_back_to(request, reverse("community:proposal_detail", args=[proposal.pk])))


@login_required
@require_POST
def proposal_decide(request, pk):
    """An officer sets priority and status; a refusal re-shows the proposal
    with the form and its message (status 400), nothing saved."""
    proposal = _proposal(pk)
    try:
        rules.check_officer(request.user, proposal.community)
    except ProposalError as error:
        return refused(request, error.message, proposal.community)
    form = DecisionForm(request.POST, proposal=proposal)
    if form.is_valid():
        try:
            changed = rules.decide(
                request.user,
                proposal,
                status=form.cleaned_data["status"],
                priority=form.cleaned_data["priority"],
                reason=form.cleaned_data["reason"],
            )
        except ProposalError as error:
            form.add_error(error.field, error.message)
        else:
            if "status" in changed:
                messages.success(request, _("The status is saved and the proposer has been told."))
            elif changed:
                messages.success(request, _("The priority is saved."))
            else:
                messages.info(request, _("Nothing changed."))
            return _detail(proposal)
    proposal.refresh_from_db()
    return render(
        request,
        "community/proposals/detail.html",
        _detail_context(request, proposal, decision_form=form),
        status=400,
    )


# --- Dashboard ----------------------------------------------------------------


def _dashboard_community(request):
    """(community, refusal response): the officer's own community, or for
    editors and administrators the one they pick (the first by name when
    they are no officer and pick none)."""
    user = request.user
    community = _requested_community(request)
    if community is not None:
        if is_officer(user, community) or is_editor(user):
            return community, None
        return None, refused(
            request,
            _("The dashboard of %(community)s is for its officers.")
            % {"community": community.name},
            community,
        )
    community = officer_community(user)
    if community is None and is_editor(user):
        community = Community.objects.order_by("name").first()
    if community is None:
        return None, refused(request, _("The dashboard is for the officers of a community."))
    return community, None


@login_required
def dashboard(request):
    """`/komunitas/dasbor/`: the community's numbers, readable without
    JavaScript; the stage chart is plain HTML and CSS."""
    community, refusal = _dashboard_community(request)
    if refusal is not None:
        return refusal
    board = numbers.cached_build(community)
    top_bar = max((bar.count for bar in board.stages), default=0)
    return render(
        request,
        "community/dashboard.html",
        {
            "community": community,
            "board": board,
            "top_bar": top_bar,
            "communities": _editor_choices(request.user),
        },
    )


@login_required
def dashboard_csv(request):
    """`/komunitas/dasbor/csv/`: the same numbers as a CSV file that Excel on
    Windows opens with Indonesian text intact (UTF-8 with a BOM)."""
    community, refusal = _dashboard_community(request)
    if refusal is not None:
        return refusal
    board = numbers.cached_build(community)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerows(numbers.csv_rows(board))
    filename = f"dasbor-{community.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
