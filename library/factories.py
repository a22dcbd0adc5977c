"""Factories for tests and benchmarks."""

import copy
import uuid

import factory
from factory.django import DjangoModelFactory

from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import F, Max
from django.utils import timezone

import wagtail_factories
from wagtail.models import Page

from core.slugs import ascii_slug

from .models import Court, DecisionPage, DocumentPage


class CourtFactory(DjangoModelFactory):
    name_fr = factory.Sequence(lambda n: f"Cour d’appel n° {n}")
    name_en = factory.Sequence(lambda n: f"Court of appeal no. {n}")
    jurisdiction = "france"

    class Meta:
        model = Court


class _LibraryPageFactory(wagtail_factories.PageFactory):
    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        kwargs.pop("title", None)
        kwargs.pop("slug", None)
        themes = kwargs.pop("themes", None)
        lower = kwargs.pop("lower_decisions", None)
        instance = model_class(**kwargs)
        if themes:
            instance.themes.set(themes)
        if lower:
            instance.lower_decisions.set(lower)
        parent.add_child(instance=instance)
        return instance


class DecisionPageFactory(_LibraryPageFactory):
    court = factory.SubFactory(CourtFactory)
    kind = "arret"
    number = factory.Sequence(lambda n: f"{460000 + n}")
    decision_date = factory.Faker("date_between", start_date="-6y", end_date="today")
    facts_fr = factory.Faker("paragraph", locale="fr_FR")
    facts_en = factory.Faker("paragraph", locale="en_GB")
    ruling_fr = factory.Faker("paragraph", locale="fr_FR")
    ruling_en = factory.Faker("paragraph", locale="en_GB")

    class Meta:
        model = DecisionPage


class DocumentPageFactory(_LibraryPageFactory):
    title_fr = factory.Faker("sentence", nb_words=6, locale="fr_FR")
    title_en = factory.Faker("sentence", nb_words=6, locale="en_GB")
    kind = "report"
    authors_fr = factory.Faker("company", locale="fr_FR")
    document_date = factory.Faker("date_between", start_date="-6y", end_date="today")
    summary_fr = factory.Faker("paragraph", locale="fr_FR")
    summary_en = factory.Faker("paragraph", locale="en_GB")
    file_languages = factory.LazyFunction(lambda: ["fr"])

    class Meta:
        model = DocumentPage


def bulk_pages(parent, model, count, fields_of, themes=()):
    """`count` live pages of `model` (a LibraryPage) under `parent`, written as rows without
    Wagtail's page API (no revision, history, search index or signals): 10,000 decisions in
    seconds, for the query budgets. `fields_of(n)` gives the n-th page's own fields, its
    titles included; each page is filed under `themes`."""
    content_type = ContentType.objects.get_for_model(model)
    last = parent.get_last_child()
    position = model._str2int(last.path[-Page.steplen :]) if last else 0
    first_id = (Page.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
    depth = parent.depth + 1
    now = timezone.now()
    # One instance built, the others copied from it: a translated page's __init__ is what
    # costs most here.
    template = model(
        **fields_of(0),
        live=True,
        depth=depth,
        locale_id=parent.locale_id,
        content_type=content_type,
        first_published_at=now,
        last_published_at=now,
    )
    pages = []
    for number in range(count):
        fields = fields_of(number)
        slug = f"{ascii_slug(fields['title_fr'])[:60]}-{position + number + 1}"
        fields.update(
            id=first_id + number,
            page_ptr_id=first_id + number,
            slug_fr=slug,
            slug_en=slug if fields.get("title_en") else None,
            path=model._get_path(parent.path, depth, position + number + 1),
            translation_key=uuid.uuid4(),
            draft_title=fields["title_fr"],
        )
        page = copy.copy(template)
        for name, value in fields.items():
            setattr(page, name, value)
        page.set_url_path(parent)
        pages.append(page)
    with transaction.atomic():
        _insert(Page, Page._meta.concrete_fields, pages)
        _insert(model, model._meta.local_concrete_fields, pages)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), [Page]):
                    cursor.execute(statement)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
        through = model.themes.through
        column = f"{model._meta.model_name}_id"
        through.objects.bulk_create(
            [
                through(**{column: page.pk, "theme_id": theme.pk})
                for page in pages
                for theme in themes
            ],
            batch_size=1000,
        )
    parent.refresh_from_db()
    return pages


def _insert(table_model, fields, objects):
    """One INSERT statement run for every object, with the values Django's save would write."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = quote(table_model._meta.db_table)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 - names from the model
    rows = [
        [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
