"""Programme proposals (*usulan program kerja*): the rules, one function each.

Members of a community propose programmes and support each other's; the
community's officers set each proposal's priority and follow it through its
statuses. This is how the guide's "consensus on priorities" becomes visible:
the list sorted by support is the members' voice, the priority and status are
the board's answer to it.

Views, the demo loader and tests all call these functions. A rule that says
no raises `ProposalError` with a message for the person and changes nothing.
Who may read a community's proposals: its own members and officers, and the
centre's editors and administrators, who look after every community.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import BooleanField, Count, Exists, OuterRef, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pusat.accounts.actions import notify
from pusat.accounts.roles import is_editor

from .events import officer_community
from .membership import is_active_member
from .models import Membership, OfficerTerm, Proposal, ProposalSupport
from .roles import is_officer

TITLE_MIN_LENGTH = 5
TITLE_MAX_LENGTH = 200
DESCRIPTION_MIN_LENGTH = 20
DESCRIPTION_MAX_LENGTH = 4000
REASON_MAX_LENGTH = 2000

Status = Proposal.Status
Priority = Proposal.Priority

# Still being discussed or carried out: members may support these, and the
# dashboard counts them as open.
OPEN_STATUSES = [Status.PROPOSED, Status.ACCEPTED, Status.RUNNING]
CLOSED_STATUSES = [Status.REJECTED, Status.DONE]

# Where a proposal may go from each status. Steps back are allowed where a
# board reasonably reconsiders (a rejected proposal proposed again, a finished
# programme reopened), but nothing jumps from "proposed" straight to "done".
TRANSITIONS = {
    Status.PROPOSED: {Status.ACCEPTED, Status.REJECTED},
    Status.ACCEPTED: {Status.RUNNING, Status.REJECTED, Status.PROPOSED},
    Status.RUNNING: {Status.DONE, Status.ACCEPTED},
    Status.REJECTED: {Status.PROPOSED},
    Status.DONE: {Status.RUNNING},
}

# `?urut=` values of the list.
SORT_SUPPORT = "dukungan"
SORT_NEWEST = "terbaru"
SORTS = [SORT_SUPPORT, SORT_NEWEST]


class ProposalError(Exception):
    """A rule said no; the message is for the person, in their language.

    `field` names the form field the message belongs to, when there is one.
    """

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


# --- Who is who ---------------------------------------------------------------


def home_community(user):
    """The community whose proposals and numbers a person sees first: the one
    they are an active member of, else the one they are an officer of."""
    if not getattr(user, "is_authenticated", False):
        return None
    membership = Membership.objects.active().filter(user=user).select_related("community").first()
    if membership is not None:
        return membership.community
    return officer_community(user)


def can_view(user, community):
    if not getattr(user, "is_authenticated", False):
        return False
    return is_editor(user) or is_active_member(user, community) or is_officer(user, community)


def check_can_view(user, community):
    if not can_view(user, community):
        raise ProposalError(
            _("The programme proposals of %(community)s are for its own members.")
            % {"community": community.name}
        )


def can_propose(user, community):
    return is_active_member(user, community)


def check_officer(user, community):
    if not is_officer(user, community):
        raise ProposalError(
            _(
                "Only the officers of %(community)s may set the priority and status "
                "of its proposals."
            )
            % {"community": community.name}
        )


def is_open(proposal):
    return proposal.status in OPEN_STATUSES


# --- Lists --------------------------------------------------------------------


def listed(community, user, *, sort=SORT_SUPPORT, open_only=True):
    """A community's proposals with what a list shows, in one query: the
    proposer, the number of supporters and whether `user` is one of them."""
    queryset = (
        Proposal.objects.filter(community=community)
        .select_related("proposed_by")
        .annotate(support_count=Count("supports"))
    )
    queryset = queryset.filter(status__in=OPEN_STATUSES if open_only else CLOSED_STATUSES)
    if getattr(user, "is_authenticated", False):
        mine = ProposalSupport.objects.filter(proposal=OuterRef("pk"), user=user)
        queryset = queryset.annotate(supported_by_me=Exists(mine))
    else:
        queryset = queryset.annotate(supported_by_me=Value(False, output_field=BooleanField()))
    if sort == SORT_NEWEST:
        return queryset.order_by("-created_at", "-pk")
    return queryset.order_by("-support_count", "-created_at", "-pk")


# --- Proposing ----------------------------------------------------------------


def _clean_text(value):
    # Plain text, shown escaped; only the line endings are made uniform.
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def clean_fields(title, description):
    """The title and description, stripped, or a `ProposalError`."""
    title = " ".join(_clean_text(title).split())
    description = _clean_text(description)
    if not title:
        raise ProposalError(_("Give your proposal a title."), field="title")
    if len(title) < TITLE_MIN_LENGTH:
        raise ProposalError(
            _("The title is too short: use at least %(count)d characters.")
            % {"count": TITLE_MIN_LENGTH},
            field="title",
        )
    if len(title) > TITLE_MAX_LENGTH:
        raise ProposalError(
            _("Keep the title under %(count)d characters.") % {"count": TITLE_MAX_LENGTH},
            field="title",
        )
    if not description:
        raise ProposalError(
            _("Describe the programme: what, for whom and how."), field="description"
        )
    if len(description) < DESCRIPTION_MIN_LENGTH:
        raise ProposalError(
            _(
                "The description is too short: use at least %(count)d characters, so the "
                "others understand the programme."
            )
            % {"count": DESCRIPTION_MIN_LENGTH},
            field="description",
        )
    if len(description) > DESCRIPTION_MAX_LENGTH:
        raise ProposalError(
            _("Keep the description under %(count)d characters.")
            % {"count": DESCRIPTION_MAX_LENGTH},
            field="description",
        )
    return title, description


def propose(user, community, title, description):
    """A member proposes a programme to their own community; its officers are
    told on the site. Returns the new proposal."""
    if not can_propose(user, community):
        raise ProposalError(
            _("Only members of %(community)s can propose programmes to it.")
            % {"community": community.name}
        )
    title, description = clean_fields(title, description)
    with transaction.atomic():
        # A second tap on a slow network must not file the proposal twice.
        if Proposal.objects.filter(
            community=community, proposed_by=user, title__iexact=title
        ).exists():
            raise ProposalError(
                _("You have already proposed a programme with this title."), field="title"
            )
        proposal = Proposal.objects.create(
            community=community,
            proposed_by=user,
            title=title,
            description=description,
            created_at=timezone.now(),
        )
        _tell_officers(proposal)
    return proposal


def _tell_officers(proposal):
    name = proposal.proposed_by.get_full_name()
    title = proposal.title
    url = reverse("community:proposal_detail", args=[proposal.pk])
    officers = get_user_model().objects.filter(
        pk__in=OfficerTerm.objects.current()
        .filter(community=proposal.community)
        .exclude(user=proposal.proposed_by)
        .values("user")
    )
    for officer in officers:
        notify(
            officer,
            lambda: _("%(name)s proposed a programme: %(title)s") % {"name": name, "title": title},
            url=url,
        )


# --- Supporting ---------------------------------------------------------------


def check_can_support(user, proposal):
    community = proposal.community
    if not is_active_member(user, community):
        raise ProposalError(
            _("Only members of %(community)s can support its proposals.")
            % {"community": community.name}
        )
    if proposal.proposed_by_id == user.pk:
        raise ProposalError(_("You proposed this programme yourself, so you cannot support it."))
    if not is_open(proposal):
        raise ProposalError(
            _("This proposal is %(status)s, so support can no longer change.")
            % {"status": proposal.get_status_display().lower()}
        )


def support(user, proposal):
    """Add `user`'s support to another member's open proposal, once."""
    check_can_support(user, proposal)
    already = _("You already support this proposal.")
    if ProposalSupport.objects.filter(proposal=proposal, user=user).exists():
        raise ProposalError(already)
    try:
        with transaction.atomic():
            return ProposalSupport.objects.create(proposal=proposal, user=user)
    except IntegrityError as error:
        # The same support, sent twice at the same moment.
        raise ProposalError(already) from error


def withdraw_support(user, proposal):
    """Take back one's support while the proposal is still open."""
    if not is_open(proposal):
        raise ProposalError(
            _("This proposal is %(status)s, so support can no longer change.")
            % {"status": proposal.get_status_display().lower()}
        )
    deleted, _rows = ProposalSupport.objects.filter(proposal=proposal, user=user).delete()
    if not deleted:
        raise ProposalError(_("You do not support this proposal, so there is nothing to withdraw."))


