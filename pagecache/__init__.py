"""Whole-page cache for anonymous visitors, never stale.

Public API for the other apps:

- `purge_page_cache()`: call it when something every page may show has changed (a notice,
  a setting...). Pages, themes, site settings, sites, redirects and images already purge
  through the signals connected in `pagecache.signals`.
- `register_cache_key_part(func)`: `func(request)` returns a short string added to every
  page's cache key, for what a page shows that changes without a save (the notices live
  now, which turn themselves on and off at their dates)."""

from .cache import purge_page_cache, register_cache_key_part

__all__ = ["purge_page_cache", "register_cache_key_part"]
