"""The search index and the reference index brought up to date for many articles at once (an
import of a few thousand rows), with the same entries as Wagtail's own updates.

Wagtail updates both indexes one object at a time, which was most of an import's time on
PostgreSQL: its full-text backend works out every searchable field's text five times per article
(once for each column of the index entry) and builds and compiles a Django expression for every
text; the reference index costs three queries per article. Here each text is worked out once and
the entries are written with plain SQL, and the reference index is read and written in bulk.
`tests/test_import_indexing.py` checks that the entries are those Wagtail writes itself.
"""

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
)

from django.contrib.contenttypes.models import ContentType

from modelcluster.models import get_all_child_relations
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends

SEARCH_INDEX_BATCH = 500
REFERENCE_INDEX_BATCH = 1000


def prefetch_for_indexing(queryset):
    """The queryset with what both indexes read from each object: the search index's related
    fields and the child objects the reference index scans (no query per object)."""
    model = queryset.model
    related = [field.field_name for field in model.get_search_fields() if hasattr(field, "fields")]
    children = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    return queryset.prefetch_related(*related, *children)


def update_search_index(model, objects):
    """Index entries for `objects` (saved instances of `model`) in every search backend that
    updates itself on save."""
    for backend in get_search_backends(with_auto_update=True):
        index = backend.get_index_for_model(model)
        if isinstance(index, PostgresIndex) and model.get_search_fields():
            _add_to_postgres_index(index, model, objects)
        else:
            backend.add_bulk(model, objects)


class _TextIndexer(ObjectIndexer):
    """modelsearch's indexer for PostgreSQL, with each field's text worked out once (instead of
    once per index column) and each vector kept as its texts and weights, for plain SQL."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self._prepared = {}

    def prepare_field(self, obj, field):
        if obj is not self.obj:  # a related object: cached with the field that leads to it
            return super().prepare_field(obj, field)
        if id(field) not in self._prepared:
            self._prepared[id(field)] = list(super().prepare_field(obj, field))
        return self._prepared[id(field)]

    def as_vector(self, texts, for_autocomplete=False):
        texts = [(text.strip(), weight) for text, weight in texts]
        config = self.autocomplete_config if for_autocomplete else self.config
        return config, [(text, weight) for text, weight in texts if text]


def _vector_sql(vector):
    """SQL and parameters for a tsvector, as modelsearch's SearchVector expressions compile."""
    config, texts = vector
    if not texts:
        return "''::tsvector", []
    to_tsvector = "to_tsvector(%s::regconfig, %s::text)" if config else "to_tsvector(%s::text)"
    sql, params = [], []
    for text, weight in texts:
        sql.append(f"setweight({to_tsvector}, %s)")
        params.extend(([config] if config else []) + [text, weight])
    return " || ".join(sql), params


def _add_to_postgres_index(index, model, objects):
    content_type_id = ContentType.objects.get_for_model(model).pk
    connection = index.write_connection
    for start in range(0, len(objects), SEARCH_INDEX_BATCH):
        rows_sql, params = [], []
        for obj in objects[start : start + SEARCH_INDEX_BATCH]:
            indexer = _TextIndexer(obj, index.backend)
            vectors_sql, vectors_params = [], []
            for vector in (indexer.title, indexer.autocomplete, indexer.body):
                vector_sql, vector_params = _vector_sql(vector)
                vectors_sql.append(vector_sql)
                vectors_params.extend(vector_params)
            rows_sql.append(f"(%s, %s, {', '.join(vectors_sql)}, 1.0, %s, %s)")
            params.extend([content_type_id, indexer.id, *vectors_params])
            params.extend([indexer.title_text, indexer.body_text])
        # The statement modelsearch's PostgresIndex.add_items runs; only placeholders and the
        # quoted table name go into the SQL text.
        table = connection.ops.quote_name(IndexEntry._meta.db_table)
        sql = f"""
            INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,
                                 title_norm, title_text, body_text)
            VALUES {", ".join(rows_sql)}
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                          autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                          title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
        """  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    # Entries just written have title_norm 1.0; modelsearch works out their real value.
    index._refresh_title_norms()


def update_reference_index(objects):
    """What ReferenceIndex.create_or_update_for_object does for each object (saved instances of
    one model), in a few queries for all of them instead of three per object."""
    if not objects or not ReferenceIndex.is_indexed(type(objects[0])):
        return
    model = type(objects[0])
    content_types = [
        ContentType.objects.get_for_model(cls, for_concrete_model=False)
        for cls in [model, *model._meta.get_parent_list()]
    ]
    content_type, base_content_type = content_types[0], content_types[-1]
    known_content_type_ids = {ct.pk for ct in content_types}
    found = {
        str(obj.pk): set(ReferenceIndex._extract_references_from_object(obj)) for obj in objects
    }
    existing = {}
    object_ids = list(found)
    for start in range(0, len(object_ids), REFERENCE_INDEX_BATCH):
        for pk, object_id, content_type_id, *reference in ReferenceIndex.objects.filter(
            base_content_type=base_content_type,
            object_id__in=object_ids[start : start + REFERENCE_INDEX_BATCH],
        ).values_list(
            "pk",
            "object_id",
            "content_type_id",
            "to_content_type_id",
            "to_object_id",
            "model_path",
            "content_path",
        ):
            existing[(object_id, tuple(reference))] = (content_type_id, pk)
    new_entries = []
    for object_id, references in found.items():
        for reference in references:
            if (object_id, reference) in existing:
                continue
            to_content_type_id, to_object_id, model_path, content_path = reference
            new_entries.append(
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=object_id,
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
    ReferenceIndex.objects.bulk_create(
        new_entries, batch_size=REFERENCE_INDEX_BATCH, ignore_conflicts=True
    )
    # A reference recorded against a more specific model than this one may still exist on a
    # relation this model does not see: Wagtail leaves those alone, and so do we.
    removed = [
        pk
        for (object_id, reference), (content_type_id, pk) in existing.items()
        if reference not in found[object_id] and content_type_id in known_content_type_ids
    ]
    for start in range(0, len(removed), REFERENCE_INDEX_BATCH):
        ReferenceIndex.objects.filter(
            pk__in=removed[start : start + REFERENCE_INDEX_BATCH]
        ).delete()
