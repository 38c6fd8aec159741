"""The forum's rules and actions: who may read, post and moderate, and the
one function for each thing that changes the forum.

Views, the admin, the demo loader and tests all go through these. A rule
that refuses raises `ForumError` with a message in the person's language,
before anything is written. Notifications (and their emails) leave through
`pusat.accounts.actions.notify`, which sends mail only after commit.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images import get_image_model

from community.models import Membership, OfficerTerm
from pusat import uploads
from pusat.accounts.actions import notify
from pusat.accounts.roles import is_editor, is_member

from . import markup
from .models import (
    Attachment,
    Category,
    ForumProfile,
    ModerationLog,
    Post,
    Reaction,
    Report,
    Suspension,
    Thread,
    ThreadFollow,
    ThreadRead,
)

TITLE_MIN = 5
TITLE_MAX = 150
BODY_MAX = 10000
REASON_MAX = 300


def setting(name):
    """Forum limits, overridable in settings (FORUM_<NAME>)."""
    defaults = {
        "EDIT_WINDOW_MINUTES": 30,
        "MAX_ATTACHMENTS": 4,
        "ATTACHMENT_MAX_BYTES": 5 * 1024 * 1024,
        "NEW_ACCOUNT_DAYS": 7,
        "NEW_ACCOUNT_POST_RATE": "3/m",
        "NEW_ACCOUNT_MAX_LINKS": 2,
        "POST_RATE": "10/m",
    }
    return getattr(settings, f"FORUM_{name}", defaults[name])


class ForumError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


# --- Who is who -----------------------------------------------------------------


def _cached(user, key, compute):
    cache = user.__dict__.setdefault("_forum_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def officer_community_ids(user):
    """Communities where `user` holds an office today."""
    if not user.is_authenticated:
        return frozenset()
    return _cached(
        user,
        "officer",
        lambda: frozenset(
            OfficerTerm.objects.current().filter(user=user).values_list("community_id", flat=True)
        ),
    )


def member_community_ids(user):
    """The community `user` is an active member of (at most one), as a set."""
    if not user.is_authenticated:
        return frozenset()
    return _cached(
        user,
        "member",
        lambda: frozenset(
            Membership.objects.active().filter(user=user).values_list("community_id", flat=True)
        ),
    )


def visible_category_filter(user):
    if user.is_authenticated and is_editor(user):
        return Q()
    communities = member_community_ids(user) | officer_community_ids(user)
    return Q(community__isnull=True) | Q(community_id__in=communities)


def can_view_category(user, category):
    if category.community_id is None or (user.is_authenticated and is_editor(user)):
        return True
    return category.community_id in (member_community_ids(user) | officer_community_ids(user))


def can_moderate(user, category):
    """Editors moderate every category; officers those of their own community."""
    if not user.is_authenticated:
        return False
    if is_editor(user):
        return True
    return category.community_id is not None and category.community_id in officer_community_ids(
        user
    )


def can_moderate_anything(user):
    return user.is_authenticated and (is_editor(user) or bool(officer_community_ids(user)))


def can_view_thread(user, thread):
    if not can_view_category(user, thread.category):
        return False
    return not thread.is_hidden or can_moderate(user, thread.category)


def active_suspension(user):
    if not user.is_authenticated:
        return None
    return Suspension.objects.active().filter(user=user).first()


def posting_refusal(user, category, thread=None):
    """Why `user` may not post here, or None when they may."""
    if not user.is_authenticated:
        return _("Sign in to post in the forum.")
    if not (is_member(user) or is_editor(user)):
        return _("Only members can post in the forum.")
    if not can_view_category(user, category):
        return _("This category is only for members of its community.")
    suspension = active_suspension(user)
    if suspension is not None:
        return _("You are suspended from posting until %(date)s. Reason: %(reason)s") % {
            "date": timezone.localtime(suspension.ends_at).strftime("%d-%m-%Y %H:%M"),
            "reason": suspension.reason,
        }
    if thread is not None:
        if thread.is_hidden and not can_moderate(user, category):
            return _("This thread has been hidden by a moderator.")
        if thread.is_locked and not can_moderate(user, category):
            return _("This thread is locked: no new replies.")
    return None


def check_can_post(user, category, thread=None):
    refusal = posting_refusal(user, category, thread)
    if refusal:
        raise ForumError(refusal)


def is_new_account(user):
    return user.date_joined > timezone.now() - timedelta(days=setting("NEW_ACCOUNT_DAYS"))


def edit_deadline(post):
    return post.created_at + timedelta(minutes=setting("EDIT_WINDOW_MINUTES"))


def can_edit_post(user, post):
    return (
        user.is_authenticated
        and post.author_id == user.pk
        and not post.is_deleted
        and not post.is_hidden
        and timezone.now() <= edit_deadline(post)
    )


def can_delete_post(user, post):
    return user.is_authenticated and post.author_id == user.pk and not post.is_deleted


def can_mark_solution(user, thread):
    return (
        thread.is_question
        and user.is_authenticated
        and (thread.author_id == user.pk or can_moderate(user, thread.category))
    )


# --- Checking what people typed -------------------------------------------------


def clean_title(title):
    title = " ".join((title or "").split())
    if len(title) < TITLE_MIN:
        raise ForumError(_("Write a title of at least %(n)s characters.") % {"n": TITLE_MIN})
    if len(title) > TITLE_MAX:
        raise ForumError(_("The title may be at most %(n)s characters.") % {"n": TITLE_MAX})
    return title


def clean_body(user, body):
    body = (body or "").strip()
    if not body:
        raise ForumError(_("Write your message first."))
    if len(body) > BODY_MAX:
        raise ForumError(
            _("The message is %(length)s characters; the limit is %(n)s.")
            % {"length": len(body), "n": BODY_MAX}
        )
    if is_new_account(user) and markup.count_links(body) > setting("NEW_ACCOUNT_MAX_LINKS"):
        raise ForumError(
            _("New accounts may put at most %(n)s links in a message. Remove some links.")
            % {"n": setting("NEW_ACCOUNT_MAX_LINKS")}
        )
    html = markup.render(body)
    if not re.sub(r"<[^>]+>", "", html).strip():
        raise ForumError(_("Write your message first."))
    return body, html


def check_images(uploads_):
    """Clean copies of the photos, or a ForumError naming the problem."""
    uploads_ = [upload for upload in uploads_ or [] if upload]
    limit = setting("MAX_ATTACHMENTS")
    if len(uploads_) > limit:
        raise ForumError(_("Attach at most %(n)s photos to one message.") % {"n": limit})
    cleaned = []
    for upload in uploads_:
        try:
            cleaned.append(
                uploads.checked_image(
                    upload, max_bytes=setting("ATTACHMENT_MAX_BYTES"), stem="foto-forum"
                )
            )
        except ValidationError as error:
            raise ForumError(" ".join(error.messages)) from error
    return cleaned


def check_rate(request):
    """Refuse a post when this person posts too fast. New accounts get the
    stricter limit. Counters live in the default cache (django-ratelimit)."""
    from django_ratelimit.core import is_ratelimited

    user = request.user
    rate = setting("NEW_ACCOUNT_POST_RATE") if is_new_account(user) else setting("POST_RATE")
    if is_ratelimited(request, group="forum-post", key="user", rate=rate, increment=True):
        raise ForumError(_("You are posting very quickly. Wait a minute and try again."))


# --- Profiles and @mentions -----------------------------------------------------

MENTION_PATTERN = re.compile(r"(?<![\w@])@([a-z0-9][a-z0-9-]{1,59})", re.IGNORECASE)


def profile_for(user):
    """The person's forum profile, made on first need with a unique @handle."""
    profile = ForumProfile.objects.filter(user=user).first()
    if profile is not None:
        return profile
    base = slugify(user.full_name or "")[:50] or "anggota"
    handle, number = base, 1
    while ForumProfile.objects.filter(handle=handle).exists():
        number += 1
        handle = f"{base}-{number}"
    return ForumProfile.objects.create(user=user, handle=handle)


