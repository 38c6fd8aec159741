from django.db.models import Count, Q
from django.shortcuts import render

from .models import Community, Membership


def index(request):
    """The communities the centre hosts, with their regions and sizes."""
    communities = Community.objects.annotate(
        member_count=Count("memberships", filter=Q(memberships__status=Membership.Status.ACTIVE))
    ).order_by("name")
    return render(request, "community/index.html", {"communities": communities})


def chat_index(request):
    return render(request, "community/chat_index.html")
