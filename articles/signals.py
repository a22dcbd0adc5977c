"""What of the press review purges the page cache beyond pages (pagecache.signals): the
themes every listing shows, and an article's themes."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from pagecache import purge_page_cache

from .models import ArticlePage, Theme


def connect_signals():
    post_save.connect(purge_page_cache, sender=Theme, dispatch_uid="articles-theme-saved")
    post_delete.connect(purge_page_cache, sender=Theme, dispatch_uid="articles-theme-deleted")
    m2m_changed.connect(
        purge_page_cache, sender=ArticlePage.themes.through, dispatch_uid="articles-themes"
    )
