"""The forum's pages (`/forum/`): thin views over `actions.py`.

Lists read `Category.objects.visible_to(user)` and `Thread.objects.visible_to`;
every change goes through one action, whose `ForumError` message is shown
with the form as it was, nothing changed. No page needs JavaScript: the
preview is a second submit button ("Pratinjau").
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, Subquery, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.images import get_image_model

from . import actions, markup
from .actions import ForumError
from .forms import (
    EditForm,
    MoveForm,
    PreferencesForm,
    ReactionForm,
    ReasonForm,
    ReplyForm,
    ReportForm,
    ResolveForm,
    SearchForm,
    SuspendForm,
    ThreadForm,
)
from .models import Attachment, Category, ModerationLog, Post, Reaction, Report, Thread, ThreadRead

THREADS_PER_PAGE = 20
POSTS_PER_PAGE = 20
SEARCH_LIMIT = 30
# Renditions an attachment shows: two widths for srcset, one to open full size.
RENDITIONS = ("width-360", "width-720", "max-1200x1200")


# --- Reading --------------------------------------------------------------------


def index(request):
    user = request.user
    categories = (
        Category.objects.visible_to(user)
        .select_related("community")
        .annotate(
            thread_count=Count("threads", filter=Q(threads__is_hidden=False)),
            reply_count=Sum("threads__reply_count", filter=Q(threads__is_hidden=False)),
            last_activity=Max("threads__last_post_at", filter=Q(threads__is_hidden=False)),
        )
    )
    open_reports = None
    if actions.can_moderate_anything(user):
        open_reports = _reports_for(user).count()
    return render(
        request,
        "forum/index.html",
        {"categories": categories, "open_reports": open_reports, "search_form": SearchForm()},
    )


def _with_read_marks(threads, user):
    if not user.is_authenticated:
        return threads
    return threads.annotate(
        last_read=Subquery(
            ThreadRead.objects.filter(thread=OuterRef("pk"), user=user).values("last_read_post_id")[
                :1
            ]
        )
    )


def category(request, slug):
    category = get_object_or_404(Category.objects.select_related("community"), slug=slug)
    user = request.user
    if not actions.can_view_category(user, category):
        return _not_allowed(request, category)
    moderator = actions.can_moderate(user, category)
    threads = Thread.objects.filter(category=category)
    if not moderator:
        threads = threads.filter(is_hidden=False)
    threads = _with_read_marks(threads.listed(), user)
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "forum/category.html",
        {
            "category": category,
            "page_obj": page,
            "threads": page.object_list,
            "can_post": user.is_authenticated and actions.posting_refusal(user, category) is None,
            "moderator": moderator,
        },
    )


def _not_allowed(request, category):
    return render(request, "forum/not_allowed.html", {"category": category}, status=403)


def _thread_for(request, pk):
    thread = get_object_or_404(
        Thread.objects.select_related("category", "category__community", "author"), pk=pk
    )
    if not actions.can_view_category(request.user, thread.category):
        raise Http404
    if thread.is_hidden and not actions.can_moderate(request.user, thread.category):
        raise Http404
    return thread


def _posts_for_display(queryset, user):
    """Posts with their author, reaction counts and (for a member) own reactions."""
    queryset = queryset.select_related("author", "author__forum_profile").annotate(
        thanks_count=Count("reactions", filter=Q(reactions__kind=Reaction.Kind.THANKS)),
        helpful_count=Count("reactions", filter=Q(reactions__kind=Reaction.Kind.HELPFUL)),
    )
    if user.is_authenticated:
        mine = Reaction.objects.filter(post=OuterRef("pk"), user=user)
        queryset = queryset.annotate(
            thanked=Exists(mine.filter(kind=Reaction.Kind.THANKS)),
            found_helpful=Exists(mine.filter(kind=Reaction.Kind.HELPFUL)),
        )
    return queryset


def _prefetch_attachments(posts):
    """Attachments, their images and the renditions shown: three queries."""
    from django.db.models import prefetch_related_objects

    images = get_image_model().objects.prefetch_renditions(*RENDITIONS)
    prefetch_related_objects(
        posts,
        Prefetch(
            "attachments",
            queryset=Attachment.objects.prefetch_related(Prefetch("image", queryset=images)),
        ),
    )


def thread(request, pk):
    thread = _thread_for(request, pk)
    user = request.user
    category = thread.category
    moderator = actions.can_moderate(user, category)

    posts = Post.objects.filter(thread=thread)
    if not moderator:
        posts = posts.filter(is_hidden=False)
    posts = _posts_for_display(posts, user).order_by("pk")
    # The opening post stays in place even when hidden or deleted: a
    # placeholder says why, and the replies still make sense.
    opening = _posts_for_display(Post.objects.filter(thread=thread), user).order_by("pk").first()
    if opening is None:
        raise Http404
    replies = posts.filter(pk__gt=opening.pk)
    if not moderator:
        replies = replies.filter(deleted_at__isnull=True)
    page = Paginator(replies, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    shown = [opening, *page.object_list]
    solution = None
    if thread.solution_id:
        solution = next((post for post in shown if post.pk == thread.solution_id), None)
        if solution is None:
            solution = posts.filter(pk=thread.solution_id).first()
        if solution is not None:
            shown.append(solution)
    _prefetch_attachments(shown)
    can_solve = actions.can_mark_solution(user, thread)
    for item in shown:
        item.can_edit = actions.can_edit_post(user, item)
        item.can_delete = actions.can_delete_post(user, item)
        item.is_mine = user.is_authenticated and item.author_id == user.pk
        item.can_solve = can_solve and item.pk != opening.pk and item.pk != thread.solution_id
        item.can_suspend = moderator and not item.is_mine

    following = False
    if user.is_authenticated:
        following = thread.follows.filter(user=user).exists()
        actions.mark_read(user, thread, max(post.pk for post in shown))

    refusal = actions.posting_refusal(user, category, thread) if user.is_authenticated else None
    reply_form = None
    if user.is_authenticated and refusal is None:
        initial = {}
        quote_id = request.GET.get("kutip", "")
        if quote_id.isascii() and quote_id.isdigit():
            quoted = posts.filter(pk=int(quote_id), deleted_at__isnull=True).first()
            if quoted is not None:
                initial["body"] = markup.quoted(quoted.body, quoted.author)
        reply_form = ReplyForm(initial=initial)

    context = {
        "thread": thread,
        "category": category,
        "opening": opening,
        "page_obj": page,
        "replies": page.object_list,
        "solution": solution,
        "following": following,
        "moderator": moderator,
        "reply_form": reply_form,
        "refusal": refusal,
        "can_mark_solution": can_solve,
        "reaction_kinds": Reaction.Kind,
    }
    if moderator:
        context["move_form"] = MoveForm(
            categories=Category.objects.visible_to(user).exclude(pk=category.pk)
        )
    return render(request, "forum/thread.html", context)


def _page_of(post, moderator):
    """Which page of its thread's replies a post is on."""
    replies = Post.objects.filter(thread_id=post.thread_id, pk__lt=post.pk)
    if not moderator:
        replies = replies.filter(is_hidden=False, deleted_at__isnull=True)
    # The opening post is shown above every page, not counted in them.
    before = max(replies.count() - 1, 0)
    return before // POSTS_PER_PAGE + 1


