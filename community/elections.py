"""Elections, one rule per function: who may nominate, vote, close and install.

Views, the admin, the demo loader and tests all go through here. A function
that says no raises `ElectionError` with a message for the person and
changes nothing. Every action is written to the election's audit log.

Ballot secrecy: a vote writes a `Participation` row (who voted for which
position) and a `Ballot` row (what was chosen, under a random id, with only
a hash of the voter's receipt code) — nothing links the two. The unique
constraint on `Participation` makes a second, simultaneous vote fail inside
the same transaction, so its ballot is rolled back with it.
"""

import datetime
import hashlib
import secrets
from collections import Counter
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from pusat.accounts.roles import is_administrator

from .models import (
    AuditEntry,
    Ballot,
    ConsensusAttendance,
    ConsensusDecision,
    Election,
    EligibleVoter,
    Membership,
    Nomination,
    OfficerTerm,
    Participation,
    Position,
    TieBreak,
)
from .roles import is_officer

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class ElectionError(Exception):
    """A rule said no; the message is for the person, in their language."""


def log(election, action, actor=None, detail=""):
    AuditEntry.objects.create(election=election, action=action, actor=actor, detail=detail[:300])


# --- Who is who ---------------------------------------------------------------


def is_member_of(user, community):
    return (
        user.is_authenticated
        and Membership.objects.active().filter(user=user, community=community).exists()
    )


def may_run(user, community):
    """Officers run their community's elections; administrators act for a
    community that has no board yet (the first election)."""
    if not user.is_authenticated:
        return False
    if is_officer(user, community):
        return True
    if not is_administrator(user):
        return False
    return not OfficerTerm.objects.current().filter(community=community).exists()


def check_may_run(user, community):
    if not may_run(user, community):
        raise ElectionError(_("Only the community's officers may run its elections."))


# --- Phases -------------------------------------------------------------------


def phase(election, now=None):
    now = now or timezone.now()
    if election.cancelled_at:
        return "cancelled"
    if election.installed_at:
        return "installed"
    if election.closed_at:
        return "closed"
    if now < election.nomination_opens_at:
        return "upcoming"
    if now < election.nomination_closes_at:
        return "nomination"
    if now < election.voting_opens_at:
        return "between"
    if now < election.voting_closes_at:
        return "voting"
    return "counting"


def check_windows(nomination_opens_at, nomination_closes_at, voting_opens_at, voting_closes_at):
    if not nomination_opens_at < nomination_closes_at <= voting_opens_at < voting_closes_at:
        raise ElectionError(
            _(
                "The dates must follow each other: nomination opens, nomination closes, "
                "voting opens, voting closes."
            )
        )


DEFAULT_ROLES = [role for role, _label in OfficerTerm.Role.choices]


def create_election(actor, community, *, title, method, windows, roles=None, quorum_percent=50):
    check_may_run(actor, community)
    check_windows(*windows)
    if not 1 <= quorum_percent <= 100:
        raise ElectionError(_("The quorum must be between 1 and 100 percent."))
    with transaction.atomic():
        election = Election.objects.create(
            community=community,
            title=title,
            method=method,
            nomination_opens_at=windows[0],
            nomination_closes_at=windows[1],
            voting_opens_at=windows[2],
            voting_closes_at=windows[3],
            quorum_percent=quorum_percent,
            created_by=actor,
        )
        for order, role in enumerate(roles or DEFAULT_ROLES):
            Position.objects.create(election=election, role=role, order=order)
        log(election, AuditEntry.Action.CREATED, actor, title)
    return election


def change_windows(actor, election, windows, now=None):
    check_may_run(actor, election.community)
    if phase(election, now) not in {"upcoming", "nomination", "between"}:
        raise ElectionError(_("Dates can no longer change once voting has opened."))
    check_windows(*windows)
    (
        election.nomination_opens_at,
        election.nomination_closes_at,
        election.voting_opens_at,
        election.voting_closes_at,
    ) = windows
    election.save()
    log(
        election,
        AuditEntry.Action.WINDOW_CHANGED,
        actor,
        " → ".join(f"{moment:%Y-%m-%d %H:%M}" for moment in windows),
    )


# --- Nomination ---------------------------------------------------------------


