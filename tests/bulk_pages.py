"""Many published pages in a few queries, for the query-budget tests at 10,000 pages: tree paths
and translated addresses worked out in memory, each batch of Wagtail's page rows and of the
specific rows written with one `executemany`. Each column's value is prepared once per distinct
value (instantiating a Wagtail page costs about a millisecond: ten thousand of them would be the
whole test). No revision, no search index entry: the pages are read, never edited (the
factories and the admin are tested elsewhere)."""

import uuid
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from wagtail.models import Locale, Page

BATCH = 1000


def _inserter(model, prototype):
    """(the INSERT statement for `model`'s own columns, a function giving a row's values from a
    dict of field values, the others taken from `prototype`). The database numbers the rows."""
    auto = model._meta.auto_field
    columns = [f for f in model._meta.local_concrete_fields if f is not auto]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (our own column names)
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in columns),
        ", ".join(["%s"] * len(columns)),
    )
    defaults = [f.get_db_prep_save(f.pre_save(prototype, True), connection) for f in columns]
    prepared = {}

    def prepare(field, value):
        key = (field.attname, repr(value))
        if key not in prepared:
            prepared[key] = field.get_db_prep_save(field.to_python(value), connection)
        return prepared[key]

    def values(given):
        return [
            prepare(f, given[f.attname]) if f.attname in given else default
            for f, default in zip(columns, defaults, strict=True)
        ]

    return sql, values


def add_children(parent, model, rows):
    """Publish one `model` page under `parent` for each dict of `rows` (`title_fr`, `title_en`,
    `slug_fr`, `slug_en`, and the model's own fields), after its existing children. Returns the
    new pages' ids and paths, for adding pages below them."""
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    now = timezone.now()
    page_sql, page_values = _inserter(
        Page,
        Page(
            content_type=ContentType.objects.get_for_model(model),
            locale=Locale.get_default(),
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            depth=parent.depth + 1,
            numchild=0,
            title="",
            slug="",
        ),
    )
    specific_sql, specific_values = _inserter(model, model())
    made = []
    for start in range(0, len(rows), BATCH):
        pages, specifics = [], []
        for offset, row in enumerate(rows[start : start + BATCH]):
            row = dict(row)
            title_fr, title_en = row.pop("title_fr"), row.pop("title_en", "")
            slug_fr, slug_en = row.pop("slug_fr"), row.pop("slug_en", "")
            path = Page._get_path(parent.path, parent.depth + 1, first_step + start + offset)
            pages.append(
                {
                    "path": path,
                    "title": title_fr,
                    "title_fr": title_fr,
                    "title_en": title_en or None,
                    "draft_title": title_fr,
                    "slug": slug_fr,
                    "slug_fr": slug_fr,
                    "slug_en": slug_en or None,
                    "url_path": f"{parent.url_path}{slug_fr}/",
                    "url_path_fr": f"{parent.url_path_fr}{slug_fr}/",
                    "url_path_en": f"{parent.url_path_en}{slug_en or slug_fr}/",
                    "translation_key": uuid.uuid4(),
                }
            )
            specifics.append(row)
        with connection.cursor() as cursor:
            cursor.executemany(page_sql, [page_values(page) for page in pages])
        ids = dict(
            Page.objects.filter(path__in=[page["path"] for page in pages]).values_list("path", "pk")
        )
        for page, row in zip(pages, specifics, strict=True):
            row["page_ptr_id"] = ids[page["path"]]
            made.append(SimpleNamespace(pk=ids[page["path"]], **page))
        with connection.cursor() as cursor:
            cursor.executemany(specific_sql, [specific_values(row) for row in specifics])
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(rows))
    return made


def file_under_themes(model, pages, themes_of):
    """File each of `pages` (add_children's, in order) under `themes_of(n)`, n its position:
    the rows of `model`'s themes relation, in one statement per 2,000."""
    through = model.themes.through
    page_column = model.themes.field.m2m_field_name() + "_id"
    through.objects.bulk_create(
        [
            through(**{page_column: page.pk, "theme_id": theme.pk})
            for number, page in enumerate(pages)
            for theme in themes_of(number)
        ],
        batch_size=2000,
    )
