"""The kinds, statuses and ways of attending an event, shared by the page, its calendar entry
and its JSON-LD."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    TRAINING = "training", _("Training session")
    WEBINAR = "webinar", _("Webinar")
    HEARING = "hearing", _("Hearing")
    MEETING = "meeting", _("Public meeting")
    OTHER = "other", _("Other")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")


class Attendance(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("In person and online")
