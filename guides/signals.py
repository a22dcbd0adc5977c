"""What of the guides purges the page cache beyond pages (pagecache.signals): the themes of a
guide's pages, which theme pages list."""

from django.db.models.signals import m2m_changed

from pagecache import purge_page_cache

from .models import GuidePage, GuideSectionPage


def connect_signals():
    for model in (GuidePage, GuideSectionPage):
        m2m_changed.connect(
            purge_page_cache, sender=model.themes.through, dispatch_uid=f"guides-themes-{model}"
        )
