"""Demo data for joining: one member without a community who has asked to
join Komunitas e-UMKM Bekasi, so the join-request flow is there to try.

Bekasi has no board yet, so the demo administrator decides on it — the
"administrator acts for a board-less community" rule, visible at once.
Called by `load_demo_data` after the communities and members exist; running
it again changes nothing (and leaves a request alone once it was decided).
"""

from django.contrib.auth import get_user_model

from pusat.accounts.models import BusinessCategory
from pusat.accounts.roles import make_member
from pusat.home import demo

from .membership import request_to_join
from .models import Community, Membership

APPLICANT = {
    "email": "budi.hartono@contoh.id",
    "full_name": "Budi Hartono",
    "phone": "+6281317450268",
    "business_name": "Sambal Roa Mas Budi",
    "business_category": BusinessCategory.CULINARY,
    "regency": "Kota Bekasi",
    "district": "Rawalumbu",
}
APPLICANT_COMMUNITY = demo.BEKASI
APPLICANT_MOTIVATION = (
    "Saya menjual sambal roa rumahan lewat WhatsApp dan ingin belajar membuka toko "
    "online serta memotret produk dengan lebih baik. Saya juga bisa berbagi pengalaman "
    "mengurus izin PIRT dengan anggota lain."
)


def load_join_requests():
    """Create the applicant and their pending request; return the membership."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=APPLICANT["email"]).first()
    if user is None:
        user = User(**APPLICANT)
        user.set_password(demo.DEMO_MEMBER_PASSWORD)
        user.save()
    make_member(user)
    existing = Membership.objects.filter(user=user).first()
    if existing is not None:
        return existing
    community = Community.objects.get(slug=APPLICANT_COMMUNITY)
    return request_to_join(user, community, APPLICANT_MOTIVATION)
