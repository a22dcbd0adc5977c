"""What purges the page cache: anything a public page shows, saved or deleted."""

from django.core.signals import setting_changed
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import push
from .cache import purge_page_cache


def purge_for_instance(sender, instance=None, **kwargs):
    # The whole site, here and at the edge (once per transaction, at commit): a page shows on
    # listings, theme pages, feeds and the home page too.
    purge_page_cache()


def purge_for_model_class(sender, **kwargs):
    purge_page_cache()


def _is_setting(model):
    return issubclass(model, BaseSiteSetting | BaseGenericSetting)


def purge_for_any_setting(sender, **kwargs):
    if _is_setting(sender):
        purge_page_cache()


def purge_for_any_page(sender, instance=None, **kwargs):
    if isinstance(instance, Page):
        purge_for_instance(sender, instance=instance)


def forget_watcher(setting=None, **kwargs):
    if setting in ("CACHES", "PAGE_CACHE_PUSH", "PAGE_CACHE_PUSH_LEASE"):
        push.forget_current()


def connect_signals():
    from articles.models import ArticlePage, Theme

    # Wagtail's own page signals: publish, unpublish, move.
    page_published.connect(purge_for_instance, dispatch_uid="pagecache-published")
    page_unpublished.connect(purge_for_instance, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(purge_for_instance, dispatch_uid="pagecache-moved")
    # Any page saved or deleted (drafts too: pages created or edited in code, imports,
    # factories); cheap, and a purge is never wrong.
    post_save.connect(purge_for_any_page, dispatch_uid="pagecache-page-saved")
    post_delete.connect(purge_for_any_page, dispatch_uid="pagecache-page-deleted")
    # Themes, the site settings, sites, redirects, images, private pages.
    for model in (Theme, Site, Redirect, get_image_model(), PageViewRestriction):
        post_save.connect(purge_for_model_class, sender=model, dispatch_uid=f"pagecache-{model}")
        post_delete.connect(
            purge_for_model_class, sender=model, dispatch_uid=f"pagecache-del-{model}"
        )
    m2m_changed.connect(
        purge_for_model_class, sender=ArticlePage.themes.through, dispatch_uid="pagecache-themes"
    )
    post_save.connect(purge_for_any_setting, dispatch_uid="pagecache-settings")
    post_delete.connect(purge_for_any_setting, dispatch_uid="pagecache-settings-deleted")
    # A cache replaced (tests) or push switched off: look up the watcher again.
    setting_changed.connect(forget_watcher, dispatch_uid="pagecache-setting-changed")
