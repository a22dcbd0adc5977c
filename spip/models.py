"""What the SPIP import remembers between runs: each SPIP object and what it became here (a
second run updates these, never duplicates them; the old addresses resolve through them), the
site's "URLs propres", and a record of each run."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

KINDS = [
    ("article", _("article")),
    ("breve", _("brève")),
    ("rubrique", _("rubrique")),
    ("mot", _("keyword")),
    ("document", _("document")),
    ("evenement", _("event")),
]


class MigratedObject(models.Model):
    """One SPIP object (`article 12`) and the page, document, image or theme it became. The
    articles of a translation group all point to one page, each with its language."""

    kind = models.CharField(_("SPIP object"), max_length=10, choices=KINDS)
    spip_id = models.PositiveBigIntegerField(_("SPIP number"))
    language = models.CharField(_("language"), max_length=2, default="fr")
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    theme = models.ForeignKey(
        "articles.Theme", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Of the SPIP rows and mapping this object was made from: unchanged, a run leaves it be.
    checksum = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("migrated SPIP object")
        verbose_name_plural = _("migrated SPIP objects")
        constraints = [models.UniqueConstraint(fields=["kind", "spip_id"], name="spip_object_once")]

    def __str__(self):
        return f"{self.kind} {self.spip_id}"


class OldAddress(models.Model):
    """A "URL propre" of the SPIP site (its spip_urls table), e.g. `Le-titre-de-l-article`:
    the address answers a permanent redirect to what its object became."""

    path = models.CharField(_("old address"), max_length=255, unique=True)
    kind = models.CharField(_("SPIP object"), max_length=10, choices=KINDS)
    spip_id = models.PositiveBigIntegerField(_("SPIP number"))

    class Meta:
        verbose_name = _("old SPIP address")
        verbose_name_plural = _("old SPIP addresses")

    def __str__(self):
        return self.path


class ImportRun(models.Model):
    """One run of the import (or its dry run), with its report. A run started from the admin
    goes on outside the web request (spip.background): its progress and its report are
    written here as it goes, and the admin's page of the run reads them."""

    QUEUED, RUNNING, FINISHED, FAILED = "queued", "running", "finished", "failed"
    STATUSES = [
        (QUEUED, _("waiting to start")),
        (RUNNING, _("running")),
        (FINISHED, _("finished")),
        (FAILED, _("interrupted")),
    ]

    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    succeeded = models.BooleanField(_("succeeded"), default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    report = models.JSONField(_("report"), default=dict)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=FINISHED)
    # What a run started from the admin imports (the command is given them on its line).
    database = models.CharField(_("SPIP database address"), max_length=500, blank=True)
    img = models.CharField(_("folder of the SPIP files"), max_length=500, blank=True)
    mapping_text = models.TextField(_("mapping"), blank=True)
    progress = models.CharField(_("progress"), max_length=200, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)
    host = models.CharField(max_length=255, blank=True)
    # True while queued or running: the database itself refuses a second such run.
    active = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("SPIP import")
        verbose_name_plural = _("SPIP imports")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["active"],
                condition=models.Q(active=True),
                name="one_spip_import_at_a_time",
            )
        ]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M}"
