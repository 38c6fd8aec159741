"""Build the demo site: `manage.py load_demo_data`.

The content lives in `pusat.home.demo`; this command only writes it. Each
thing is looked up by its natural key (page slug, email, community slug,
office) and updated in place, so running the command again creates nothing
new. Pages get a new published revision only when their content changed.
"""

import json
import os
import uuid
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site
from wagtail.users.models import UserProfile

from community.models import Community, Membership, OfficerTerm
from pusat.accounts.roles import make_member
from pusat.home import demo
from pusat.home.models import HomePage, SiteSettings, StandardPage

# Stream blocks get ids derived from their place in the demo content rather
# than random ones, so an unchanged page compares equal on the next run.
BLOCK_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "demo.pusatkreatif.id")


def stable_id(*parts):
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, "/".join(str(part) for part in parts)))


def stream_data(page_key, blocks):
    """Turn demo (block type, value) pairs into StreamField raw data with ids."""
    data = []
    for index, (block_type, value) in enumerate(blocks):
        if block_type == "highlights":
            cards = [
                {"type": "item", "value": card, "id": stable_id(page_key, index, number)}
                for number, card in enumerate(value["cards"])
            ]
            value = {**value, "cards": cards}
        data.append({"type": block_type, "value": value, "id": stable_id(page_key, index)})
    return data


def _prepared(field, value):
    list(value)  # bind every block, so both sides are serialised the same way
    return json.dumps(field.get_prep_value(value), sort_keys=True, default=str)


def update_page(page, body, **fields):
    """Set a page's fields and body; return whether anything differs."""
    changed = False
    for name, value in fields.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    field = page._meta.get_field("body")
    new_body = field.to_python(body)
    field.stream_block.clean(new_body)  # demo content obeys the blocks' limits too
    if _prepared(field, new_body) != _prepared(field, page.body):
        page.body = new_body
        changed = True
    return changed


