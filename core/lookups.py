"""The values every page reads and that change only with the content, kept until the next
content change (`pagecache.kept`: shared by every process, forgotten at every purge), each
named after what it holds. Plain values only: pages are built per request from their row
(`Model.from_db`), never shared between requests."""

from django.apps import apps
from django.db import router

from wagtail.models import PageViewRestriction

from .caching import kept


def view_restrictions_exist():
    """False on a site with no private page, the usual case: no page needs checking.
    Forgotten when a restriction is saved or deleted (pagecache.signals)."""
    return kept("view-restrictions", PageViewRestriction.objects.exists)


def page_row(page):
    """`page` as plain values: (model label, field names, values)."""
    fields = page._meta.concrete_fields
    values = [field.get_prep_value(field.value_from_object(page)) for field in fields]
    return (page._meta.label_lower, [field.attname for field in fields], values)


def page_from_row(row):
    """A fresh page instance from `page_row`'s values."""
    label, names, values = row
    model = apps.get_model(label)
    return model.from_db(router.db_for_read(model), names, values)