def post(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread__category"), pk=pk)
    thread = _thread_for(request, post.thread_id)
    moderator = actions.can_moderate(request.user, thread.category)
    url = thread.get_absolute_url()
    page = _page_of(post, moderator)
    if page > 1:
        url += f"?page={page}"
    return redirect(f"{url}#pesan-{post.pk}")


@login_required
def first_unread(request, pk):
    thread = _thread_for(request, pk)
    read = ThreadRead.objects.filter(thread=thread, user=request.user).first()
    after = read.last_read_post_id if read else 0
    target = thread.posts.shown().filter(pk__gt=after).order_by("pk").first()
    if target is None:
        target = thread.posts.shown().order_by("-pk").first()
    if target is None:
        return redirect(thread)
    return redirect("forum:post", target.pk)


# --- Writing --------------------------------------------------------------------


def _posting_context(request, form, **extra):
    """Preview HTML when the preview button was pressed."""
    preview = None
    if "pratinjau" in request.POST:
        preview = markup.render(request.POST.get("body", ""))
    return {"form": form, "preview": preview, **extra}


@login_required
def new_thread(request, slug):
    category = get_object_or_404(Category.objects.select_related("community"), slug=slug)
    if not actions.can_view_category(request.user, category):
        return _not_allowed(request, category)
    refusal = actions.posting_refusal(request.user, category)
    error = None
    if request.method == "POST":
        form = ThreadForm(request.POST, request.FILES)
        if "pratinjau" not in request.POST and refusal is None and form.is_valid():
            try:
                actions.check_rate(request)
                thread = actions.create_thread(
                    request.user,
                    category,
                    form.cleaned_data["title"],
                    form.cleaned_data["body"],
                    kind=form.cleaned_data["kind"],
                    images=form.cleaned_data["images"],
                )
            except ForumError as problem:
                error = problem.message
            else:
                messages.success(request, _("Your thread is posted."))
                return redirect(thread)
    else:
        form = ThreadForm()
    status = 400 if error or (request.method == "POST" and form.errors) else 200
    return render(
        request,
        "forum/thread_form.html",
        _posting_context(request, form, category=category, error=error, refusal=refusal),
        status=403 if refusal else status,
    )


@login_required
@require_POST
def reply(request, pk):
    thread = _thread_for(request, pk)
    form = ReplyForm(request.POST, request.FILES)
    error = actions.posting_refusal(request.user, thread.category, thread)
    if "pratinjau" not in request.POST and error is None and form.is_valid():
        try:
            actions.check_rate(request)
            post = actions.create_reply(
                request.user, thread, form.cleaned_data["body"], form.cleaned_data["images"]
            )
        except ForumError as problem:
            error = problem.message
        else:
            messages.success(request, _("Your reply is posted."))
            return redirect("forum:post", post.pk)
    status = 200 if "pratinjau" in request.POST and error is None else 400
    if error and actions.posting_refusal(request.user, thread.category, thread):
        status = 403
    return render(
        request,
        "forum/reply_form.html",
        _posting_context(request, form, thread=thread, error=error),
        status=status,
    )


def _own_post(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread__category", "author"), pk=pk)
    _thread_for(request, post.thread_id)
    return post


@login_required
def edit_post(request, pk):
    post = _own_post(request, pk)
    error = None
    if post.author_id != request.user.pk:
        error = _("You can only edit your own messages.")
    elif not actions.can_edit_post(request.user, post):
        error = _(
            "Messages can be edited for %(n)s minutes after posting; that time has passed."
        ) % {"n": actions.setting("EDIT_WINDOW_MINUTES")}
    if error and request.method == "GET":
        messages.error(request, error)
        return redirect("forum:post", post.pk)
    if request.method == "POST":
        form = EditForm(request.POST)
        if error is None and "pratinjau" not in request.POST and form.is_valid():
            try:
                actions.edit_post(request.user, post, form.cleaned_data["body"])
            except ForumError as problem:
                error = problem.message
            else:
                messages.success(request, _("Your message is updated."))
                return redirect("forum:post", post.pk)
    else:
        form = EditForm(initial={"body": post.body})
    status = 200 if request.method == "GET" or ("pratinjau" in request.POST and not error) else 400
    if error and post.author_id != request.user.pk:
        status = 403
    return render(
        request,
        "forum/edit_form.html",
        _posting_context(request, form, post=post, thread=post.thread, error=error),
        status=status,
    )


@login_required
@require_POST
def delete_post(request, pk):
    post = _own_post(request, pk)
    try:
        actions.delete_post(request.user, post)
    except ForumError as problem:
        messages.error(request, problem.message)
        return redirect("forum:post", post.pk)
    messages.success(request, _("Your message is deleted."))
    return redirect(post.thread)


@login_required
@require_POST
def react(request, pk):
    post = _own_post(request, pk)
    form = ReactionForm(request.POST)
    try:
        if not form.is_valid():
            raise ForumError(_("Unknown reaction."))
        actions.toggle_reaction(request.user, post, form.cleaned_data["kind"])
    except ForumError as problem:
        messages.error(request, problem.message)
    return redirect("forum:post", post.pk)


@login_required
@require_POST
def mark_solution(request, pk):
    post = _own_post(request, pk)
    try:
        if request.POST.get("batal"):
            actions.unmark_solution(request.user, post.thread)
            messages.success(request, _("The solution mark is removed."))
        else:
            actions.mark_solution(request.user, post)
            messages.success(request, _("Marked as the solution. Thank you for closing the loop!"))
    except ForumError as problem:
        messages.error(request, problem.message)
    return redirect(post.thread)


@login_required
@require_POST
def follow(request, pk):
    thread = _thread_for(request, pk)
    following = request.POST.get("ikuti") == "1"
    actions.set_following(request.user, thread, following)
    if following:
        messages.success(request, _("You follow this thread: new replies will be notified."))
    else:
        messages.success(request, _("You no longer follow this thread."))
    return redirect(thread)


@login_required
def report(request, pk):
    post = _own_post(request, pk)
    error = None
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                actions.report_post(request.user, post, form.cleaned_data["reason"])
            except ForumError as problem:
                error = problem.message
            else:
                messages.success(request, _("Thank you. Moderators will look at this message."))
                return redirect("forum:post", post.pk)
    else:
        form = ReportForm()
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "forum/report_form.html",
        {"form": form, "post": post, "thread": post.thread, "error": error},
        status=status,
    )


@login_required
def preferences(request):
    profile = actions.profile_for(request.user)
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            actions.set_email_frequency(request.user, form.cleaned_data["email_frequency"])
            messages.success(request, _("Your forum email setting is saved."))
            return redirect("forum:preferences")
    else:
        form = PreferencesForm(initial={"email_frequency": profile.email_frequency})
    return render(request, "forum/preferences.html", {"form": form, "profile": profile})


# --- Search ---------------------------------------------------------------------


def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = []
    if len(query) >= 2:
        posts = Post.objects.shown().filter(thread__in=Thread.objects.visible_to(request.user))
        terms = query.split()[:6]
        if connection.vendor == "postgresql":
            results = _search_postgresql(posts, query)
        else:
            condition = Q()
            for term in terms:
                condition &= Q(body__icontains=term) | Q(thread__title__icontains=term)
            found = posts.filter(condition).select_related("thread", "author").order_by("-pk")
            results = [
                {"post": post, "thread": post.thread, "excerpt": markup.highlight(post.body, terms)}
                for post in found[:SEARCH_LIMIT]
            ]
            for result in results:
                result["title"] = markup.highlight(result["thread"].title, terms, length=150)
    return render(request, "forum/search.html", {"form": form, "query": query, "results": results})


def _search_postgresql(posts, query):
    from django.contrib.postgres.search import (
        SearchHeadline,
        SearchQuery,
        SearchRank,
        SearchVector,
    )
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    vector = SearchVector("thread__title", weight="A", config="simple") + SearchVector(
        "body", weight="B", config="simple"
    )
    search_query = SearchQuery(query, search_type="websearch", config="simple")
    # Markers no member can type; the text is escaped before they become <mark>.
    start, stop = "\x02", "\x03"
    found = (
        posts.annotate(rank=SearchRank(vector, search_query))
        .filter(rank__gt=0)
        .annotate(
            excerpt=SearchHeadline(
                "body", search_query, config="simple", start_sel=start, stop_sel=stop,
                max_words=35, min_words=15,
            ),
            headline_title=SearchHeadline(
                "thread__title", search_query, config="simple", start_sel=start,
                stop_sel=stop, highlight_all=True,
            ),
        )
        .select_related("thread", "author")
        .order_by("-rank", "-pk")[:SEARCH_LIMIT]
    )  # fmt: skip

    def marked(text):
        text = escape(text)
        return mark_safe(text.replace(start, "<mark>").replace(stop, "</mark>"))

    return [
        {
            "post": post,
            "thread": post.thread,
            "excerpt": marked(post.excerpt),
            "title": marked(post.headline_title),
        }
        for post in found
    ]


# --- Moderation -----------------------------------------------------------------


def _reports_for(user):
    reports = Report.objects.open()
    if not actions.can_moderate_anything(user):
        return reports.none()
    if not actions.is_editor(user):
        reports = reports.filter(
            post__thread__category__community_id__in=actions.officer_community_ids(user)
        )
    return reports


@login_required
def reports(request):
    user = request.user
    if not actions.can_moderate_anything(user):
        return render(request, "forum/not_moderator.html", status=403)
    queue = _reports_for(user).select_related(
        "reporter", "post", "post__author", "post__thread", "post__thread__category"
    )
    page = Paginator(queue, 20).get_page(request.GET.get("page"))
    recent = ModerationLog.objects.select_related("actor", "thread", "target_user")
    if not actions.is_editor(user):
        recent = recent.filter(
            Q(thread__category__community_id__in=actions.officer_community_ids(user))
            | Q(actor=user)
        )
    return render(
        request,
        "forum/reports.html",
        {"page_obj": page, "reports": page.object_list, "log": recent[:20]},
    )


@login_required
@require_POST
def resolve_report(request, pk):
    report = get_object_or_404(Report.objects.select_related("post__thread__category"), pk=pk)
    form = ResolveForm(request.POST)
    try:
        if not form.is_valid():
            raise ForumError(_("Choose what to do with the report."))
        actions.resolve_report(
            request.user,
            report,
            hide=form.cleaned_data["decision"] == "hide",
            reason=form.cleaned_data["reason"],
        )
    except ForumError as problem:
        messages.error(request, problem.message)
    else:
        messages.success(request, _("The report is handled."))
    return redirect("forum:reports")


THREAD_FLAGS = {
    "sematkan": ("is_pinned", True),
    "lepas-sematan": ("is_pinned", False),
    "kunci": ("is_locked", True),
    "buka-kunci": ("is_locked", False),
    "sembunyikan": ("is_hidden", True),
    "tampilkan": ("is_hidden", False),
}


@login_required
@require_POST
def moderate_thread(request, pk):
    thread = get_object_or_404(Thread.objects.select_related("category"), pk=pk)
    if not actions.can_view_category(request.user, thread.category):
        raise Http404
    action = request.POST.get("tindakan", "")
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise ForumError(_("The reason may be at most %(n)s characters.") % {"n": 300})
        reason = form.cleaned_data["reason"]
        if action == "pindahkan":
            move = MoveForm(request.POST, categories=Category.objects.visible_to(request.user))
            if not move.is_valid():
                raise ForumError(_("Choose the category to move the thread to."))
            actions.move_thread(request.user, thread, move.cleaned_data["category"], reason)
        elif action in THREAD_FLAGS:
            flag, value = THREAD_FLAGS[action]
            actions.set_thread_flag(request.user, thread, flag, value, reason)
        else:
            raise ForumError(_("Unknown moderation action."))
    except ForumError as problem:
        if not actions.can_moderate(request.user, thread.category):
            return render(request, "forum/not_moderator.html", status=403)
        messages.error(request, problem.message)
    else:
        messages.success(request, _("Done. The action is recorded in the moderation log."))
    return redirect(thread)


@login_required
@require_POST
def moderate_post(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread__category"), pk=pk)
    if not actions.can_moderate(request.user, post.thread.category):
        return render(request, "forum/not_moderator.html", status=403)
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise ForumError(_("The reason may be at most %(n)s characters.") % {"n": 300})
        hide = request.POST.get("tindakan") == "sembunyikan"
        actions.set_post_hidden(request.user, post, hide, form.cleaned_data["reason"])
    except ForumError as problem:
        messages.error(request, problem.message)
    else:
        messages.success(request, _("Done. The action is recorded in the moderation log."))
    return redirect("forum:post", post.pk)


@login_required
def suspend(request, user_pk):
    person = get_object_or_404(get_user_model(), pk=user_pk, is_active=True)
    if not actions.can_suspend(request.user, person):
        return render(request, "forum/not_moderator.html", status=403)
    error = None
    if request.method == "POST":
        form = SuspendForm(request.POST)
        if form.is_valid():
            try:
                actions.suspend(
                    request.user, person, form.cleaned_data["days"], form.cleaned_data["reason"]
                )
            except ForumError as problem:
                error = problem.message
            else:
                messages.success(request, _("%(name)s may not post for now.") % {"name": person})
                return redirect("forum:reports")
    else:
        form = SuspendForm()
    return render(
        request,
        "forum/suspend_form.html",
        {"form": form, "person": person, "error": error},
        status=400 if request.method == "POST" else 200,
    )


def course_discussion(request, course_id):
    """The lesson pages link here, so they need no query of their own."""
    category = get_object_or_404(Category, course_id=course_id)
    return redirect(reverse("forum:category", args=[category.slug]))
