"""Election pages under /komunitas/pemilihan/: thin views over `elections.py`."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from pusat import pagecache
from pusat.accounts.roles import is_editor

from . import elections
from .models import (
    AuditEntry,
    ConsensusAttendance,
    ConsensusDecision,
    Election,
    EligibleVoter,
    Membership,
    Nomination,
    OfficerTerm,
    Position,
    TieBreak,
)


def community_zone(community):
    """Election times are typed and shown on the community's own clock."""
    from .minutes import meeting_zone

    return meeting_zone(community)


def zone_label(zone):
    from .models import Event

    return Event.ZONE_ABBREVIATIONS.get(str(zone), str(zone))


def can_see(user, election):
    return user.is_authenticated and (
        elections.is_member_of(user, election.community)
        or elections.may_run(user, election.community)
        or is_editor(user)
    )


def get_visible_election(request, pk, *related):
    election = get_object_or_404(Election.objects.select_related("community", *related), pk=pk)
    if not can_see(request.user, election):
        raise PermissionDenied
    return election


def members_of(community):
    User = get_user_model()
    return User.objects.filter(
        membership__community=community, membership__status=Membership.Status.ACTIVE
    ).order_by("full_name")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class ElectionForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=150)
    method = forms.ChoiceField(label=gettext_lazy("Method"), choices=Election.Method.choices)
    nomination_opens_at = forms.DateTimeField(
        label=gettext_lazy("Nomination opens"), widget=DateTimeInput()
    )
    nomination_closes_at = forms.DateTimeField(
        label=gettext_lazy("Nomination closes"), widget=DateTimeInput()
    )
    voting_opens_at = forms.DateTimeField(
        label=gettext_lazy("Voting (or deliberation) opens"), widget=DateTimeInput()
    )
    voting_closes_at = forms.DateTimeField(
        label=gettext_lazy("Voting (or deliberation) closes"), widget=DateTimeInput()
    )
    quorum_percent = forms.IntegerField(
        label=gettext_lazy("Quorum (% of members)"), min_value=1, max_value=100, initial=50
    )
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Offices to fill"),
        choices=OfficerTerm.Role.choices,
        initial=[role for role, _label in OfficerTerm.Role.choices],
        widget=forms.CheckboxSelectMultiple,
    )


@login_required
def election_list(request):
    user = request.user
    communities = set(
        Membership.objects.active().filter(user=user).values_list("community_id", flat=True)
    )
    from .roles import current_terms

    communities |= set(current_terms(user).values_list("community_id", flat=True))
    items = Election.objects.select_related("community")
    if not is_editor(user):
        items = items.filter(community_id__in=communities)
    items = list(items.order_by("-voting_opens_at")[:50])
    for election in items:
        election.phase = elections.phase(election)
    runnable = [
        m.community
        for m in Membership.objects.active().filter(user=user).select_related("community")
        if elections.may_run(user, m.community)
    ]
    return render(
        request,
        "community/elections/list.html",
        {"elections": items, "runnable": runnable},
    )


@login_required
def election_create(request):
    from .models import Community

    community = get_object_or_404(Community, slug=request.GET.get("komunitas", ""))
    if not elections.may_run(request.user, community):
        raise PermissionDenied
    zone = community_zone(community)
    timezone.activate(zone)  # the typed times are the community's local times
    form = ElectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            election = elections.create_election(
                request.user,
                community,
                title=data["title"],
                method=data["method"],
                windows=(
                    data["nomination_opens_at"],
                    data["nomination_closes_at"],
                    data["voting_opens_at"],
                    data["voting_closes_at"],
                ),
                quorum_percent=data["quorum_percent"],
                roles=data["roles"],
            )
        except elections.ElectionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The election has been created."))
            return redirect("community:election_detail", election.pk)
    return render(
        request,
        "community/elections/form.html",
        {"form": form, "community": community, "zone_label": zone_label(zone)},
        status=400 if form.errors else 200,
    )


@login_required
def election_detail(request, pk):
    election = get_visible_election(request, pk)
    zone = community_zone(election.community)
    timezone.activate(zone)
    user = request.user
    phase = elections.phase(election)
    positions = list(election.positions.all())
    nominations = list(
        Nomination.objects.filter(position__in=positions).select_related("nominee", "position")
    )
    for position in positions:
        position.candidates = [
            n for n in nominations if n.position_id == position.pk and n.is_candidate
        ]
    return render(
        request,
        "community/elections/detail.html",
        {
            "election": election,
            "phase": phase,
            "positions": positions,
            "my_nominations": [
                n for n in nominations if n.nominee_id == user.pk and n.accepted_at is None
            ],
            "is_member": elections.is_member_of(user, election.community),
            "may_run": elections.may_run(user, election.community),
            "members": members_of(election.community) if phase == "nomination" else [],
            "my_attendance": ConsensusAttendance.objects.filter(
                election=election, user=user
            ).first(),
            "voted_all": bool(positions)
            and election.positions.filter(participations__user=user).count() == len(positions),
            "zone_label": zone_label(zone),
        },
    )


