"""The agenda's days are Paris days: an event's dates and times are typed in Paris time, and
what is upcoming or past, and when an online link is shown, changes at midnight in Paris."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control

PARIS = ZoneInfo("Europe/Paris")


def today():
    """Today's date in Paris."""
    return timezone.now().astimezone(PARIS).date()


def page_cache_key_part(request):
    """Cached pages are kept per Paris day (core.caching.register_cache_key_part)."""
    return today().isoformat()


def paris_datetime(day, time):
    """`day` at `time`, Paris wall-clock time, as an aware datetime."""
    return datetime.datetime.combine(day, time, tzinfo=PARIS)


def seconds_until_tomorrow():
    """Seconds until the next midnight in Paris: how long a shared cache may keep a page
    whose content depends on the day."""
    now = timezone.now().astimezone(PARIS)
    midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time())
    return max(1, int((midnight.replace(tzinfo=PARIS) - now).total_seconds()))


def cache_until_tomorrow(response):
    """A shared cache in front (FRONTEND_CACHE_MAX_AGE) keeps an agenda response no later than
    midnight in Paris, when what it shows may change without anyone saving anything."""
    max_age = settings.FRONTEND_CACHE_MAX_AGE
    if max_age and getattr(response, "status_code", None) == 200:
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=min(max_age, seconds_until_tomorrow())
        )
    return response