def mentioned_users(body, category):
    handles = {match.lower() for match in MENTION_PATTERN.findall(body or "")}
    if not handles:
        return []
    profiles = ForumProfile.objects.filter(handle__in=handles).select_related("user")
    users = [profile.user for profile in profiles]
    # Someone who never opened the forum has no handle yet; "@luh-sukerti"
    # still finds a person whose full name is "Luh Sukerti".
    missing = handles - {profile.handle for profile in profiles}
    if missing:
        from django.contrib.auth import get_user_model

        names = Q()
        for handle in missing:
            names |= Q(full_name__iexact=handle.replace("-", " "))
        for user in get_user_model().objects.filter(names, forum_profile__isnull=True)[:10]:
            profile_for(user)
            users.append(user)
    return [user for user in users if user.is_active and can_view_category(user, category)]


def tell(user, message, url, subject):
    """Notify on-site; by email too when the person chose each message."""
    profile = getattr(user, "_forum_profile_cached", None) or profile_for(user)
    email = profile.email_frequency == ForumProfile.EmailFrequency.EACH
    notify(user, message, url=url, email_subject=subject if email else None)


# --- Threads and posts ----------------------------------------------------------


def refresh_thread(thread):
    """Recount what lists show about a thread from its visible posts."""
    shown = thread.posts.shown().order_by("-pk")
    last = shown.only("pk", "created_at", "author_id").first()
    count = shown.count()
    thread.reply_count = max(count - 1, 0)
    if last is not None:
        thread.last_post_pk = last.pk
        thread.last_post_at = last.created_at
        thread.last_post_author_id = last.author_id
    thread.save(update_fields=["reply_count", "last_post_pk", "last_post_at", "last_post_author"])