def at_nine(day, days_later=0):
    """An aware datetime on a demo date, during office hours."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=days_later), time(9)))


class Command(BaseCommand):
    help = (
        "Load the demo site: home page, Tentang Kami and FAQ, centre settings, "
        "communities, members, a first board, an administrator and an editor. "
        "Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DJANGO_ENV=production (demo passwords are public).",
        )

    def handle(self, *args, force=False, **options):
        in_production = os.environ.get("DJANGO_ENV", "").strip().lower() == "production"
        if in_production and not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo data: DJANGO_ENV=production and DEBUG is off. "
                "The demo accounts have published passwords and must not exist on a real "
                "site. Use --force only on a throwaway copy."
            )
        self.created_accounts = set()
        self.published = []
        with transaction.atomic():
            admin = self.load_staff()
            self.load_site_settings()
            home = self.load_pages(admin)
            self.load_communities()
            self.load_members()
            self.load_first_boards(admin)
            self.load_courses(admin)
            self.load_elections(admin)
            self.load_community_life(admin)
            self.load_forum(admin)
            self.load_showcases()
            self.load_chat(admin)
        self.print_summary(home)

    # --- Accounts ---------------------------------------------------------

    def account(self, email, password, **fields):
        """Find an account by email and update it; the password is only set
        when the account is new, so a rerun never undoes a changed password."""
        User = get_user_model()
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User(email=email)
            user.set_password(password)
            self.created_accounts.add(email)
        phone = fields.get("phone")
        if phone and User.objects.filter(phone=phone).exclude(pk=user.pk).exists():
            raise CommandError(f"{phone} already belongs to another account than {email}.")
        for name, value in fields.items():
            setattr(user, name, value)
        user.is_active = True
        user.save()
        return user

    def load_staff(self):
        admin = None
        for spec in demo.STAFF:
            user = self.account(
                spec["email"],
                spec["password"],
                full_name=spec["full_name"],
                **({"is_staff": True, "is_superuser": True} if spec["superuser"] else {}),
            )
            user.groups.add(Group.objects.get(name=spec["group"]))
            profile = UserProfile.get_for_user(user)
            if profile.preferred_language != demo.STAFF_ADMIN_LANGUAGE:
                profile.preferred_language = demo.STAFF_ADMIN_LANGUAGE
                profile.save(update_fields=["preferred_language"])
            if spec["email"] == demo.ADMIN_EMAIL:
                admin = user
        return admin

    def load_members(self):
        communities = {community.slug: community for community in Community.objects.all()}
        for spec in demo.MEMBERS:
            fields = {
                key: value
                for key, value in spec.items()
                if key not in {"email", "community", "joined_on"}
            }
            user = self.account(spec["email"], demo.DEMO_MEMBER_PASSWORD, **fields)
            make_member(user)
            Membership.objects.update_or_create(
                user=user,
                defaults={
                    "community": communities[spec["community"]],
                    "status": Membership.Status.ACTIVE,
                    "requested_at": at_nine(spec["joined_on"]),
                    "decided_at": at_nine(spec["joined_on"], days_later=1),
                },
            )

    # --- Site and pages ---------------------------------------------------

    def default_site(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("There is no default site. Run `manage.py migrate` first.")
        return site

    def load_site_settings(self):
        centre = SiteSettings.for_site(self.default_site())
        for name, value in demo.SITE_SETTINGS.items():
            setattr(centre, name, value)
        centre.full_clean()
        centre.save()

    def load_pages(self, admin):
        home = self.default_site().root_page.specific
        if not isinstance(home, HomePage):
            raise CommandError("The default site's root page is not the home page.")
        changed = update_page(
            home,
            stream_data("home", demo.HOME_PAGE["body"]),
            search_description=demo.HOME_PAGE["search_description"],
        )
        self.publish(home, changed, admin)

        for spec in demo.STANDARD_PAGES:
            page = home.get_children().filter(slug=spec["slug"]).specific().first()
            if page is not None and not isinstance(page, StandardPage):
                raise CommandError(f"/{spec['slug']}/ exists but is not a standard page.")
            fields = {
                "title": spec["title"],
                "intro": spec["intro"],
                "search_description": spec["search_description"],
            }
            body = stream_data(spec["slug"], spec["body"])
            if page is None:
                page = StandardPage(slug=spec["slug"], live=False, **fields)
                update_page(page, body)
                home.add_child(instance=page)
                changed = True
            else:
                changed = update_page(page, body, **fields)
            self.publish(page, changed, admin)
        return home

    def publish(self, page, changed, user):
        if changed or not page.live or page.has_unpublished_changes:
            page.save_revision(user=user).publish(user=user)
            self.published.append(page.title)

    # --- Communities ------------------------------------------------------

    def load_communities(self):
        for spec in demo.COMMUNITIES:
            defaults = {key: value for key, value in spec.items() if key != "slug"}
            Community.objects.update_or_create(slug=spec["slug"], defaults=defaults)

    def load_first_boards(self, admin):
        User = get_user_model()
        for board in demo.FIRST_BOARDS:
            community = Community.objects.get(slug=board["community"])
            for role, email in board["officers"]:
                OfficerTerm.objects.update_or_create(
                    community=community,
                    role=role,
                    source=OfficerTerm.Source.BOOTSTRAP,
                    defaults={
                        "user": User.objects.get(email__iexact=email),
                        "starts_on": board["starts_on"],
                        # Until the first election's board took over.
                        "ends_on": board.get("ends_on"),
                        "recorded_by": admin,
                        "recorded_at": at_nine(board["starts_on"]),
                    },
                )

    # --- Courses ----------------------------------------------------------

    def load_courses(self, admin):
        # Imported here: the courses loader reuses this module's page helpers.
        from courses import demo as course_demo

        course_demo.load(self.publish, admin)

    def load_elections(self, admin):
        from community.demo_elections import load_elections

        load_elections(admin)

    def load_chat(self, admin):
        from community.demo_chat import load_chat

        load_chat(admin)

    def load_community_life(self, admin):
        # Events first: the minutes of a meeting take their attendance from it.
        from community.demo_events import load_events
        from community.demo_minutes import load_minutes
        from community.demo_proposals import load_proposals

        load_events(admin)
        load_minutes(admin)
        load_proposals(admin)

    def load_forum(self, admin):
        from forum.demo import load as load_forum

        load_forum(admin)

    def load_showcases(self):
        # After the members: each showcase belongs to a demo member.
        from showcase.demo import load as load_showcases

        load_showcases()

    # --- Report -----------------------------------------------------------

    def print_summary(self, home):
        User = get_user_model()
        pages = home.get_descendants(inclusive=True).live().count()
        published = ", ".join(self.published) if self.published else "none (all up to date)"
        write = self.stdout.write
        write(self.style.SUCCESS("Demo data loaded."))
        write(f"  Live pages from the home page down: {pages} (published now: {published})")
        write(
            f"  Accounts: {User.objects.count()} · communities: {Community.objects.count()}"
            f" · active memberships: {Membership.objects.active().count()}"
            f" · officer terms: {OfficerTerm.objects.count()}"
        )
        write("")
        write(
            self.style.WARNING("Sign-in details for local use only (these passwords are public):")
        )
        members = [spec["email"] for spec in demo.MEMBERS]
        rows = [
            ("Administrator", demo.ADMIN_EMAIL, demo.ADMIN_PASSWORD, "/admin/"),
            ("Editor", demo.EDITOR_EMAIL, demo.EDITOR_PASSWORD, "/admin/"),
            (
                f"Members ({len(members)})",
                f"{members[0]}, …",
                demo.DEMO_MEMBER_PASSWORD,
                "/akun/masuk/",
            ),
        ]
        for label, email, password, url in rows:
            write(f"  {label:<14} {email:<26} “{password}”  at {url}")
        everyone = [demo.ADMIN_EMAIL, demo.EDITOR_EMAIL, *members]
        kept = [email for email in everyone if email not in self.created_accounts]
        if kept:
            write(
                f"  ({len(kept)} of these accounts already existed; their passwords were "
                "left unchanged.)"
            )
