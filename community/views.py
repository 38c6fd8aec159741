from django.db.models import Count, Q
from django.shortcuts import render

from .membership import membership_of
from .models import Community, Membership


def index(request):
    """The communities the centre hosts, with their regions and sizes; the
    signed-in member's own community (or pending request) comes first."""
    communities = list(
        Community.objects.annotate(
            member_count=Count(
                "memberships", filter=Q(memberships__status=Membership.Status.ACTIVE)
            )
        ).order_by("name")
    )
    own = membership_of(request.user)
    if own is not None and own.status != Membership.Status.DECLINED:
        communities.sort(key=lambda community: community.pk != own.community_id)
    return render(request, "community/index.html", {"communities": communities, "own": own})
