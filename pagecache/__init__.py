"""Whole anonymous pages in Django's cache, per language, purged at every content change.

Public API for the other apps:

- `purge_page_cache(**kwargs)`: connect it to the signals of whatever your pages show
  (pages, sites, redirects, images and settings are connected already: `pagecache.signals`).

The content generation the pages are kept under, the plain values kept with it (`kept()`) and
what else a page's key holds (`register_cache_key_part`) live in `core.caching`."""

from .cache import purge_page_cache

__all__ = ["purge_page_cache"]