def _attach(post, images, user):
    Image = get_image_model()
    for position, clean in enumerate(images):
        image = Image(title=_("Photo in the forum"), file=clean, uploaded_by_user=user)
        image.save()
        Attachment.objects.create(post=post, image=image, position=position)


def _follow(user, thread):
    ThreadFollow.objects.get_or_create(user=user, thread=thread)


def _notify_new_post(post, is_new_thread=False):
    thread = post.thread
    url = post.get_absolute_url()
    author = post.author
    mentioned = [user for user in mentioned_users(post.body, thread.category) if user != author]
    for user in mentioned:
        tell(
            user,
            lambda: (
                _("%(name)s mentioned you in “%(title)s”.")
                % {"name": author, "title": thread.title}
            ),
            url,
            lambda: _("You were mentioned in the forum"),
        )
    if is_new_thread:
        return
    skip = {author.pk, *(user.pk for user in mentioned)}
    followers = (
        ThreadFollow.objects.filter(thread=thread)
        .exclude(user_id__in=skip)
        .select_related("user", "user__forum_profile")
    )
    for follow in followers:
        user = follow.user
        if not can_view_thread(user, thread):
            continue
        user._forum_profile_cached = getattr(user, "forum_profile", None)
        tell(
            user,
            lambda: _("%(name)s replied in “%(title)s”.") % {"name": author, "title": thread.title},
            url,
            lambda: _("New reply in the forum: %(title)s") % {"title": thread.title[:80]},
        )


@transaction.atomic
def create_thread(user, category, title, body, kind=Thread.Kind.DISCUSSION, images=()):
    check_can_post(user, category)
    title = clean_title(title)
    body, html = clean_body(user, body)
    if kind not in Thread.Kind.values:
        raise ForumError(_("Choose whether this is a discussion or a question."))
    images = check_images(images)
    profile_for(user)
    now = timezone.now()
    thread = Thread.objects.create(
        category=category,
        author=user,
        title=title,
        kind=kind,
        created_at=now,
        last_post_at=now,
        last_post_author=user,
    )
    post = Post.objects.create(
        thread=thread, author=user, body=body, body_html=html, created_at=now
    )
    _attach(post, images, user)
    refresh_thread(thread)
    _follow(user, thread)
    mark_read(user, thread, post.pk)
    _notify_new_post(post, is_new_thread=True)
    return thread


