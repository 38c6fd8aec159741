"""The people and objects the access tests act on, built once per module.

The demo site (`load_demo_data`) supplies the two communities with their
elections, events, minutes, proposals, forum, chat, courses and showcases;
a few things the demo lacks (an officer of a second community, a minutes
attachment, a forum report, a password-protected page) are added here.

Roles, around the community "A" (Karangasem in the demo):

| role | who |
|---|---|
| visitor | nobody signed in |
| member | an ordinary member of A, who owns the private objects used in URLs |
| other_member | a member of community B |
| officer | the chair of A |
| other_officer | an officer of B |
| editor | the `Editor` group |
| admin | the `Administrator` group |
"""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from community.models import (
    ChatMessage,
    ChatRoom,
    Community,
    Election,
    Event,
    Membership,
    Minutes,
    MinutesAttachment,
    Nomination,
    OfficerTerm,
    Proposal,
)
from courses.models import Certificate, CoursePage, Evidence, LessonPage, QuizAttempt
from forum.models import Category, Post, Report, Thread
from pusat.home.models import StandardPage
from showcase.models import Product, ShowcaseIndexPage, ShowcasePage

User = get_user_model()

ROLES = ("visitor", "member", "other_member", "officer", "other_officer", "editor", "admin")

COMMUNITY_A = "e-umkm-karangasem"
COMMUNITY_B = "e-umkm-bekasi"


class World:
    """Everything a URL of the project can point at, with its owner known."""

    def __init__(self):
        call_command("load_demo_data", stdout=StringIO())
        self.community = Community.objects.get(slug=COMMUNITY_A)
        self.other_community = Community.objects.get(slug=COMMUNITY_B)
        officers_a = set(
            OfficerTerm.objects.current()
            .filter(community=self.community)
            .values_list("user_id", flat=True)
        )
        memberships = Membership.objects.filter(status=Membership.Status.ACTIVE)
        # The ordinary member of A who owns a showcase and has done some courses.
        self.member = (
            User.objects.filter(
                membership__in=memberships.filter(community=self.community),
                owned_pages__in=ShowcasePage.objects.all(),
            )
            .exclude(pk__in=officers_a)
            .filter(pk__in=Evidence.objects.values("user"))
            .distinct()
            .first()
        )
        self.officer = User.objects.get(
            pk__in=OfficerTerm.objects.current()
            .filter(community=self.community, role=OfficerTerm.Role.CHAIR)
            .values("user")
        )
        b_members = User.objects.filter(
            membership__in=memberships.filter(community=self.other_community)
        ).order_by("pk")
        self.other_member = (
            b_members.filter(owned_pages__in=ShowcasePage.objects.all()).distinct().first()
        )
        self.other_officer = b_members.exclude(pk=self.other_member.pk).first()
        if not OfficerTerm.objects.current().filter(user=self.other_officer).exists():
            OfficerTerm.objects.create(
                community=self.other_community,
                user=self.other_officer,
                role=OfficerTerm.Role.CHAIR,
                starts_on="2025-01-01",
            )
        self.editor = User.objects.get(email="editor@pusatkreatif.id")
        self.admin = User.objects.get(email="admin@pusatkreatif.id")
        assert len({self.member, self.other_member, self.officer, self.other_officer}) == 4

        # Community A's objects.
        self.election = Election.objects.filter(community=self.community).latest("pk")
        self.position = self.election.positions.order_by("pk").first()
        self.nomination = (
            Nomination.objects.filter(position__election=self.election).order_by("pk").first()
        )
        self.event = Event.objects.filter(community=self.community).order_by("pk").first()
        self.minutes = Minutes.objects.filter(community=self.community, status="members").first()
        document = Document.objects.order_by("pk").first()
        self.document = document
        self.attachment = MinutesAttachment.objects.create(minutes=self.minutes, document=document)
        self.proposal = Proposal.objects.filter(community=self.community).order_by("pk").first()
        self.join_request = Membership.objects.filter(
            community=self.community, status=Membership.Status.PENDING
        ).first()
        if self.join_request is None:
            outsider = User.objects.create_user(
                email="calon.anggota@contoh.id", password="x" * 20, full_name="Calon Anggota"
            )
            self.join_request = Membership.objects.create(
                user=outsider, community=self.community, status=Membership.Status.PENDING
            )
        self.room = ChatRoom.objects.get(community=self.community, kind="members")
        self.officers_room = ChatRoom.objects.get(community=self.community, kind="officers")
        self.message = ChatMessage.objects.create(
            room=self.room, author=self.member, body="Pesan uji akses"
        )

        # Forum: a thread and a post by the member, in a category open to all.
        self.post = (
            Post.objects.filter(
                author=self.member, thread__category__community__isnull=True, deleted_at=None
            )
            .exclude(thread__author=self.member)
            .order_by("pk")
            .first()
        )
        self.thread = self.post.thread
        self.category = self.thread.category
        self.report = Report.objects.create(
            post=self.post, reporter=self.other_member, reason="Promosi berulang"
        )
        self.course_category = Category.objects.filter(course__isnull=False).first()

        # Courses: the member's own attempt and evidence.
        self.evidence = (
            Evidence.objects.filter(user=self.member).exclude(image="").order_by("pk").first()
            or Evidence.objects.filter(user=self.member).order_by("pk").first()
        )
        self.course = CoursePage.objects.get(pk=self.evidence.course_id)
        self.attempt = QuizAttempt.objects.filter(user=self.member).order_by("pk").first()
        self.attempt_course = CoursePage.objects.get(pk=self.attempt.course_id)
        self.lesson = LessonPage.objects.child_of(self.course).live().first()
        self.certificate = Certificate.objects.order_by("pk").first()

        # Showcases: the member's own page and product.
        self.showcase_index = ShowcaseIndexPage.objects.get()
        self.showcase = ShowcasePage.objects.get(owner=self.member)
        self.product = Product.objects.filter(showcase=self.showcase).order_by("pk").first()
        self.other_showcase = ShowcasePage.objects.get(owner=self.other_member)

        # A password-protected standard page.
        self.standard_page = StandardPage.objects.live().order_by("path").last()
        self.restriction = PageViewRestriction.objects.create(
            page=self.standard_page,
            restriction_type=PageViewRestriction.PASSWORD,
            password="sandi halaman rahasia",
        )

        from wagtail.models import get_page_models

        self.pages = {}
        for model in get_page_models():
            page = model.objects.live().exclude(pk=self.standard_page.pk).order_by("path").first()
            if page is not None:
                self.pages[model._meta.label] = page.specific
        self.pages["courses.CoursePage"] = self.course
        self.pages["courses.LessonPage"] = self.lesson
        self.pages["showcase.ShowcasePage"] = self.showcase

    def user(self, role):
        return None if role == "visitor" else getattr(self, role)

    def thread_of_member(self):
        return Thread.objects.filter(author=self.member).first()


def client_for(world, role, **kwargs):
    """A test client signed in as `role` (nobody for the visitor)."""
    client = Client(**kwargs)
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    return client