@login_required
@require_POST
def nominate(request, pk):
    election = get_visible_election(request, pk)
    position = get_object_or_404(Position, pk=_posted_id(request, "position"), election=election)
    nominee = members_of(election.community).filter(pk=_posted_id(request, "nominee")).first()
    try:
        if nominee is None:
            raise elections.ElectionError(_("Only members of this community can be nominated."))
        elections.nominate(
            request.user,
            position,
            nominee,
            statement=_posted_text(request, "statement", 1000),
            programme=_posted_text(request, "programme", 2000),
        )
    except elections.ElectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The nomination has been recorded."))
    return redirect("community:election_detail", election.pk)


def _posted_text(request, name, limit):
    # Read straight from the request, not through a form: drop NUL bytes, which
    # no one types and PostgreSQL cannot store.
    return request.POST.get(name, "").replace("\x00", "")[:limit]


def _posted_id(request, name):
    """A posted id as a number, or None for anything else (text, "", "²")."""
    return _as_id(request.POST.get(name, ""))


def _as_id(value):
    """An id typed in ASCII digits as a number, or None ("", "abc", "²", "١٢")."""
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 18 else None


@login_required
@require_POST
def respond(request, pk):
    nomination = get_object_or_404(Nomination.objects.select_related("position__election"), pk=pk)
    try:
        elections.respond(
            request.user,
            nomination,
            accept=request.POST.get("answer") == "accept",
            statement=_posted_text(request, "statement", 1000),
            programme=_posted_text(request, "programme", 2000),
        )
    except elections.ElectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your answer has been recorded."))
    return redirect("community:election_detail", nomination.position.election_id)


@login_required
def ballot(request, pk):
    election = get_visible_election(request, pk)
    positions = list(election.positions.all())
    candidates = {p.pk: list(elections.candidates(p).select_related("nominee")) for p in positions}
    for position in positions:
        position.candidate_list = candidates[position.pk]
        position.already = elections.has_voted(request.user, position)
    receipt = None
    error = None
    if request.method == "POST":
        choices = {}
        for position in positions:
            chosen = request.POST.get(f"position-{position.pk}")
            if chosen:
                match = next((n for n in candidates[position.pk] if str(n.pk) == chosen), None)
                if match is None:
                    error = _("Choose one of the candidates who accepted.")
                    break
                choices[position] = match
        if error is None:
            try:
                receipt = elections.cast_votes(request.user, election, choices)
            except elections.ElectionError as exc:
                error = str(exc)
            else:
                # Shown after a redirect, so a reload does not post the vote again.
                request.session[f"election-receipt-{election.pk}"] = receipt
                return redirect("community:election_ballot", election.pk)
    else:
        receipt = request.session.pop(f"election-receipt-{election.pk}", None)
    return render(
        request,
        "community/elections/ballot.html",
        {
            "election": election,
            "phase": elections.phase(election),
            "positions": positions,
            "receipt": receipt,
            "error": error,
        },
        status=400 if error else 200,
    )


@login_required
@require_POST
def close(request, pk):
    election = get_visible_election(request, pk)
    try:
        elections.close(request.user, election)
    except elections.ElectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The election is closed and its results are published."))
    return redirect("community:election_results", election.pk)


def store_agreement(user, election, upload):
    """The signed agreement (surat kesepakatan) as a Wagtail document."""
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    from .minutes import MinutesError, check_attachment

    try:
        kind = check_attachment(upload)
    except MinutesError as exc:
        raise elections.ElectionError(str(exc)) from exc
    upload.name = f"surat-kesepakatan-{election.community.slug}-{election.pk}.{kind}"
    document = get_document_model()(
        title=_("Signed agreement — %(community)s") % {"community": election.community.name},
        file=upload,
        collection=Collection.get_first_root_node(),
        uploaded_by_user=user,
    )
    document._set_document_file_metadata()
    document.save()
    return document


@login_required
@require_POST
def install(request, pk):
    election = get_visible_election(request, pk)
    try:
        if not elections.may_run(request.user, election.community):
            raise elections.ElectionError(_("Only the community's officers may run its elections."))
        upload = request.FILES.get("agreement")
        document = store_agreement(request.user, election, upload) if upload else None
        elections.install(request.user, election, agreement_document=document)
    except elections.ElectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The new board has been installed."))
    return redirect("community:election_results", election.pk)


class WindowsForm(forms.Form):
    nomination_opens_at = ElectionForm.base_fields["nomination_opens_at"]
    nomination_closes_at = ElectionForm.base_fields["nomination_closes_at"]
    voting_opens_at = ElectionForm.base_fields["voting_opens_at"]
    voting_closes_at = ElectionForm.base_fields["voting_closes_at"]


