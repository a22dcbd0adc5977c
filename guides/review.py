"""Reviewing a guide: a moderator re-reads it and confirms it is still accurate. The guide and
every page of it take the day as their review date, and the guide its next due date; no text
changes and no revision is made (the dates live on the pages' rows: GuideContentPage)."""

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from pagecache import purge_page_cache

from .dates import review_due
from .models import GuidePage, GuideSectionPage

REVIEWED_ACTION = "guides.reviewed"


def mark_guide_reviewed(guide, day=None, user=None):
    day = day or timezone.localdate()
    with transaction.atomic():
        GuideSectionPage.objects.filter(path__startswith=guide.path).update(last_reviewed=day)
        GuidePage.objects.filter(pk=guide.pk).update(
            last_reviewed=day, review_due=review_due(day, guide.review_interval)
        )
        log(instance=guide, action=REVIEWED_ACTION, user=user)
        purge_page_cache()
    guide.last_reviewed = day
    guide.review_due = review_due(day, guide.review_interval)
    return guide


def guides_due(today=None, lead_days=0):
    """The published guides whose review is due (or overdue) by `today` plus `lead_days`, the
    most overdue first (a draft never published is not read by anyone yet)."""
    today = today or timezone.localdate()
    horizon = today + timezone.timedelta(days=lead_days)
    return (
        GuidePage.objects.live()
        .filter(review_due__lte=horizon)
        .defer_streamfields()
        .order_by("review_due", "path")
    )
