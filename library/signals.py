"""What follows a save in the resource centre: the text of an uploaded PDF is read, and the
page cache purged when a court changes (every listing of decisions names courts)."""

import hashlib
import logging

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.documents import get_document_model

from pagecache import purge_page_cache

from .extraction import extract_pdf_text
from .models import Court, DecisionPage, DocumentPage, DocumentText
from .search import update_page_vectors, update_text_vector

logger = logging.getLogger(__name__)


def connect_signals():
    document_model = get_document_model()
    post_save.connect(_document_saved, sender=document_model, dispatch_uid="library-pdf-text")
    post_save.connect(purge_page_cache, sender=Court, dispatch_uid="library-court-saved")
    post_delete.connect(purge_page_cache, sender=Court, dispatch_uid="library-court-deleted")
    for model in (DecisionPage, DocumentPage):
        post_save.connect(_page_saved, sender=model, dispatch_uid=f"library-vectors-{model}")
        m2m_changed.connect(
            _themes_changed, sender=model.themes.through, dispatch_uid=f"library-themes-{model}"
        )


def file_key(document):
    """What changes when the file does (its name in storage, and its size)."""
    try:
        size = document.file.size
    except (OSError, ValueError):
        size = -1
    return hashlib.sha1(f"{document.file.name}:{size}".encode()).hexdigest()  # noqa: S324


def _document_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    key = file_key(instance)
    if DocumentText.objects.filter(document=instance.pk, file_hash=key).exists():
        return  # the title was edited, not the file
    store_document_text(instance, key)


def store_document_text(document, key=None):
    """Read the document's file and keep its text; never raises (the upload is kept)."""
    try:
        with transaction.atomic():  # a failure here leaves the upload's transaction intact
            try:
                size = document.file.size
                with document.file.open("rb") as file:
                    result = extract_pdf_text(file, size)
            except OSError as error:
                result = None
                status, error_text = "broken", str(error)[:300]
            row, _created = DocumentText.objects.update_or_create(
                document=document,
                defaults={
                    "status": result.status if result else status,
                    "text": result.text if result else "",
                    "language": result.language if result else "fr",
                    "page_count": result.page_count if result else 0,
                    "error": result.error if result else error_text,
                    "duration_ms": result.duration_ms if result else 0,
                    "file_hash": key or file_key(document),
                },
            )
            update_text_vector(row)
            return row
    except Exception:
        logger.exception("Could not keep the text of document %s", document.pk)
        return None


def _page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw:
        update_page_vectors(sender, [instance.pk])


def _themes_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        update_page_vectors(type(instance), [instance.pk])
    purge_page_cache()