def nominate(actor, position, nominee, statement="", programme="", now=None):
    election = position.election
    if phase(election, now) != "nomination":
        raise ElectionError(_("Nominations are not open now."))
    if not is_member_of(actor, election.community):
        raise ElectionError(_("Only members of this community may nominate."))
    if not is_member_of(nominee, election.community):
        raise ElectionError(_("Only members of this community can be nominated."))
    if Nomination.objects.filter(position=position, nominee=nominee).exists():
        raise ElectionError(_("This member has already been nominated for this position."))
    accepted = timezone.now() if actor == nominee else None
    nomination = Nomination.objects.create(
        position=position,
        nominee=nominee,
        nominated_by=actor,
        statement=statement.strip(),
        programme=programme.strip(),
        accepted_at=accepted,
    )
    log(
        election,
        AuditEntry.Action.NOMINATED,
        actor,
        f"{nominee.full_name} — {position.get_role_display()}",
    )
    if accepted:
        log(election, AuditEntry.Action.ACCEPTED, actor, position.get_role_display())
    return nomination


def respond(actor, nomination, *, accept, statement=None, programme=None, now=None):
    election = nomination.position.election
    if actor != nomination.nominee:
        raise ElectionError(_("Only the nominee can accept or decline a nomination."))
    if phase(election, now) not in {"nomination", "between"}:
        raise ElectionError(_("Nominations can no longer be answered."))
    if accept:
        nomination.accepted_at = timezone.now()
        nomination.declined_at = None
        if statement is not None:
            nomination.statement = statement.strip()
        if programme is not None:
            nomination.programme = programme.strip()
    else:
        nomination.declined_at = timezone.now()
        nomination.accepted_at = None
    nomination.save()
    log(
        election,
        AuditEntry.Action.ACCEPTED if accept else AuditEntry.Action.DECLINED,
        actor,
        nomination.position.get_role_display(),
    )
    return nomination


def candidates(position):
    return position.nominations.filter(accepted_at__isnull=False, declined_at__isnull=True)


# --- Voting ---------------------------------------------------------------------


def freeze_electorate(election, now=None):
    """The members of the community at the moment voting opened, once."""
    if election.electorate_frozen_at:
        return
    if phase(election, now) not in {"voting", "counting"}:
        return
    with transaction.atomic():
        locked = Election.objects.select_for_update().get(pk=election.pk)
        if locked.electorate_frozen_at:
            election.electorate_frozen_at = locked.electorate_frozen_at
            return
        members = (
            Membership.objects.active()
            .filter(community=election.community)
            .filter(Q(decided_at__isnull=True) | Q(decided_at__lte=election.voting_opens_at))
        )
        EligibleVoter.objects.bulk_create(
            [EligibleVoter(election=election, user_id=m.user_id) for m in members],
            ignore_conflicts=True,
        )
        locked.electorate_frozen_at = timezone.now()
        locked.save(update_fields=["electorate_frozen_at"])
        election.electorate_frozen_at = locked.electorate_frozen_at
        log(election, AuditEntry.Action.VOTING_OPENED, None, f"{len(members)}")


def new_receipt():
    return "-".join(
        "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(4)) for _part in range(3)
    )


def receipt_hash(receipt, position):
    return hashlib.sha256(f"{receipt.strip().upper()}|{position.pk}".encode()).hexdigest()


def cast_votes(voter, election, choices, now=None):
    """Vote for several positions at once: {position: nomination}.

    Returns the receipt code, shown to the voter once. Raises if any choice is
    refused; then nothing is recorded.
    """
    if election.method != Election.Method.MAJORITY:
        raise ElectionError(_("This election is decided by consensus, not by vote."))
    if phase(election, now) != "voting":
        raise ElectionError(_("Voting is not open now."))
    freeze_electorate(election, now)
    if not EligibleVoter.objects.filter(election=election, user=voter).exists():
        raise ElectionError(
            _("Only members of this community at the moment voting opened may vote.")
        )
    if not choices:
        raise ElectionError(_("Choose a candidate for at least one position."))
    receipt = new_receipt()
    try:
        with transaction.atomic():
            for position, nomination in choices.items():
                if position.election_id != election.pk:
                    raise ElectionError(_("That position belongs to another election."))
                if nomination.position_id != position.pk or not nomination.is_candidate:
                    raise ElectionError(_("Choose one of the candidates who accepted."))
                # The participation first: a second vote fails here, before
                # its ballot exists.
                Participation.objects.create(position=position, user=voter)
                Ballot.objects.create(
                    position=position,
                    choice=nomination,
                    receipt_hash=receipt_hash(receipt, position),
                )
                log(election, AuditEntry.Action.VOTE_CAST, voter, position.get_role_display())
    except IntegrityError as exc:
        raise ElectionError(_("You have already voted for this position.")) from exc
    return receipt


