"""Deleting an account (UU PDP, Law 27/2022, art. 8 and 16: erasure).

The account row itself stays as an anonymous tombstone — no name, no email,
no phone, no password, no groups — because forum posts, chat messages,
turnout records, officer terms and audit trails point at it and their
constraints (one vote per member per position, one RSVP per member and
event…) must keep holding. Everything that is about the person is erased.

`RELATIONS` decides, for every relation to the account in every installed
app, what happens to its rows. It is found by the same walk as the
personal-data download (`privacy._relations_to_users`), and a test fails
when a new relation is missing here, so nobody forgets a new place where
personal data lives.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .privacy import _relations_to_users, _rows
from .roles import ADMINISTRATOR_GROUP

DELETE = "delete"  # rows about the person only: erased
KEEP = "keep"  # rows that others rely on: kept, pointing at the anonymous tombstone
ERASE_TEXT = "erase text"  # kept, but free text the person wrote is emptied (see below)
SHOWCASE = "showcase"  # the pages they own: their showcase is deleted (see below)

DELETED_MEMBER = _("Deleted member")

RELATIONS = {
    # Only about the person.
    ("accounts.Notification", "user"): DELETE,
    ("community.ChatMute", "user"): DELETE,
    ("community.ChatReadMarker", "user"): DELETE,
    ("community.Membership", "user"): DELETE,
    ("courses.Evidence", "user"): DELETE,  # screenshots and texts about their business
    ("forum.ForumProfile", "user"): DELETE,  # the @handle
    ("forum.Suspension", "user"): DELETE,
    ("forum.ThreadFollow", "user"): DELETE,
    ("forum.ThreadRead", "user"): DELETE,
    ("qsessions.Session", "user"): DELETE,  # signed out everywhere; IP and device gone
    ("wagtailadmin.EditingSession", "user"): DELETE,
    ("wagtailadmin.FormState", "user"): DELETE,
    ("wagtailcore.APIToken", "user"): DELETE,
    ("wagtailcore.PageSubscription", "user"): DELETE,
    ("wagtailcore.UploadedFile", "uploaded_by_user"): DELETE,
    ("wagtailusers.UserProfile", "user"): DELETE,  # admin avatar and preferences
    # What they wrote in shared spaces stays, as "Anggota terhapus".
    ("community.ChatMessage", "author"): KEEP,
    ("community.ChatRoom", "first_person"): KEEP,  # the other person keeps the conversation
    ("community.ChatRoom", "second_person"): KEEP,
    ("forum.Post", "author"): KEEP,
    ("forum.Thread", "author"): KEEP,
    ("forum.Thread", "last_post_author"): KEEP,
    ("forum.Reaction", "user"): KEEP,  # counts stay right
    ("forum.Report", "reporter"): KEEP,  # moderators still see the report
    ("community.Proposal", "proposed_by"): KEEP,
    ("community.ProposalSupport", "user"): KEEP,
    ("wagtailcore.Comment", "user"): KEEP,
    ("wagtailcore.CommentReply", "user"): KEEP,
    # Elections and offices: turnout and the office record stay, anonymous.
    ("community.EligibleVoter", "user"): KEEP,
    ("community.Participation", "user"): KEEP,  # ballots hold no voter at all
    ("community.Nomination", "nominee"): KEEP,  # open nominations are declined
    ("community.Nomination", "nominated_by"): KEEP,
    ("community.OfficerTerm", "user"): KEEP,  # a current term ends today
    ("community.ConsensusDecision", "holder"): KEEP,
    ("community.ConsensusAttendance", "user"): KEEP,
    ("community.Minutes", "attendees"): KEEP,
    ("community.Rsvp", "user"): KEEP,  # attendance counts stay right
    # Learning: aggregate course reports stay right; the certificate stays
    # valid but no longer names anyone.
    ("courses.Certificate", "user"): ERASE_TEXT,
    ("courses.Enrollment", "user"): KEEP,
    ("courses.LessonProgress", "user"): KEEP,
    ("courses.QuizAttempt", "user"): KEEP,
    ("courses.SurveyResponse", "user"): ERASE_TEXT,
    # Pages they own: their showcase (the business's public face) goes, with
    # its products, photos and the enquiries it received; other pages
    # (news an editor wrote) stay.
    ("wagtailcore.Page", "owner"): SHOWCASE,
    # Who did something, in records and audit trails: kept, anonymous.
    ("community.ActionItem", "owner"): KEEP,
    ("community.AuditEntry", "actor"): KEEP,
    ("community.ChatModerationLog", "moderator"): KEEP,
    ("community.ChatModerationLog", "target"): KEEP,
    ("community.ChatMute", "muted_by"): KEEP,
    ("community.ConsensusDecision", "recorded_by"): KEEP,
    ("community.Election", "created_by"): KEEP,
    ("community.Event", "created_by"): KEEP,
    ("community.Membership", "decided_by"): KEEP,
    ("community.Minutes", "chair"): KEEP,
    ("community.Minutes", "confirmed_by"): KEEP,
    ("community.Minutes", "created_by"): KEEP,
    ("community.Minutes", "secretary"): KEEP,
    ("community.MinutesVersion", "edited_by"): KEEP,
    ("community.OfficerTerm", "recorded_by"): KEEP,
    ("community.Proposal", "status_changed_by"): KEEP,
    ("community.Rsvp", "attendance_marked_by"): KEEP,
    ("community.TieBreak", "recorded_by"): KEEP,
    ("courses.Evidence", "reviewed_by"): KEEP,
    ("forum.ModerationLog", "actor"): KEEP,
    ("forum.ModerationLog", "target_user"): KEEP,
    ("forum.Report", "resolved_by"): KEEP,
    ("forum.Suspension", "created_by"): KEEP,
    ("wagtailcore.Comment", "resolved_by"): KEEP,
    ("wagtailcore.ModelLogEntry", "user"): KEEP,
    ("wagtailcore.Page", "locked_by"): KEEP,
    ("wagtailcore.PageLogEntry", "user"): KEEP,
    ("wagtailcore.Revision", "user"): KEEP,
    ("wagtailcore.TaskState", "finished_by"): KEEP,
    ("wagtailcore.WorkflowState", "requested_by"): KEEP,
    ("wagtaildocs.Document", "uploaded_by_user"): KEEP,
    ("wagtailimages.Image", "uploaded_by_user"): KEEP,  # showcase photos go with the showcase
}


class CannotDelete(Exception):
    """A reason, in the person's language, why this account cannot go."""


