"""Joining a community, deciding on join requests, and recording a first board.

One rule per function, called by the views, the Wagtail admin, the demo
loader and tests alike. A function that says no raises `MembershipError`
with a message for the person and changes nothing.

Who decides on a join request: the officers of that community (a current
officer term, see `roles.py`). A community without a board — no current
term — cannot decide for itself yet, so an administrator acts for it until
its first board is recorded or elected. The same gap explains the one way
an administrator may create an officer term by hand: the *bootstrap* term,
recorded from the signed founding agreement before the community's first
election. Every request, decision and bootstrap term is written to Wagtail's
log, so it shows in the admin's history of the object.
"""

import logging

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from pusat.accounts.actions import notify
from pusat.accounts.roles import ADMINISTRATOR_GROUP, is_administrator, is_member

from .models import Membership, OfficerTerm
from .roles import is_officer

logger = logging.getLogger(__name__)

MOTIVATION_MAX_LENGTH = 1000
REASON_MAX_LENGTH = 1000

# Wagtail log actions (labels registered in wagtail_hooks.py).
LOG_REQUESTED = "community.membership.requested"
LOG_ACCEPTED = "community.membership.accepted"
LOG_DECLINED = "community.membership.declined"
LOG_BOOTSTRAP_TERM = "community.officer_term.bootstrap"


class MembershipError(Exception):
    """A rule said no; the message is for the person, in their language."""


# --- Who is who ---------------------------------------------------------------


def has_board(community, on=None):
    """True while at least one officer term of the community is in force."""
    return OfficerTerm.objects.current(on).filter(community=community).exists()


def membership_of(user):
    """The person's one membership row (any status), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Membership.objects.filter(user=user).select_related("community").first()


def is_active_member(user, community):
    return (
        getattr(user, "is_authenticated", False)
        and Membership.objects.active().filter(user=user, community=community).exists()
    )


def can_decide(user, community):
    """Officers of the community decide; an administrator acts for it only
    while it has no board."""
    if not getattr(user, "is_authenticated", False):
        return False
    if is_officer(user, community):
        return True
    return is_administrator(user) and not has_board(community)


def check_can_decide(user, community):
    if can_decide(user, community):
        return
    if getattr(user, "is_authenticated", False) and is_administrator(user):
        raise MembershipError(
            _(
                "%(community)s has a board now: its officers decide on join requests, "
                "not an administrator."
            )
            % {"community": community.name}
        )
    raise MembershipError(
        _("Only the officers of %(community)s may decide on its join requests.")
        % {"community": community.name}
    )


def can_see_directory(user, community):
    """The member directory is for the community's own members and officers,
    and for administrators (who look after people)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        is_active_member(user, community) or is_officer(user, community) or is_administrator(user)
    )


def deciders(community):
    """Who should hear about a new join request: the current officers, or the
    administrators while the community has no board."""
    User = get_user_model()
    officers = User.objects.filter(
        pk__in=OfficerTerm.objects.current().filter(community=community).values("user")
    )
    if officers.exists():
        return officers
    return User.objects.filter(
        Q(is_superuser=True) | Q(groups__name=ADMINISTRATOR_GROUP), is_active=True
    ).distinct()


# --- Joining --------------------------------------------------------------------


def check_can_join(user, community, existing=None):
    """Raise unless `user` may ask to join `community` now.

    One community per member: someone active anywhere, or with a request
    still waiting anywhere, is refused; a declined request may be followed
    by a new one (to the same community or another).
    """
    if not getattr(user, "is_authenticated", False) or not is_member(user):
        raise MembershipError(
            _("Only member accounts can join a community. Sign up as a member first.")
        )
    if existing is None:
        existing = Membership.objects.filter(user=user).select_related("community").first()
    if existing is None or existing.status == Membership.Status.DECLINED:
        return
    names = {"community": existing.community.name}
    if existing.status == Membership.Status.ACTIVE:
        if existing.community_id == community.pk:
            raise MembershipError(_("You are already a member of %(community)s.") % names)
        raise MembershipError(
            _("You are already a member of %(community)s. A member belongs to one community only.")
            % names
        )
    if existing.community_id == community.pk:
        raise MembershipError(
            _("Your request to join %(community)s is already waiting for a decision.") % names
        )
    raise MembershipError(
        _(
            "You have already asked to join %(community)s. Please wait for that decision "
            "before asking another community."
        )
        % names
    )


def clean_motivation(motivation):
    motivation = (motivation or "").strip()
    if not motivation:
        raise MembershipError(_("Write a few words about why you want to join."))
    if len(motivation) > MOTIVATION_MAX_LENGTH:
        raise MembershipError(
            _("Keep your motivation under %(count)d characters.") % {"count": MOTIVATION_MAX_LENGTH}
        )
    return motivation


def request_to_join(user, community, motivation):
    """Ask to join `community`; returns the pending membership."""
    motivation = clean_motivation(motivation)
    try:
        with transaction.atomic():
            # Locked, so a double tap or two tabs cannot both pass the checks.
            existing = (
                Membership.objects.select_for_update(of=("self",))
                .select_related("community")
                .filter(user=user)
                .first()
            )
            check_can_join(user, community, existing)
            membership = existing or Membership(user=user)
            membership.community = community
            membership.status = Membership.Status.PENDING
            membership.motivation = motivation
            membership.requested_at = timezone.now()
            # A new request starts afresh; the earlier decision stays in the log.
            membership.decided_at = None
            membership.decided_by = None
            membership.decline_reason = ""
            membership.save()
            log(membership, LOG_REQUESTED, user=user, data={"community": community.name})
            _tell_deciders(membership)
    except IntegrityError as error:
        # The user's one row was created by a simultaneous request.
        raise MembershipError(
            _("Your request to join %(community)s is already waiting for a decision.")
            % {"community": community.name}
        ) from error
    return membership