def has_voted(user, position):
    return Participation.objects.filter(position=position, user=user).exists()


def verify_receipt(receipt):
    """The positions whose ballot box holds a ballot for this receipt, for
    elections whose results are published. Reveals nothing about the choice."""
    positions = {
        receipt_hash(receipt, position): position
        for position in Position.objects.filter(election__closed_at__isnull=False).select_related(
            "election"
        )
    }
    # One lookup for all published positions, not one per position.
    found = Ballot.objects.filter(receipt_hash__in=positions).values_list("receipt_hash", flat=True)
    return [positions[digest] for digest in found]


# --- Consensus ------------------------------------------------------------------


def record_attendance(actor, election, users, now=None):
    check_may_run(actor, election.community)
    if election.method != Election.Method.CONSENSUS:
        raise ElectionError(_("Attendance is recorded for consensus elections only."))
    for user in users:
        if not is_member_of(user, election.community):
            raise ElectionError(_("Only members of this community can be recorded as present."))
        ConsensusAttendance.objects.get_or_create(election=election, user=user)


def confirm_attendance(user, election):
    attendance = ConsensusAttendance.objects.filter(election=election, user=user).first()
    if attendance is None:
        raise ElectionError(_("You were not recorded as present at this deliberation."))
    attendance.confirmed_at = attendance.confirmed_at or timezone.now()
    attendance.save(update_fields=["confirmed_at"])


def record_consensus(actor, position, holder, account, now=None):
    election = position.election
    check_may_run(actor, election.community)
    if election.method != Election.Method.CONSENSUS:
        raise ElectionError(_("This election is decided by vote, not by consensus."))
    if phase(election, now) not in {"voting", "counting"}:
        raise ElectionError(_("The deliberation is recorded during or after its agreed time."))
    if not is_member_of(holder, election.community):
        raise ElectionError(_("Only members of this community can hold an office."))
    if not account.strip():
        raise ElectionError(_("Write a short account of the deliberation."))
    ConsensusDecision.objects.update_or_create(
        position=position,
        defaults={"holder": holder, "account": account.strip(), "recorded_by": actor},
    )
    log(
        election,
        AuditEntry.Action.CONSENSUS_RECORDED,
        actor,
        f"{position.get_role_display()}: {holder.full_name}",
    )


# --- Results ----------------------------------------------------------------------


@dataclass
class PositionResult:
    position: Position
    counts: list = field(default_factory=list)  # [(nomination, votes)], most first
    ballots: int = 0
    voters: int = 0
    winner: object = None  # a user
    tied: list = field(default_factory=list)


@dataclass
class ElectionResult:
    election: Election
    positions: list
    electorate: int
    participants: int
    quorum_met: bool

    @property
    def turnout_percent(self):
        return (self.participants * 100) // self.electorate if self.electorate else 0

    @property
    def undecided(self):
        return [result for result in self.positions if result.winner is None]


def tally(election):
    """Count the votes. Call only once results may be seen (see `results`)."""
    positions = list(election.positions.all())
    electorate = EligibleVoter.objects.filter(election=election).count()
    participants = (
        Participation.objects.filter(position__election=election).values("user").distinct().count()
    )
    if election.method == Election.Method.CONSENSUS:
        attendance = ConsensusAttendance.objects.filter(election=election).count()
        decisions = {
            d.position_id: d for d in ConsensusDecision.objects.filter(position__in=positions)
        }
        electorate = Membership.objects.active().filter(community=election.community).count()
        result = ElectionResult(
            election,
            [
                PositionResult(
                    position=p,
                    winner=decisions[p.pk].holder if p.pk in decisions else None,
                )
                for p in positions
            ],
            electorate,
            attendance,
            electorate > 0 and attendance * 100 >= election.quorum_percent * electorate,
        )
        return result
    ballots = Counter(
        Ballot.objects.filter(position__in=positions).values_list("position_id", "choice_id")
    )
    voters = Counter(
        Participation.objects.filter(position__in=positions).values_list("position_id", flat=True)
    )
    tie_breaks = {t.position_id: t for t in TieBreak.objects.filter(position__in=positions)}
    nominations = {
        n.pk: n for n in Nomination.objects.filter(position__in=positions).select_related("nominee")
    }
    results = []
    for position in positions:
        counts = sorted(
            (
                (nomination, ballots[(position.pk, nomination.pk)])
                for nomination in nominations.values()
                if nomination.position_id == position.pk and nomination.is_candidate
            ),
            key=lambda pair: (-pair[1], pair[0].nominee.full_name),
        )
        result = PositionResult(
            position=position,
            counts=counts,
            ballots=sum(count for _nomination, count in counts),
            voters=voters[position.pk],
        )
        if counts and counts[0][1] > 0:
            top = [nomination for nomination, count in counts if count == counts[0][1]]
            if len(top) == 1:
                result.winner = top[0].nominee
            elif position.pk in tie_breaks:
                result.winner = tie_breaks[position.pk].winner.nominee
                result.tied = top
            else:
                result.tied = top
        results.append(result)
    return ElectionResult(
        election,
        results,
        electorate,
        participants,
        electorate > 0 and participants * 100 >= election.quorum_percent * electorate,
    )


