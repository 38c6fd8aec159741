"""Write the demo forum (`forum.demo_content`) for `manage.py load_demo_data`.

Threads are found by category and title, replies by thread, author and text,
so a second run adds nothing. Posts are written directly rather than through
`actions`, so loading the demo sends no notifications or emails; the
counters are then refreshed by the same function the actions use.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from community.models import Community
from courses.models import CoursePage
from pusat.home import demo as site_demo

from . import actions, markup
from .demo_content import CATEGORIES, THREADS
from .models import Category, Post, Reaction, Thread


def _people():
    User = get_user_model()
    emails = {spec["email"] for spec in site_demo.MEMBERS} | {site_demo.EDITOR_EMAIL}
    people = {}
    for user in User.objects.filter(email__in=emails):
        people[user.email.split("@")[0]] = user
    return people


def load(admin=None):
    communities = {community.slug: community for community in Community.objects.all()}
    categories = {}
    for spec in CATEGORIES:
        fields = {key: value for key, value in spec.items() if key not in {"slug", "community"}}
        fields["community"] = communities.get(spec.get("community"))
        categories[spec["slug"]], _created = Category.objects.update_or_create(
            slug=spec["slug"], defaults=fields
        )
    for course in CoursePage.objects.live():
        actions.sync_course_category(course)

    people = _people()
    for person in people.values():
        actions.profile_for(person)
    now = timezone.now()
    for spec in THREADS:
        author = people[spec["author"]]
        category = categories[spec["category"]]
        started = now - timedelta(days=spec["days"], hours=3)
        thread = Thread.objects.filter(category=category, title=spec["title"]).first()
        if thread is None:
            thread = Thread.objects.create(
                category=category,
                author=author,
                title=spec["title"],
                kind=spec["kind"],
                created_at=started,
                is_pinned=spec.get("pinned", False),
            )
        posts = [_post(thread, author, spec["body"], started)]
        for number, (name, body) in enumerate(spec["replies"], start=1):
            posts.append(_post(thread, people[name], body, started + timedelta(hours=2 * number)))
        if "solution" in spec:
            answer = posts[spec["solution"] + 1]
            if thread.solution_id != answer.pk:
                thread.solution = answer
                thread.save(update_fields=["solution"])
            Reaction.objects.get_or_create(post=answer, user=author, kind=Reaction.Kind.THANKS)
            Reaction.objects.get_or_create(post=answer, user=author, kind=Reaction.Kind.HELPFUL)
        for person in {post.author for post in posts}:
            actions._follow(person, thread)
        actions.refresh_thread(thread)


def _post(thread, author, body, at):
    post = Post.objects.filter(thread=thread, author=author, body=body).first()
    if post is None:
        post = Post.objects.create(
            thread=thread, author=author, body=body, body_html=markup.render(body), created_at=at
        )
    return post