@login_required
def change_windows(request, pk):
    election = get_visible_election(request, pk)
    if not elections.may_run(request.user, election.community):
        raise PermissionDenied
    names = ["nomination_opens_at", "nomination_closes_at", "voting_opens_at", "voting_closes_at"]
    zone = community_zone(election.community)
    timezone.activate(zone)
    form = WindowsForm(
        request.POST or None,
        initial={name: timezone.localtime(getattr(election, name)) for name in names},
    )
    if request.method == "POST" and form.is_valid():
        try:
            elections.change_windows(
                request.user, election, tuple(form.cleaned_data[name] for name in names)
            )
        except elections.ElectionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The dates have been changed and logged."))
            return redirect("community:election_detail", election.pk)
    return render(
        request,
        "community/elections/windows.html",
        {"election": election, "form": form, "zone_label": zone_label(zone)},
        status=400 if form.errors else 200,
    )


@login_required
def results(request, pk):
    election = get_visible_election(request, pk, "agreement_document")
    if not elections.results_visible(election):
        messages.info(request, _("Results are published when the election is closed."))
        return redirect("community:election_detail", election.pk)
    return render(
        request,
        "community/elections/results.html",
        {
            "election": election,
            # A closed election's count only changes with a recorded tie-break,
            # which (like any change) makes the stored count stale.
            "result": pagecache.cached("election-tally", lambda: elections.tally(election), pk),
            "electorate": EligibleVoter.objects.filter(election=election)
            .select_related("user")
            .order_by("user__full_name"),
            "may_run": elections.may_run(request.user, election.community),
        },
    )


@login_required
def audit(request, pk):
    election = get_visible_election(request, pk)
    zone = community_zone(election.community)
    timezone.activate(zone)
    return render(
        request,
        "community/elections/audit.html",
        {
            "election": election,
            "entries": AuditEntry.objects.filter(election=election).select_related("actor"),
            "zone_label": zone_label(zone),
        },
    )


def verify(request):
    """Anyone with a receipt checks that their ballot was counted."""
    code = request.GET.get("kode", "").strip()[:20]
    counted = elections.verify_receipt(code) if code else None
    return render(
        request,
        "community/elections/verify.html",
        {"code": code, "counted": counted, "checked_at": timezone.now()},
    )


@login_required
def consensus(request, pk):
    """The facilitator records attendance and the agreed holder of each office."""
    election = get_visible_election(request, pk)
    if not elections.may_run(request.user, election.community):
        raise PermissionDenied
    if election.method != Election.Method.CONSENSUS:
        raise PermissionDenied
    members = list(members_of(election.community))
    positions = list(election.positions.all())
    decisions = {d.position_id: d for d in ConsensusDecision.objects.filter(position__in=positions)}
    present = set(
        ConsensusAttendance.objects.filter(election=election).values_list("user_id", flat=True)
    )
    error = None
    if request.method == "POST":
        by_id = {member.pk: member for member in members}
        try:
            # All or nothing: a refused holder must not leave the attendance saved.
            with transaction.atomic():
                chosen = [
                    by_id[pk] for pk in map(_as_id, request.POST.getlist("present")) if pk in by_id
                ]
                elections.record_attendance(request.user, election, chosen)
                for position in positions:
                    holder_value = request.POST.get(f"holder-{position.pk}")
                    if holder_value:
                        holder = by_id.get(_as_id(holder_value))
                        if holder is None:
                            raise elections.ElectionError(
                                _("Only members of this community can hold an office.")
                            )
                        elections.record_consensus(
                            request.user,
                            position,
                            holder,
                            _posted_text(request, f"account-{position.pk}", 4000),
                        )
        except elections.ElectionError as exc:
            error = str(exc)
        else:
            messages.success(request, _("The deliberation has been recorded."))
            return redirect("community:election_detail", election.pk)
    for position in positions:
        position.decision = decisions.get(position.pk)
    return render(
        request,
        "community/elections/consensus.html",
        {
            "election": election,
            "members": members,
            "positions": positions,
            "present": present,
            "error": error,
        },
        status=400 if error else 200,
    )


@login_required
@require_POST
def confirm_attendance(request, pk):
    election = get_visible_election(request, pk)
    try:
        elections.confirm_attendance(request.user, election)
    except elections.ElectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Thank you: your presence is confirmed."))
    return redirect("community:election_detail", election.pk)


@login_required
@require_POST
def break_tie(request, pk, position_pk):
    election = get_visible_election(request, pk)
    position = get_object_or_404(Position, pk=position_pk, election=election)
    winner_pk = _posted_id(request, "winner")
    winner = (
        Nomination.objects.filter(pk=winner_pk, position=position).first() if winner_pk else None
    )
    try:
        if winner is None:
            raise elections.ElectionError(_("Choose one of the tied candidates."))
        elections.break_tie(
            request.user,
            position,
            winner,
            request.POST.get("method", TieBreak.Method.RUNOFF),
            _posted_text(request, "account", 2000),
        )
    except elections.ElectionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The tie has been resolved and recorded."))
    return redirect("community:election_results", election.pk)
