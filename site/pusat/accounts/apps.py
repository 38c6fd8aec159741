from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "pusat.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import roles

        # Role groups and their permissions follow the code on every migrate,
        # including permissions of models that later migrations add.
        post_migrate.connect(roles.sync_role_groups, sender=self)
