from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forum")

    def ready(self):
        from wagtail.signals import page_published

        from courses.models import CoursePage

        from .signals import course_published

        page_published.connect(course_published, sender=CoursePage)