@transaction.atomic
def create_reply(user, thread, body, images=()):
    thread = (
        Thread.objects.select_for_update(of=("self",)).select_related("category").get(pk=thread.pk)
    )
    check_can_post(user, thread.category, thread)
    body, html = clean_body(user, body)
    images = check_images(images)
    profile_for(user)
    post = Post.objects.create(thread=thread, author=user, body=body, body_html=html)
    _attach(post, images, user)
    refresh_thread(thread)
    _follow(user, thread)
    mark_read(user, thread, post.pk)
    _notify_new_post(post)
    return post


@transaction.atomic
def edit_post(user, post, body):
    if post.author_id != user.pk:
        raise ForumError(_("You can only edit your own messages."))
    if not can_edit_post(user, post):
        raise ForumError(
            _("Messages can be edited for %(n)s minutes after posting; that time has passed.")
            % {"n": setting("EDIT_WINDOW_MINUTES")}
        )
    refusal = posting_refusal(user, post.thread.category, post.thread)
    if refusal:
        raise ForumError(refusal)
    body, html = clean_body(user, body)
    post.body, post.body_html, post.edited_at = body, html, timezone.now()
    post.save(update_fields=["body", "body_html", "edited_at"])
    return post


@transaction.atomic
def delete_post(user, post):
    if not can_delete_post(user, post):
        raise ForumError(_("You can only delete your own messages."))
    post.deleted_at = timezone.now()
    post.save(update_fields=["deleted_at"])
    thread = post.thread
    if thread.solution_id == post.pk:
        thread.solution = None
        thread.save(update_fields=["solution"])
    refresh_thread(thread)


def toggle_reaction(user, post, kind):
    if kind not in Reaction.Kind.values:
        raise ForumError(_("Unknown reaction."))
    if not user.is_authenticated or not (is_member(user) or is_editor(user)):
        raise ForumError(_("Only members can react to messages."))
    if post.author_id == user.pk:
        raise ForumError(_("You cannot react to your own message."))
    if post.is_deleted or post.is_hidden:
        raise ForumError(_("This message is no longer shown."))
    deleted, _rows = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Reaction.objects.create(post=post, user=user, kind=kind)
    except IntegrityError:
        pass  # pressed twice at once: one reaction is enough
    return True


@transaction.atomic
def mark_solution(user, post):
    thread = post.thread
    if not thread.is_question:
        raise ForumError(_("Only question threads have a solution."))
    if not can_mark_solution(user, thread):
        raise ForumError(_("Only the person who asked, or a moderator, can choose the solution."))
    if post.thread_id != thread.pk or post.is_deleted or post.is_hidden:
        raise ForumError(_("This message is no longer shown."))
    if thread.posts.order_by("pk").values_list("pk", flat=True).first() == post.pk:
        raise ForumError(_("The question itself cannot be its solution; choose a reply."))
    thread.solution = post
    thread.save(update_fields=["solution"])
    if user.pk != thread.author_id:
        log(user, ModerationLog.Action.MARK_SOLUTION, thread=thread, post=post)
    if post.author_id != user.pk:
        tell(
            post.author,
            lambda: (
                _("Your answer in “%(title)s” was marked as the solution. Thank you!")
                % {"title": thread.title}
            ),
            post.get_absolute_url(),
            lambda: _("Your answer was marked as the solution"),
        )


@transaction.atomic
def unmark_solution(user, thread):
    if not can_mark_solution(user, thread):
        raise ForumError(_("Only the person who asked, or a moderator, can choose the solution."))
    thread.solution = None
    thread.save(update_fields=["solution"])


def set_following(user, thread, follow):
    if not user.is_authenticated:
        raise ForumError(_("Sign in to follow threads."))
    if follow:
        _follow(user, thread)
    else:
        ThreadFollow.objects.filter(user=user, thread=thread).delete()


