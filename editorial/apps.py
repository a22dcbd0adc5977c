from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The editors' side: the writer and moderator roles, the review workflow, translation
    status, and redirects that keep old addresses working when a slug changes."""

    name = "editorial"
    verbose_name = _("Editorial")

    def ready(self):
        from . import signals

        signals.connect()
        # Django sends post_migrate once per app *with models*, and this app has none: listen
        # to every app's and act once, after the last one, when every permission exists.
        post_migrate.connect(_after_last_app_migrated, dispatch_uid="editorial-roles")


def _after_last_app_migrated(sender, **kwargs):
    from django.apps import apps

    from . import roles

    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if with_models and sender is with_models[-1]:
        roles.grant_after_migrate(sender=sender, **kwargs)
