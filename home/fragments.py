"""Pieces of HTML that are the same wherever they appear (an article's card in a listing,
on the home page, under an article), rendered once and kept in this process for as long as
the page cache's generation of the current request stays the same, as `memoized()` values
are: every change to what they show purges the page cache (`pagecache.signals`), so a new
generation forgets them in every process at once, and none is ever older than the pages.

A fragment's key must name everything its HTML depends on besides the content (language,
site, arguments). At most MAX_ENTRIES fragments are kept, least recently used dropped first,
so that a crawler walking every listing cannot fill the memory. Outside a request
(commands, tasks) and when the generation cannot be read, fragments are rendered every time."""

from pagecache.cache import GenerationScoped

MAX_ENTRIES = 5000

_fragments = GenerationScoped(max_entries=MAX_ENTRIES)


def fragment(key, render):
    """`render()`'s HTML for `key`, rendered at most once per generation (and minute)."""
    return _fragments.get(key, render)


def clear():
    _fragments.clear()
