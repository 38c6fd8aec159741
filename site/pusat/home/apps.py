from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "pusat.home"
    label = "home"
    verbose_name = _("Home and pages")

    def ready(self):
        from pusat import pagecache

        pagecache.connect_signals()
