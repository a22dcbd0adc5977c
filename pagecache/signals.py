"""What purges the page cache from Wagtail and Django themselves: pages (published,
unpublished, moved, saved, deleted), sites, redirects, images, private pages and every
site setting. Each content app connects what else its pages show (its own signals.py)."""

from django.db.models.signals import post_delete, post_save

from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import purge_page_cache


def purge_for_page(sender, instance=None, **kwargs):
    if isinstance(instance, Page):
        purge_page_cache()


def purge_for_setting(sender, **kwargs):
    if issubclass(sender, BaseSiteSetting | BaseGenericSetting):
        purge_page_cache()


def connect_signals():
    page_published.connect(purge_page_cache, dispatch_uid="pagecache-published")
    page_unpublished.connect(purge_page_cache, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(purge_page_cache, dispatch_uid="pagecache-moved")
    # Any page saved or deleted, drafts too (pages made in code, imports): a purge is cheap
    # and never wrong, and once per transaction.
    post_save.connect(purge_for_page, dispatch_uid="pagecache-page-saved")
    post_delete.connect(purge_for_page, dispatch_uid="pagecache-page-deleted")
    for model in (Site, Redirect, get_image_model(), PageViewRestriction):
        label = model._meta.label_lower
        post_save.connect(purge_page_cache, sender=model, dispatch_uid=f"pagecache-{label}")
        post_delete.connect(purge_page_cache, sender=model, dispatch_uid=f"pagecache-d-{label}")
    post_save.connect(purge_for_setting, dispatch_uid="pagecache-settings")
    post_delete.connect(purge_for_setting, dispatch_uid="pagecache-settings-deleted")