def mark_read(user, thread, post_id):
    """Remember that `user` has seen the thread up to post `post_id`."""
    if not user.is_authenticated:
        return
    updated = ThreadRead.objects.filter(
        user=user, thread=thread, last_read_post_id__lt=post_id
    ).update(last_read_post_id=post_id)
    if not updated:
        ThreadRead.objects.get_or_create(
            user=user, thread=thread, defaults={"last_read_post_id": post_id}
        )


def set_email_frequency(user, frequency):
    if frequency not in ForumProfile.EmailFrequency.values:
        raise ForumError(_("Choose one of the options."))
    profile = profile_for(user)
    profile.email_frequency = frequency
    profile.save(update_fields=["email_frequency"])
    return profile


# --- Reports and moderation -----------------------------------------------------


def log(actor, action, *, thread=None, post=None, target_user=None, reason=""):
    return ModerationLog.objects.create(
        actor=actor,
        action=action,
        thread=thread,
        post=post,
        target_user=target_user,
        reason=reason[:500],
    )


def clean_reason(reason, required=True):
    reason = " ".join((reason or "").split())
    if required and not reason:
        raise ForumError(_("Write a short reason."))
    if len(reason) > REASON_MAX:
        raise ForumError(_("The reason may be at most %(n)s characters.") % {"n": REASON_MAX})
    return reason


def report_post(user, post, reason):
    if not user.is_authenticated or not (is_member(user) or is_editor(user)):
        raise ForumError(_("Only members can report messages."))
    if post.author_id == user.pk:
        raise ForumError(_("You cannot report your own message."))
    reason = clean_reason(reason)
    if Report.objects.filter(post=post, reporter=user).exists():
        raise ForumError(_("You have already reported this message. Moderators will look at it."))
    try:
        with transaction.atomic():
            return Report.objects.create(post=post, reporter=user, reason=reason)
    except IntegrityError as error:
        raise ForumError(
            _("You have already reported this message. Moderators will look at it.")
        ) from error


def _require_moderator(user, category):
    if not can_moderate(user, category):
        raise ForumError(_("Only this category's moderators can do that."))


@transaction.atomic
def resolve_report(moderator, report, hide, reason=""):
    post = report.post
    _require_moderator(moderator, post.thread.category)
    if report.resolved_at is not None:
        raise ForumError(_("This report has already been handled."))
    reason = clean_reason(reason, required=hide)
    if hide and not post.is_hidden:
        set_post_hidden(moderator, post, True, reason)
    resolution = Report.Resolution.HIDDEN if hide else Report.Resolution.DISMISSED
    # Everyone who reported the same post gets the same answer at once.
    Report.objects.open().filter(post=post).update(
        resolved_at=timezone.now(), resolved_by=moderator, resolution=resolution
    )
    log(
        moderator,
        ModerationLog.Action.RESOLVE_REPORT,
        thread=post.thread,
        post=post,
        target_user=post.author,
        reason=f"{Report.Resolution(resolution).label}: {reason}".strip(": "),
    )


@transaction.atomic
def set_thread_flag(moderator, thread, flag, value, reason=""):
    """Pin, lock or hide a thread (or undo it), logged."""
    _require_moderator(moderator, thread.category)
    actions = {
        ("is_pinned", True): ModerationLog.Action.PIN,
        ("is_pinned", False): ModerationLog.Action.UNPIN,
        ("is_locked", True): ModerationLog.Action.LOCK,
        ("is_locked", False): ModerationLog.Action.UNLOCK,
        ("is_hidden", True): ModerationLog.Action.HIDE_THREAD,
        ("is_hidden", False): ModerationLog.Action.UNHIDE_THREAD,
    }
    if (flag, value) not in actions:
        raise ForumError(_("Unknown moderation action."))
    reason = clean_reason(reason, required=flag == "is_hidden" and value)
    setattr(thread, flag, value)
    fields = [flag]
    if flag == "is_hidden":
        thread.hidden_reason = reason if value else ""
        fields.append("hidden_reason")
    thread.save(update_fields=fields)
    log(moderator, actions[flag, value], thread=thread, target_user=thread.author, reason=reason)


