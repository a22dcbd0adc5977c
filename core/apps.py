from django.apps import AppConfig
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every page shares: BasePage, languages, slugs, routing, commands, template tags."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from wagtail.models import Page

        from . import navigation, signals  # noqa: F401
        from .caching import end_reads, start_reads
        from .models import BasePage
        from .schema import ensure_translated_page_columns
        from .slug_migration import transliterate_unicode_slugs
        from .translated_slugs import check_slugs_by_query

        # Routing over wagtail-modeltranslation, in one place: it replaces `route` on every
        # translated page model with a version that loads all children to compare slugs in
        # Python. Our pages route with one indexed query per level instead
        # (BasePage.translated_route); this runs after its patching because "core" comes
        # after it in INSTALLED_APPS, when every page model is loaded.
        for model in _subclasses(BasePage):
            model.route = BasePage.translated_route
        # Its slug checks load every sibling page: ours ask the database (translated_slugs).
        check_slugs_by_query([Page, *_subclasses(BasePage)])

        # What a request reads from the shared cache, it reads once (core.caching.get_once).
        request_started.connect(start_reads, dispatch_uid="core-reads-start")
        request_finished.connect(end_reads, dispatch_uid="core-reads-end")
        post_migrate.connect(ensure_translated_page_columns, dispatch_uid="core-page-columns")
        # After the columns exist: pages saved with Unicode slugs get ASCII ones.
        post_migrate.connect(transliterate_unicode_slugs, dispatch_uid="core-ascii-slugs")


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)
