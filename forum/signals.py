"""Each published course gets its discussion category ("Diskusi: <course>")."""

from . import actions


def course_published(sender, instance, **kwargs):
    actions.sync_course_category(instance)
