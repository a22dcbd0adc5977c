"""wagtail-modeltranslation keeps the sites' root paths per language in the cache, under keys
Wagtail's own signals do not clear: forgotten whenever a site or its root's address changes."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Site
from wagtail.signals import page_slug_changed, post_page_move


def forget_site_root_paths():
    cache.delete_many([f"wagtail_site_root_paths_{code}" for code, _n in settings.LANGUAGES])


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_page_move)
def forget_site_root_paths_after_change(**kwargs):
    forget_site_root_paths()


@receiver(page_slug_changed)
def forget_site_root_paths_after_root_slug_change(instance, **kwargs):
    # A site's root page is the home page (depth 2).
    if instance.depth <= 2:
        forget_site_root_paths()
