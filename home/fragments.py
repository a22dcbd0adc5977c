"""Pieces of HTML that are the same wherever they appear (an article's card in a listing,
on the home page, under an article), rendered once and kept in this process for as long as
the page cache's generation of the current request stays the same, as `memoized()` values
are: every change to what they show purges the page cache (`pagecache.signals`), so a new
generation forgets them in every process at once, and none is ever older than the pages.

A fragment's key must name everything its HTML depends on besides the content (language,
site, arguments). At most MAX_ENTRIES fragments are kept, least recently used dropped first,
so that a crawler walking every listing cannot fill the memory. Outside a request
(commands, tasks) and when the generation cannot be read, fragments are rendered every time."""

import threading
import time
from collections import OrderedDict

from pagecache.cache import MEMO_MAX_AGE, request_generation

MAX_ENTRIES = 5000

_fragments = OrderedDict()
_lock = threading.Lock()
_newest_generation = None


def fragment(key, render):
    """`render()`'s HTML for `key`, rendered at most once per generation (and minute)."""
    global _newest_generation
    generation = request_generation()
    if generation is None:
        return render()
    now = time.monotonic()
    found = _fragments.get(key)
    if found is not None and found[0] == generation and now - found[1] < MEMO_MAX_AGE:
        try:
            _fragments.move_to_end(key)
        except KeyError:  # dropped by another thread meanwhile
            pass
        return found[2]
    html = render()
    with _lock:
        if _newest_generation is None or generation > _newest_generation:
            _fragments.clear()  # an older generation's fragments: none can be used again
            _newest_generation = generation
        _fragments[key] = (generation, now, html)
        _fragments.move_to_end(key)
        while len(_fragments) > MAX_ENTRIES:
            _fragments.popitem(last=False)
    return html


def clear():
    with _lock:
        _fragments.clear()
