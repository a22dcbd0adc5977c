"""Whole anonymous pages in Django's cache, per language, purged at every content change.

Public API for the other apps:

- `purge_page_cache(**kwargs)`: connect it to the signals of whatever your pages show
  (pages, sites, redirects, images and settings are connected already: `pagecache.signals`).
- `register_cache_key_part(func)`: `func(request)` returns a short string added to every
  page's key, for what a page shows that changes without a save (notices at their dates).
- `kept(name, compute)`: a plain value every page reads, computed once per content change."""

from .cache import kept, purge_page_cache, register_cache_key_part

__all__ = ["kept", "purge_page_cache", "register_cache_key_part"]
