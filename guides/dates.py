"""Review dates: when a guide is due for review, and when it is so late that visitors are
warned. Plain date arithmetic, no model."""

import calendar
import datetime

from django.utils import timezone

DEFAULT_REVIEW_MONTHS = 12
# Visitors see a warning once a review is this late.
WARNING_DELAY = datetime.timedelta(days=365)


def add_months(day, months):
    """`day` plus `months` calendar months (31 January + 1 month is the last day of February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def review_due(last_reviewed, months):
    return add_months(last_reviewed, months or DEFAULT_REVIEW_MONTHS)


def is_long_overdue(due, today=None):
    """True when a review due on `due` is more than a year late."""
    today = today or timezone.localdate()
    return due is not None and today - due > WARNING_DELAY