@transaction.atomic
def move_thread(moderator, thread, category, reason=""):
    _require_moderator(moderator, thread.category)
    _require_moderator(moderator, category)
    reason = clean_reason(reason, required=False)
    old = thread.category
    if old.pk == category.pk:
        raise ForumError(_("The thread is already in that category."))
    thread.category = category
    thread.save(update_fields=["category"])
    log(
        moderator,
        ModerationLog.Action.MOVE,
        thread=thread,
        reason=f"{old} → {category}. {reason}".strip(),
    )


@transaction.atomic
def set_post_hidden(moderator, post, hidden, reason=""):
    thread = post.thread
    _require_moderator(moderator, thread.category)
    reason = clean_reason(reason, required=hidden)
    if post.is_hidden == hidden:
        return  # Already so (a repeated or empty request): nothing to record.
    post.is_hidden = hidden
    post.hidden_reason = reason if hidden else ""
    post.save(update_fields=["is_hidden", "hidden_reason"])
    if hidden and thread.solution_id == post.pk:
        thread.solution = None
        thread.save(update_fields=["solution"])
    refresh_thread(thread)
    log(
        moderator,
        ModerationLog.Action.HIDE_POST if hidden else ModerationLog.Action.UNHIDE_POST,
        thread=thread,
        post=post,
        target_user=post.author,
        reason=reason,
    )
    if hidden:
        notify(
            post.author,
            lambda: (
                _("A moderator hid your message in “%(title)s”. Reason: %(reason)s")
                % {"title": thread.title, "reason": reason}
            ),
            url=thread.get_absolute_url(),
        )


SUSPENSION_DAYS = (1, 3, 7, 30)


def can_suspend(moderator, user):
    if not moderator.is_authenticated or moderator.pk == user.pk or is_editor(user):
        return False
    if is_editor(moderator):
        return True
    return bool(member_community_ids(user) & officer_community_ids(moderator))


@transaction.atomic
def suspend(moderator, user, days, reason):
    if not can_suspend(moderator, user):
        raise ForumError(
            _("You can only suspend members of a community whose categories you moderate.")
        )
    try:
        days = int(days)
    except (TypeError, ValueError):
        days = 0
    if days not in SUSPENSION_DAYS:
        raise ForumError(_("Choose how long the suspension lasts."))
    reason = clean_reason(reason)
    now = timezone.now()
    suspension = Suspension.objects.create(
        user=user,
        starts_at=now,
        ends_at=now + timedelta(days=days),
        reason=reason,
        created_by=moderator,
    )
    log(moderator, ModerationLog.Action.SUSPEND, target_user=user, reason=f"{days}d: {reason}")
    notify(
        user,
        lambda: (
            _("You may not post in the forum for %(days)s days. Reason: %(reason)s")
            % {"days": days, "reason": reason}
        ),
        url="",
    )
    return suspension


# --- Course discussion categories -----------------------------------------------

COURSE_CATEGORY_POSITION = 200
COURSE_CATEGORY_NAME = gettext_lazy("Discussion: %(course)s")


def sync_course_category(course):
    """Create or rename the discussion category of a published course."""
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        name = str(COURSE_CATEGORY_NAME % {"course": course.title})[:120]
        description = _("Questions and tips about the lessons of “%(course)s”.") % {
            "course": course.title
        }
    category = Category.objects.filter(course=course).first()
    if category is None:
        slug = slugify(f"diskusi-{course.slug}")[:110]
        if Category.objects.filter(slug=slug).exists():
            slug = f"{slug}-{course.pk}"
        return Category.objects.create(
            course=course,
            name=name,
            slug=slug,
            description=description,
            position=COURSE_CATEGORY_POSITION,
        )
    if category.name != name:
        category.name = name
        category.save(update_fields=["name"])
    return category
