from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The editors' side: the writer and moderator roles, the review workflow, translation
    status, and redirects that keep old addresses working when a slug changes."""

    name = "editorial"
    verbose_name = _("Editorial")

    def ready(self):
        from . import roles, signals

        signals.connect()
        post_migrate.connect(roles.grant_after_migrate, sender=self)
