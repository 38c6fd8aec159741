"""Factories for test data, shared by every test module."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from community.models import Community, Membership, OfficerTerm
from pusat.accounts import roles

PASSWORD = "kopi robusta dari bukit"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    full_name = factory.Sequence(lambda n: f"Ni Made Ayu {n}")
    email = factory.Sequence(lambda n: f"anggota{n}@contoh.id")
    phone = factory.Sequence(lambda n: f"+62812{n:08d}")
    business_name = factory.Sequence(lambda n: f"Usaha Mandiri {n}")
    business_category = "kerajinan"
    regency = "Karangasem"
    district = "Abang"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class MemberFactory(UserFactory):
    @factory.post_generation
    def member_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=roles.MEMBER_GROUP))


class EditorFactory(UserFactory):
    @factory.post_generation
    def editor_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=roles.EDITOR_GROUP))


class AdministratorFactory(UserFactory):
    @factory.post_generation
    def administrator_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=roles.ADMINISTRATOR_GROUP))


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Community

    name = factory.Sequence(lambda n: f"Komunitas e-UMKM {n}")
    slug = factory.Sequence(lambda n: f"komunitas-{n}")
    regency = "Karangasem"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(MemberFactory)
    community = factory.SubFactory(CommunityFactory)
    status = Membership.Status.ACTIVE


class OfficerTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficerTerm

    community = factory.SubFactory(CommunityFactory)
    user = factory.SubFactory(MemberFactory)
    role = OfficerTerm.Role.CHAIR
    starts_on = factory.Faker("date_between", start_date="-1y", end_date="-1d")
    ends_on = None


def _days_ago(days):
    from datetime import timedelta

    from django.utils import timezone

    return timezone.now() - timedelta(days=days)


class MinutesFactory(factory.django.DjangoModelFactory):
    """Minutes of a members' meeting a week ago, published to members."""

    class Meta:
        model = "community.Minutes"

    community = factory.SubFactory(CommunityFactory)
    kind = "anggota"
    title = factory.Sequence(lambda n: f"Rapat Anggota ke-{n}: Lapak Bersama")
    held_at = factory.LazyFunction(lambda: _days_ago(7))
    place = "Balai Banjar Kangin, Amlapura"
    agenda = "1. Evaluasi penjualan online.\n2. Kelas foto produk."
    discussion = "Anggota membahas foto produk yang masih gelap."
    decisions = "1. Kelas foto produk diadakan bulan depan."
    status = "members"
    published_at = factory.LazyFunction(lambda: _days_ago(5))


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.ActionItem"

    minutes = factory.SubFactory(MinutesFactory)
    description = factory.Sequence(lambda n: f"Tindak lanjut {n}")
