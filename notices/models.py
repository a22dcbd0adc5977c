from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel
from wagtail.fields import RichTextField

MESSAGE_FEATURES = ["bold", "italic", "link"]
# Search engines start dropping pages that answer 503 for longer than this.
SUSPENSION_SAFE_DURATION = timezone.timedelta(days=2)


class NoticeLevel(models.TextChoices):
    INFO = "info", _("Information")
    WARNING = "warning", _("Warning")
    SUSPENSION = "suspension", _("Suspension of access")


class NoticeStatus(models.TextChoices):
    LIVE = "live", _("Live now")
    SCHEDULED = "scheduled", _("Scheduled")
    ENDED = "ended", _("Ended")
    OFF = "off", _("Switched off")


class NoticeQuerySet(models.QuerySet):
    def current(self, now=None):
        """Switched on and not over yet: the notices that are live now or will be by
        themselves, with no one touching them."""
        now = now or timezone.now()
        return self.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now), enabled=True)


class Notice(models.Model):
    """A message to every visitor: a banner at the top of every public page (information,
    warning) or, for a suspension, the only thing visitors see until it is lifted."""

    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("For editors only: how the notice appears in the list."),
    )
    level = models.CharField(
        _("level"),
        max_length=16,
        choices=NoticeLevel.choices,
        default=NoticeLevel.INFO,
        help_text=_(
            "Information and warning: a banner on every page. Suspension: every public page "
            "answers “Content unavailable” with this message and the donation call-out."
        ),
    )
    message = RichTextField(
        _("message"),
        features=MESSAGE_FEATURES,
        help_text=_("A few sentences, with links if needed. English falls back to French."),
    )
    enabled = models.BooleanField(
        _("switched on"),
        default=False,
        help_text=_(
            "Visitors see the notice while it is switched on, between its start and end (when set)."
        ),
    )
    starts_at = models.DateTimeField(
        _("starts at"),
        null=True,
        blank=True,
        help_text=_("Empty: as soon as it is switched on. Paris time."),
    )
    ends_at = models.DateTimeField(
        _("ends at"),
        null=True,
        blank=True,
        help_text=_("Empty: until it is switched off. Paris time."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-enabled", "-starts_at", "-pk"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})

    def is_live(self, now=None):
        """Switched on, started (start included) and not over (end excluded)."""
        now = now or timezone.now()
        if not self.enabled:
            return False
        if self.starts_at is not None and now < self.starts_at:
            return False
        return self.ends_at is None or now < self.ends_at

    def status(self, now=None):
        now = now or timezone.now()
        if not self.enabled:
            return NoticeStatus.OFF
        if self.ends_at is not None and now >= self.ends_at:
            return NoticeStatus.ENDED
        if self.starts_at is not None and now < self.starts_at:
            return NoticeStatus.SCHEDULED
        return NoticeStatus.LIVE

    def get_status_display(self):
        return NoticeStatus(self.status()).label

    @property
    def is_suspension(self):
        return self.level == NoticeLevel.SUSPENSION

    @property
    def is_longer_than_search_engines_tolerate(self):
        """A suspension with no end, or one longer than search engines wait for."""
        if not self.is_suspension:
            return False
        if self.ends_at is None:
            return True
        start = self.starts_at or timezone.now()
        return self.ends_at - start > SUSPENSION_SAFE_DURATION

    panels = [
        FieldPanel("name"),
        FieldPanel("level"),
        HelpPanel(
            content=_(
                "<p><strong>Suspension:</strong> search engines drop the pages that stay "
                "unavailable for more than a couple of days, and take weeks to list them "
                "again. Keep a suspension short and give it an end date.</p>"
            ),
            heading=_("Search engines"),
            classname="help-block help-warning help-suspension",
        ),
        FieldPanel("message"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("enabled"),
    ]