# --- Deciding -----------------------------------------------------------------


def decide(officer, proposal, *, status, priority, reason=""):
    """An officer sets a proposal's priority and status in one go.

    Everything is checked before anything is saved. A new status needs an
    allowed step (`TRANSITIONS`), a rejection needs a reason the proposer can
    read, and the proposer is told of every new status (on the site and by
    email, after commit). Returns the names of the fields that changed.
    """
    check_officer(officer, proposal.community)
    if status not in Status.values:
        raise ProposalError(_("Choose one of the statuses."), field="status")
    if priority not in ["", *Priority.values]:
        raise ProposalError(
            _("Choose priority, not a priority, or not decided yet."), field="priority"
        )
    reason = _clean_text(reason)
    if len(reason) > REASON_MAX_LENGTH:
        raise ProposalError(
            _("Keep the reason under %(count)d characters.") % {"count": REASON_MAX_LENGTH},
            field="reason",
        )
    with transaction.atomic():
        # Locked, so two officers deciding at once cannot skip a step.
        current = Proposal.objects.select_for_update().get(pk=proposal.pk)
        changed = []
        if status != current.status:
            if status not in TRANSITIONS[current.status]:
                raise ProposalError(
                    _("A proposal that is %(current)s cannot become %(new)s.")
                    % {
                        "current": current.get_status_display().lower(),
                        "new": Status(status).label.lower(),
                    },
                    field="status",
                )
            if status == Status.REJECTED and not reason:
                raise ProposalError(
                    _("Give a reason when you reject a proposal; the proposer will read it."),
                    field="reason",
                )
            current.status = status
            current.status_reason = reason
            current.status_changed_by = officer
            current.status_changed_at = timezone.now()
            changed += ["status", "status_reason", "status_changed_by", "status_changed_at"]
        if priority != current.priority:
            current.priority = priority
            changed.append("priority")
        if changed:
            current.save(update_fields=changed)
            if "status" in changed:
                _tell_proposer(current, officer)
    for name in ["status", "status_reason", "status_changed_by", "status_changed_at", "priority"]:
        setattr(proposal, name, getattr(current, name))
    return changed


def _tell_proposer(proposal, officer):
    proposer = proposal.proposed_by
    if proposer is None or proposer.pk == officer.pk:
        return
    title = proposal.title
    status = Status(proposal.status)
    reason = proposal.status_reason
    url = reverse("community:proposal_detail", args=[proposal.pk])

    def message():
        text = _("Your proposal “%(title)s” is now: %(status)s.") % {
            "title": title,
            "status": status.label,
        }
        if reason:
            text += " " + _("Reason: %(reason)s") % {"reason": reason}
        return text

    notify(
        proposer,
        message,
        url=url,
        email_subject=lambda: (
            _("Your proposal “%(title)s”: %(status)s") % {"title": title, "status": status.label}
        ),
    )