def _tell_deciders(membership):
    name = membership.user.get_full_name()
    community = membership.community.name
    url = reverse("community:join_requests", kwargs={"slug": membership.community.slug})
    for person in deciders(membership.community):
        notify(
            person,
            lambda: (
                _("%(name)s asks to join %(community)s.") % {"name": name, "community": community}
            ),
            url=url,
        )


# --- Deciding -------------------------------------------------------------------


def decide(decider, membership, *, accept, reason=""):
    """Accept or decline a waiting request; the member is told on the site and
    by email. Declining needs a reason the member can read."""
    reason = (reason or "").strip()
    check_can_decide(decider, membership.community)
    if membership.user_id == decider.pk:
        raise MembershipError(_("You cannot decide on your own request."))
    if not accept and not reason:
        raise MembershipError(
            _("Give a reason when you decline a request; the member will read it.")
        )
    if len(reason) > REASON_MAX_LENGTH:
        raise MembershipError(
            _("Keep the reason under %(count)d characters.") % {"count": REASON_MAX_LENGTH}
        )
    with transaction.atomic():
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        if (
            locked.status != Membership.Status.PENDING
            or locked.community_id != membership.community_id
        ):
            raise MembershipError(_("This request has already been decided."))
        membership.status = Membership.Status.ACTIVE if accept else Membership.Status.DECLINED
        membership.decided_at = timezone.now()
        membership.decided_by = decider
        membership.decline_reason = "" if accept else reason
        membership.save(update_fields=["status", "decided_at", "decided_by", "decline_reason"])
        log(
            membership,
            LOG_ACCEPTED if accept else LOG_DECLINED,
            user=decider,
            data={"community": membership.community.name, "reason": membership.decline_reason},
        )
        _tell_member(membership, accept)
    return membership


def _tell_member(membership, accepted):
    community = membership.community.name
    reason = membership.decline_reason
    url = reverse("community:detail", kwargs={"slug": membership.community.slug})
    if accepted:
        notify(
            membership.user,
            lambda: (
                _("Welcome! Your request to join %(community)s was accepted.")
                % {"community": community}
            ),
            url=url,
            email_subject=lambda: (
                _("You are now a member of %(community)s") % {"community": community}
            ),
        )
    else:
        notify(
            membership.user,
            lambda: (
                _("Your request to join %(community)s was declined. Reason: %(reason)s")
                % {"community": community, "reason": reason}
            ),
            url=url,
            email_subject=lambda: (
                _("Your request to join %(community)s was declined") % {"community": community}
            ),
        )


# --- Recording a first board (bootstrap) ----------------------------------------


def check_bootstrap_term(recorder, *, community, user, role, starts_on, ends_on=None):
    """Raise unless an administrator may record this first-board term by hand.

    Allowed only before the community's first election has installed a board;
    after that, officer terms come from elections only.
    """
    if not (getattr(recorder, "is_authenticated", False) and is_administrator(recorder)):
        raise MembershipError(_("Only an administrator may record a first board."))
    names = {"community": community.name, "person": user.get_full_name()}
    if OfficerTerm.objects.filter(community=community, source=OfficerTerm.Source.ELECTION).exists():
        raise MembershipError(
            _(
                "%(community)s has held an election: its officers now come from "
                "elections, not from the administrator."
            )
            % names
        )
    if ends_on is not None and ends_on < starts_on:
        raise MembershipError(_("A term cannot end before it starts."))
    if not Membership.objects.active().filter(user=user, community=community).exists():
        raise MembershipError(_("%(person)s is not a member of %(community)s.") % names)
    overlapping = OfficerTerm.objects.filter(community=community).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on)
    )
    if ends_on is not None:
        overlapping = overlapping.filter(starts_on__lte=ends_on)
    if overlapping.filter(role=role).exists():
        raise MembershipError(
            _("%(community)s already has a %(office)s for that period.")
            % {**names, "office": OfficerTerm.Role(role).label}
        )
    if overlapping.filter(user=user).exists():
        raise MembershipError(
            _("%(person)s already holds an office in %(community)s for that period.") % names
        )


def record_bootstrap_term(recorder, *, community, user, role, starts_on, ends_on=None):
    """Record one first-board officer term, as the signed agreement says."""
    fields = {
        "community": community,
        "user": user,
        "role": role,
        "starts_on": starts_on,
        "ends_on": ends_on,
    }
    with transaction.atomic():
        check_bootstrap_term(recorder, **fields)
        term = OfficerTerm.objects.create(
            **fields,
            source=OfficerTerm.Source.BOOTSTRAP,
            recorded_by=recorder,
            recorded_at=timezone.now(),
        )
        log(
            term,
            LOG_BOOTSTRAP_TERM,
            user=recorder,
            data={
                "community": community.name,
                "officer": user.get_full_name(),
                "role": role,
                "starts_on": starts_on.isoformat(),
                "ends_on": ends_on.isoformat() if ends_on else None,
            },
        )
    logger.info(
        "Bootstrap officer term %s recorded by %s: %s is %s of %s from %s to %s",
        term.pk,
        recorder.pk,
        user.pk,
        role,
        community.slug,
        starts_on,
        ends_on or "open",
    )
    return term
