"""The kinds, statuses and ways of attending an event, shared by the page, its calendar entry
and its JSON-LD."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    CONFERENCE = "conference", pgettext_lazy("agenda", "Conference")
    TRAINING = "training", pgettext_lazy("agenda", "Training session")
    WEBINAR = "webinar", pgettext_lazy("agenda", "Webinar")
    HEARING = "hearing", pgettext_lazy("agenda", "Hearing")
    MEETING = "meeting", pgettext_lazy("agenda", "Public meeting")
    OTHER = "other", pgettext_lazy("agenda", "Other")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", pgettext_lazy("agenda", "Cancelled")
    POSTPONED = "postponed", pgettext_lazy("agenda", "Postponed")


class Attendance(models.TextChoices):
    IN_PERSON = "in_person", pgettext_lazy("agenda", "In person")
    ONLINE = "online", pgettext_lazy("agenda", "Online")
    MIXED = "mixed", _("In person and online")
