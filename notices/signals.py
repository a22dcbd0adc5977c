"""Purge the cached notices whenever one is saved or deleted, in every process at once
(the cache is shared through Redis in production)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.caching import purge
from pagecache.cache import purge_page_cache

from .live import CACHE_KEY
from .models import Notice


@receiver(post_save, sender=Notice)
@receiver(post_delete, sender=Notice)
def purge_notices(**kwargs):
    purge(CACHE_KEY)
    # Every public page shows (or is replaced by) the live notices.
    purge_page_cache()
