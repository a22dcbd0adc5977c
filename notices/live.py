"""Which notices are live, computed at request time from their dates against a cached list:
a scheduled notice turns itself on and off at its dates, with no command to run."""

import math

from django.conf import settings
from django.utils import timezone
from django.utils.http import http_date

from core.caching import cached

from .models import Notice, NoticeLevel

CACHE_KEY = "notices:current"
DISMISSED_COOKIE = "infomie_dismissed"
# Retry-After of a suspension that has no end date.
DEFAULT_RETRY_AFTER = getattr(settings, "NOTICES_RETRY_AFTER", 60 * 60)


def now():
    return timezone.now()


def current_notices():
    """Switched on and not over yet, from the cache (one query when the cache is cold)."""
    return cached(CACHE_KEY, lambda: list(Notice.objects.current()))


def live_notices(at=None):
    at = at or now()
    return [notice for notice in current_notices() if notice.is_live(at)]


def live_suspension(at=None):
    """The live suspension that lasts longest (an open-ended one first), or None."""
    suspensions = [n for n in live_notices(at) if n.level == NoticeLevel.SUSPENSION]
    if not suspensions:
        return None
    return max(suspensions, key=lambda n: (n.ends_at is None, n.ends_at or 0, n.pk))


def live_banners(at=None):
    """Live information and warning notices: warnings first, then the newest."""
    banners = [n for n in live_notices(at) if n.level != NoticeLevel.SUSPENSION]
    banners.sort(key=lambda n: n.pk, reverse=True)
    banners.sort(key=lambda n: n.level != NoticeLevel.WARNING)
    return banners


def next_change(at=None):
    """The next instant a current notice starts or ends by itself, or None. A whole-page cache
    must not keep a page past it, or a scheduled notice would show late."""
    at = at or now()
    instants = [
        moment
        for notice in current_notices()
        for moment in (notice.starts_at, notice.ends_at)
        if moment is not None and moment > at
    ]
    return min(instants, default=None)


# Ids of notices are small numbers: a longer "id" is not one of ours (and a 5,000-digit one
# is more than Python turns into a number), nor is a cookie of more than that many ids.
MAX_ID_DIGITS = 18
MAX_DISMISSED = 100


def dismissed_ids(request):
    """The ids in the visitor's dismissal cookie; whatever else it holds is ignored."""
    parts = request.COOKIES.get(DISMISSED_COOKIE, "").split(".", MAX_DISMISSED)[:MAX_DISMISSED]
    return {
        int(part)
        for part in parts
        if part.isascii() and part.isdigit() and len(part) <= MAX_ID_DIGITS
    }


def banners_for(request):
    """The banners this visitor has not dismissed, looked up once per request."""
    if not hasattr(request, "_infomie_banners"):
        banners = live_banners()
        if banners:
            request._infomie_banners_use_cookie = True
            hidden = dismissed_ids(request)
            banners = [n for n in banners if n.pk not in hidden]
        request._infomie_banners = banners
    return request._infomie_banners


def page_cache_key_part(request):
    """What of the notices a cached page depends on: which are live now (so a scheduled
    notice changes every page's key at its start and end, with no purge) and which of the
    live banners this visitor dismissed. Empty when none is live: no cost, one shared page."""
    live = live_notices()
    if not live:
        return ""
    banner_ids = {n.pk for n in live if n.level != NoticeLevel.SUSPENSION}
    hidden = sorted(dismissed_ids(request) & banner_ids)
    return "notices:" + ".".join(str(n.pk) for n in live) + "/" + ".".join(map(str, hidden))


def retry_after(notice, at=None):
    """The Retry-After value: the suspension's end as an HTTP date when it has one still to
    come, otherwise a number of seconds (an hour unless NOTICES_RETRY_AFTER says otherwise)."""
    at = at or now()
    if notice.ends_at is not None and notice.ends_at > at:
        return http_date(math.ceil(notice.ends_at.timestamp()))
    return str(DEFAULT_RETRY_AFTER)