def is_last_administrator(user):
    """True when no other active account could run the site after this one."""
    administrators = Q(is_superuser=True) | Q(groups__name=ADMINISTRATOR_GROUP)
    User = get_user_model()
    if not User.objects.filter(administrators, pk=user.pk).exists():
        return False
    return not User.objects.filter(administrators, is_active=True).exclude(pk=user.pk).exists()


def delete_account(user):
    """Erase `user`'s personal data and leave an anonymous tombstone.

    Runs in one transaction: either everything below happens or nothing.
    Files (evidence screenshots, avatars, showcase photos) are removed once
    it commits.
    """
    if is_last_administrator(user):
        raise CannotDelete(
            _(
                "You are the last administrator. Make someone else an administrator "
                "first, then delete your account."
            )
        )
    with transaction.atomic():
        _delete_showcases(user)
        _erase_enquiries_sent(user)
        _erase_sign_in_records(user)
        for model, field_name in _relations_to_users():
            action = RELATIONS[(model._meta.label, field_name)]
            if action == DELETE:
                _delete_rows(model, field_name, user)
        _erase_texts(user)
        _end_offices(user)
        old_name = user.full_name
        _anonymise(user)
        _erase_name_copies(user, old_name)


def _delete_rows(model, field_name, user):
    rows = _rows(model, field_name, user)
    files = []
    for row in rows:
        for field in row._meta.concrete_fields:
            if field.get_internal_type() in ("FileField", "ImageField"):
                value = getattr(row, field.attname)
                if value:
                    files.append((field.storage, str(value)))
    if rows:
        # qsessions' queryset delete also clears the cached sessions.
        model._base_manager.filter(pk__in=[row.pk for row in rows]).delete()
    for storage, name in files:
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


def _delete_showcases(user):
    from showcase.models import ProductPhoto, ShowcasePage

    for page in ShowcasePage.objects.filter(owner=user):
        page = page.specific
        image_ids = {page.logo_id, page.cover_id} | set(
            ProductPhoto.objects.filter(product__showcase=page).values_list("image_id", flat=True)
        )
        page.delete()  # products, photos, enquiries and visit counts cascade
        _delete_images(image_ids - {None})


def _delete_images(ids):
    from wagtail.images import get_image_model

    # Wagtail removes the files and renditions after the commit.
    for image in get_image_model().objects.filter(pk__in=ids):
        image.delete()


def _erase_enquiries_sent(user):
    """Questions they sent to other showcases as a buyer carry their contact."""
    from showcase.models import Enquiry

    contacts = Q(contact__iexact=user.email)
    if user.phone:
        contacts |= Q(contact=user.phone) | Q(contact="0" + user.phone.removeprefix("+62"))
    Enquiry.objects.filter(contacts).delete()


def _erase_sign_in_records(user):
    """django-axes keeps failed sign-ins by the name typed."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    names = [user.email] + ([user.phone] if user.phone else [])
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__in=names).delete()


def _erase_texts(user):
    from courses.models import Certificate, SurveyResponse

    Certificate.objects.filter(user=user).update(member_name="")
    SurveyResponse.objects.filter(user=user).update(comment="")


def _end_offices(user):
    from community.models import Nomination, OfficerTerm

    today = timezone.localdate()
    OfficerTerm.objects.filter(user=user).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gt=today)
    ).update(ends_on=today)
    Nomination.objects.filter(
        nominee=user, accepted_at__isnull=True, declined_at__isnull=True
    ).update(declined_at=timezone.now())


def _erase_name_copies(user, old_name):
    """Places that copied the name as text when something happened: the
    election audit trail ("Nama — ketua"), direct chat room titles and other
    people's notifications ("Nama replied…")."""
    from django.db.models import Value
    from django.db.models.functions import Replace

    from community.models import AuditEntry, ChatRoom

    from .models import Notification

    label = user.full_name
    if old_name.strip():
        for model, field in ((AuditEntry, "detail"), (Notification, "message")):
            model.objects.filter(**{f"{field}__contains": old_name}).update(
                **{field: Replace(field, Value(old_name), Value(label))}
            )
    rooms = ChatRoom.objects.filter(Q(first_person=user) | Q(second_person=user))
    for room in rooms.select_related("first_person", "second_person"):
        room.name = f"{room.first_person.full_name} · {room.second_person.full_name}"[:120]
        room.save(update_fields=["name"])


def _anonymise(user):
    with translation.override("id"):
        label = str(DELETED_MEMBER)
    user.full_name = label
    user.first_name, user.last_name = "", ""
    user.email = f"terhapus-{user.pk}@anggota-terhapus.invalid"
    user.phone = None
    user.business_name = ""
    user.business_category = ""
    user.regency = ""
    user.district = ""
    user.language = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.deleted_at = timezone.now()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
