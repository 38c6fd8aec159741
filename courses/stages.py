"""A member's e-UMKM stage, derived from what they have completed.

Stages are climbed in order: Presence needs the Presence course, Portal
needs Presence and the Portal course, and so on. Autonomy needs Transaction
integration plus an active community membership and a published showcase.
Nothing here is stored; it is computed whenever it is shown.
"""

from django.apps import apps

from community.models import Membership

from .models import STAGE_ORDER, Certificate, Stage

COURSE_STAGES = [Stage.PRESENCE, Stage.PORTAL, Stage.TRANSACTION]


def completed_stages(user):
    """The stages whose course(s) the member holds a certificate for."""
    return set(
        Certificate.objects.filter(user=user)
        .exclude(course__stage="")
        .values_list("course__stage", flat=True)
    )


def has_published_showcase(user):
    """Asks the showcase app, when it has a model for it."""
    try:
        ShowcasePage = apps.get_model("showcase", "ShowcasePage")
    except LookupError:
        return False
    return ShowcasePage.objects.live().filter(owner=user).exists()


def stage_from(done_stages, autonomous):
    """The ladder itself, from facts already known.

    `done_stages` are the course stages the member holds a certificate for;
    `autonomous` is "active community member with a published showcase".
    Reports and the community directory fetch those facts in bulk.
    """
    stage = Stage.PREPARATORY
    for course_stage in COURSE_STAGES:
        if course_stage.value not in done_stages:
            return stage
        stage = course_stage
    return Stage.AUTONOMY if autonomous else stage


def stage_of(user):
    if not user.is_authenticated:
        return None
    done = completed_stages(user)
    # Membership and showcase matter only at the top of the ladder.
    if any(stage.value not in done for stage in COURSE_STAGES):
        return stage_from(done, autonomous=False)
    autonomous = Membership.objects.active().filter(user=user).exists() and has_published_showcase(
        user
    )
    return stage_from(done, autonomous)


def stage_progress(user):
    """Each stage with whether it is reached, for the profile's ladder."""
    current = stage_of(user)
    reached = STAGE_ORDER.index(current.value) if current else -1
    return [
        {"stage": Stage(value), "reached": index <= reached, "current": index == reached}
        for index, value in enumerate(STAGE_ORDER)
    ]
