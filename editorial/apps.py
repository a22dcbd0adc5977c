from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class EditorialConfig(AppConfig):
    """The editors' side: the writer and moderator roles, the review workflow, translation
    status, and redirects that keep old addresses working when a slug changes."""

    default = True
    name = "editorial"
    verbose_name = _("Editorial")

    def ready(self):
        from . import signals

        signals.connect()
        # Django sends post_migrate once per app *with models*, and this app has none: listen
        # to every app's and act once, after the last one, when every permission exists.
        post_migrate.connect(_after_last_app_migrated, dispatch_uid="editorial-roles")


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with our users and groups listings (editorial/accounts.py): the
    users list shows each person's groups, the groups say what their members may do. Installed
    in place of "wagtail.users", as Wagtail documents for a custom user viewset."""

    user_viewset = "editorial.accounts.UserViewSet"
    group_viewset = "editorial.accounts.GroupViewSet"


def _after_last_app_migrated(sender, **kwargs):
    from django.apps import apps

    from . import roles

    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if with_models and sender is with_models[-1]:
        roles.grant_after_migrate(sender=sender, **kwargs)
