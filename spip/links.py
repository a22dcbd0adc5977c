"""Links between imported texts. A text may name a page the run creates after it (`[->art12]`
written before article 12 exists here): the converter is given a stand-in id, far above any
real one, and once every page exists the stand-ins are replaced by the pages' ids, in the pages
and in the run's own revisions (which no editor has seen yet), a few queries per 200 pages."""

import re

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Revision

from core.bulk_rows import update_rows

STAND_IN = 10**12
STAND_IN_LINK = re.compile(r'<a\b[^>]*\bid="(\d{13,})"[^>]*>')


def relinked(value, real):
    """`value` (text, or the lists and dicts of a StreamField or a revision) with each
    stand-in id replaced by the real one in `real` ({stand-in: page id}, as strings)."""
    if isinstance(value, str):
        return STAND_IN_LINK.sub(
            lambda m: m.group(0).replace(m.group(1), real.get(m.group(1), m.group(1))), value
        )
    if isinstance(value, list):
        return [relinked(part, real) for part in value]
    if isinstance(value, dict):
        return {name: relinked(part, real) for name, part in value.items()}
    return value


def relink_pages(ids_by_model, real):
    for model, ids in ids_by_model.items():
        rich = [
            field.attname
            for field in model._meta.get_fields(include_parents=False)
            if isinstance(field, StreamField | RichTextField)
        ]
        pages = list(model.objects.filter(pk__in=ids).only("pk", "latest_revision", *rich))
        for page in pages:
            for name in rich:
                value = getattr(page, name)
                raw = value.get_prep_value() if hasattr(value, "get_prep_value") else value
                setattr(page, name, relinked(raw, real))
        if rich:
            update_rows(model, pages, rich)
        revisions = list(
            Revision.objects.filter(pk__in=[page.latest_revision_id for page in pages])
        )
        for revision in revisions:
            revision.content = relinked(revision.content, real)
        update_rows(Revision, revisions, ["content"])