def results_visible(election, now=None):
    """Nobody — administrators included — sees counts before the close."""
    return election.closed_at is not None


def shuffle_ballot_box(election):
    """Rewrite the election's ballots in random key order, in one transaction.

    A ballot and its voter's participation are written by the same
    transaction, so storage order (SQLite's rowid, PostgreSQL's heap) and
    PostgreSQL's `xmin` would pair them. Rewritten at the close, ballots sit
    in the order of their random ids and all carry the close's transaction.
    """
    box = Ballot.objects.filter(position__election=election)
    ballots = list(box.order_by("id").values("id", "position_id", "choice_id", "receipt_hash"))
    box.delete()
    Ballot.objects.bulk_create([Ballot(**ballot) for ballot in ballots])


def close(actor, election, now=None):
    check_may_run(actor, election.community)
    if phase(election, now) != "counting":
        raise ElectionError(_("An election can be closed only after its voting window ends."))
    freeze_electorate(election, now)
    with transaction.atomic():
        election.closed_at = timezone.now()
        election.save(update_fields=["closed_at"])
        shuffle_ballot_box(election)
    result = tally(election)
    log(
        election,
        AuditEntry.Action.CLOSED,
        actor,
        f"{result.participants}/{result.electorate}",
    )
    return result


def break_tie(actor, position, winner, method, account):
    election = position.election
    check_may_run(actor, election.community)
    if not election.closed_at:
        raise ElectionError(_("Ties are resolved after the election is closed."))
    result = next(r for r in tally(election).positions if r.position.pk == position.pk)
    if winner not in result.tied:
        raise ElectionError(_("Choose one of the tied candidates."))
    if method not in TieBreak.Method.values:
        raise ElectionError(_("Choose how the tie was resolved: a run-off vote or consensus."))
    if not account.strip():
        raise ElectionError(_("Write how the tie was resolved."))
    TieBreak.objects.update_or_create(
        position=position,
        defaults={
            "method": method,
            "winner": winner,
            "account": account.strip(),
            "recorded_by": actor,
        },
    )
    log(
        election,
        AuditEntry.Action.TIE_BROKEN,
        actor,
        f"{position.get_role_display()}: {winner.nominee.full_name}",
    )


def install(actor, election, agreement_document=None, today=None):
    """Pelantikan: the winners' officer terms begin and the previous board's end."""
    check_may_run(actor, election.community)
    if not election.closed_at:
        raise ElectionError(_("Close the election before installing the board."))
    if election.installed_at:
        raise ElectionError(_("This board has already been installed."))
    result = tally(election)
    if not result.quorum_met:
        raise ElectionError(_("The quorum was not met, so the result cannot be installed."))
    if result.undecided:
        raise ElectionError(
            _("Every position needs a holder first: resolve ties or record the consensus.")
        )
    today = today or timezone.localdate()
    community = election.community
    with transaction.atomic():
        # Only the offices this election filled change hands.
        OfficerTerm.objects.current(today).filter(
            community=community, role__in=[r.position.role for r in result.positions]
        ).update(ends_on=today - datetime.timedelta(days=1))
        for position_result in result.positions:
            OfficerTerm.objects.create(
                community=community,
                user=position_result.winner,
                role=position_result.position.role,
                starts_on=today,
                ends_on=today.replace(year=today.year + election.term_years)
                - datetime.timedelta(days=1),
                source=OfficerTerm.Source.ELECTION,
                election=election,
                recorded_by=actor,
            )
        election.installed_at = timezone.now()
        if agreement_document is not None:
            election.agreement_document = agreement_document
            community.agreement_document = agreement_document
            community.save(update_fields=["agreement_document"])
        election.save(update_fields=["installed_at", "agreement_document"])
        log(election, AuditEntry.Action.INSTALLED, actor, f"{len(result.positions)}")
