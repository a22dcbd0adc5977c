from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        # wagtail-modeltranslation replaces `route` on every translated page model with a
        # version that loads all children to compare slugs in Python. Our pages route with
        # one indexed query per level instead (see BasePage.route); this runs after its
        # patching because "home" comes after it in INSTALLED_APPS.
        from .models import BasePage
        for model in _subclasses(BasePage):
            model.route = BasePage.translated_route

        from . import signals  # noqa: F401
        from .schema import ensure_translated_page_columns
        from .slug_migration import transliterate_unicode_slugs

        post_migrate.connect(ensure_translated_page_columns, dispatch_uid="home-page-columns")
        # After the columns exist: pages saved with Unicode slugs get ASCII ones.
        post_migrate.connect(transliterate_unicode_slugs, dispatch_uid="home-ascii-slugs")


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)
