"""Forum fixtures: a public category, one restricted to a community, and the
people of every role around them."""

import io

import pytest
from PIL import Image

from forum import actions
from forum.models import Category
from tests.factories import MemberFactory, MembershipFactory, OfficerTermFactory


def photo(name="foto.jpg", size=(40, 30), fmt="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, fmt)
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def public_category(db):
    return Category.objects.create(
        name="Foto Produk", slug="foto-produk", description="Tips memotret dagangan."
    )


@pytest.fixture
def restricted_category(community):
    return Category.objects.create(
        name="Info Komunitas", slug="info-komunitas", community=community
    )


@pytest.fixture
def community_member(community):
    return MembershipFactory(community=community).user


@pytest.fixture
def other_member(db):
    """A member of another community."""
    return MembershipFactory().user


@pytest.fixture
def community_officer(community):
    term = OfficerTermFactory(community=community)
    MembershipFactory(user=term.user, community=community)
    return term.user


@pytest.fixture
def asker(db):
    return MemberFactory(full_name="Luh Sukerti")


@pytest.fixture
def question(asker, public_category):
    return actions.create_thread(
        asker,
        public_category,
        "Foto produk kok gelap terus?",
        "Saya memotret kain tenun di dalam rumah, hasilnya selalu gelap. Bagaimana?",
        kind="tanya",
    )
