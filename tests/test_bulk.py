"""The bulk writer (articles/bulk.py) against Wagtail's own page API: the same articles written
once in bulk and once as the admin writes them (`add_child`, `save_revision`, `publish`, then
Wagtail's search and reference index updates) leave the same rows, so an upgrade of Wagtail that
changes what its own path writes fails here. Then what editors see of it: the admin's search
finds imported articles, and indexing many costs no more queries than a few."""

import datetime
import io
import re
import uuid
from collections import Counter

import pytest

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search import index as search_index
from wagtail.search.models import IndexEntry

from articles import bulk
from articles.blocks import ArticleBodyBlock
from articles.factories import ThemeFactory
from articles.models import ArticlePage

pytestmark = pytest.mark.django_db

# Wagtail's own path and the bulk writer cannot share a clock: only whether a time is set is
# compared (in rows, and as revisions store them, in ISO format).
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")
# The columns and revision keys holding a page's id or a revision's.
PAGE_IDS = {"id", "pk", "page_ptr_id", "page_id", "articlepage_id", "object_id"}
REVISION_IDS = {
    "latest_revision",
    "live_revision",
    *(f"{n}_id" for n in ("latest_revision", "live_revision", "revision")),
}


def key(n):
    return uuid.UUID(f"5d0c2b7a-3e61-4a8e-9b1c-{n:012d}")


def fields(n, news_index, title_fr=None, english=True, link=False):
    """An article's fields as the import gives them to the writer (interchange.writing)."""
    text = f"<p>Corps de l'article {n}.</p>"
    if link:  # a link to the news section: a reference Wagtail's reference index records
        text += f'<p>Voir <a linktype="page" id="{news_index.pk}">les actualités</a>.</p>'
    body = ArticleBodyBlock()
    return {
        "title_fr": title_fr or f"Mineurs isolés à Calais, épisode {n}",
        "title_en": f"Unaccompanied minors in Calais, part {n}" if english else None,
        "lead_fr": f"Chapô {n}.",
        "lead_en": f"Lead {n}." if english else None,
        "body_fr": body.to_python(
            [
                {"type": "paragraph", "value": text},
                {"type": "quote", "value": {"text": "Ils dorment dehors.", "language": "fr"}},
            ]
        ),
        "body_en": body.to_python(
            [{"type": "paragraph", "value": f"<p>Body of article {n}.</p>"}] if english else []
        ),
        "source_name": "Le Journal",
        "source_url_fr": f"https://example.org/{n}",
        "source_url_en": f"https://example.org/en/{n}" if english else None,
        "authors_fr": "Camille Martin",
        "authors_en": None,
        "original_date": datetime.date(2024, 3, n),
        "original_language": "fr",
        "published_date": datetime.date(2024, 4, n),
    }


@pytest.fixture
def scene(news_index, admin_user):
    """Two published articles the runs update, and what both runs write: new articles (live
    or draft, French only, a title taking the address of a route, two with the same title)
    and changes to the existing ones (one published with new themes and a link, one saved as
    a draft over its published version)."""
    asylum, shelter, health = (ThemeFactory() for _ in range(3))
    for n, themes in ((1, [asylum]), (2, [shelter])):
        existing = ArticlePage(**fields(n, news_index, link=n == 2), translation_key=key(n))
        existing.themes.set(themes)
        news_index.add_child(instance=existing)
        existing.save_revision(user=admin_user, log_action=True).publish(user=admin_user)
    new = [
        (fields(3, news_index, link=True), [asylum, shelter], True, key(3)),
        (fields(4, news_index, english=False), [health], True, key(4)),
        (fields(5, news_index), [asylum], False, key(5)),
        (fields(6, news_index, title_fr="RSS"), [shelter], True, key(6)),
        (fields(7, news_index, title_fr="RSS"), [shelter], False, key(7)),
    ]
    changed = [
        (key(1), {**fields(1, news_index, link=True), "title_en": "Changed"}, [health], True),
        (key(2), {**fields(2, news_index), "lead_fr": "Nouveau chapô."}, [shelter], False),
    ]
    return news_index, admin_user, new, changed


def write_in_bulk(index, user, new, changed):
    touched = []
    with bulk.indexed_at_the_end(touched):
        touched.extend(bulk.create_many(index, new, user))
        articles = ArticlePage.objects.filter(translation_key__in=[c[0] for c in changed])
        articles = {article.translation_key: article for article in articles}
        updates = [
            (articles[k], articles[k], values, themes, live) for k, values, themes, live in changed
        ]
        touched.extend(bulk.update_many(updates, user))


def write_as_wagtail_does(index, user, new, changed):
    """The admin's create and edit views: "publish", or "save draft"."""
    pages = []
    for values, themes, live, translation_key in new:
        page = ArticlePage(**values, translation_key=translation_key, owner=user)
        page.live = live  # the create view's "save draft" makes the new page a draft
        page.themes.set(themes)
        index.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=True, clean=live)
        if live:
            revision.publish(user=user)
        pages.append(page)
    for translation_key, values, themes, live in changed:
        page = ArticlePage.objects.get(translation_key=translation_key)
        for name, value in values.items():
            setattr(page, name, value)
        page.themes.set(themes)
        revision = page.save_revision(user=user, log_action=True)
        if live:
            revision.publish(user=user)
        pages.append(page)
    # Wagtail indexes in a task its immediate backend runs at commit: here, at once.
    for page in ArticlePage.objects.filter(pk__in=[page.pk for page in pages]):
        search_index.insert_or_update_object(page)
        ReferenceIndex.create_or_update_for_object(page)


def what_was_written(index):
    """Every row the writing left, with database ids replaced by what they stand for (ids
    differ between runs on PostgreSQL, whose sequences a rollback does not rewind)."""
    pages = {
        pk: str(translation_key)
        for pk, translation_key in ArticlePage.objects.values_list("pk", "translation_key")
    }
    page_type, base_type = (ContentType.objects.get_for_model(m) for m in (ArticlePage, Page))
    object_ids = [str(pk) for pk in pages]
    revisions, counts = {}, Counter()
    for pk, object_id in (
        Revision.objects.filter(base_content_type=base_type, object_id__in=object_ids)
        .order_by("pk")
        .values_list("pk", "object_id")
    ):
        page = pages[int(object_id)]
        revisions[pk] = f"{page} revision {counts[page]}"
        counts[page] += 1

    def plain(value, name=""):
        if isinstance(value, dict):
            return {key: plain(item, key) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item, name) for item in value]
        if isinstance(value, datetime.datetime) or (
            isinstance(value, str) and ISO_TIME.match(value)
        ):
            return "a time"
        if value is not None and name in PAGE_IDS:
            return pages.get(int(value), value)
        if name in REVISION_IDS:
            return revisions.get(value, value)
        return str(value) if isinstance(value, uuid.UUID) else value

    def rows(queryset, *left_out):
        rows = [{k: v for k, v in row.items() if k not in left_out} for row in queryset.values()]
        return sorted((plain(row) for row in rows), key=repr)

    return {
        "pages": rows(ArticlePage.objects.all()),
        "news index": rows(type(index).objects.filter(pk=index.pk)),
        "themes": rows(ArticlePage.themes.through.objects.all(), "id"),
        "revisions": rows(Revision.objects.filter(base_content_type=base_type), "id"),
        "history": rows(PageLogEntry.objects.filter(page__in=pages), "id", "uuid"),
        # title_norm depends on the titles indexed before (modelsearch sets it from their
        # average length at the time), so on the order of writing, not on the article.
        "search index": rows(IndexEntry.objects.filter(content_type=page_type), "id", "title_norm"),
        "reference index": rows(ReferenceIndex.objects.filter(base_content_type=base_type), "id"),
    }


def test_the_bulk_writer_writes_what_wagtail_writes(scene):
    index, user, new, changed = scene
    written = {}
    for name, write in (("bulk", write_in_bulk), ("wagtail", write_as_wagtail_does)):
        with transaction.atomic():
            write(index, user, new, changed)
            written[name] = what_was_written(index)
            transaction.set_rollback(True)
    ours, wagtails = written["bulk"], written["wagtail"]
    assert len(ours["pages"]) == 7 and ours["reference index"] and ours["search index"]
    for table in ours:
        assert differences(ours[table], wagtails[table]) == [], table


def differences(ours, wagtails):
    """(row, field, ours, Wagtail's) wherever they differ; a row missing on one side is None."""
    found = []
    for number in range(max(len(ours), len(wagtails))):
        mine = flat(ours[number]) if number < len(ours) else {}
        theirs = flat(wagtails[number]) if number < len(wagtails) else {}
        for name in sorted(set(mine) | set(theirs)):
            if mine.get(name) != theirs.get(name):
                found.append((number, name, mine.get(name), theirs.get(name)))
    return found


def flat(row, prefix=""):
    """{"content.title_fr": …} for {"content": {"title_fr": …}}."""
    items = {}
    for name, value in row.items():
        if isinstance(value, dict):
            items.update(flat(value, f"{prefix}{name}."))
        else:
            items[f"{prefix}{name}"] = value
    return items


# What editors see -----------------------------------------------------------------------

HEADER = "id,source_url,title_fr,title_en,lead_fr,lead_en,body_fr,body_en,source_name,authors,themes,status"  # noqa: E501


def import_file(tmp_path, rows, name="articles.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    call_command("import_articles", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def row(n, title_fr=None, title_en=None, body_fr=None, status="live"):
    return ",".join(
        [
            str(key(n)),
            f"https://example.org/{n}",
            title_fr or f"Titre numéro {n}",
            title_en or f"Title number {n}",
            f"Chapô {n}",
            f"Lead {n}",
            body_fr or f"Corps de l'article {n}",
            f"Body of article {n}",
            "Le Journal",
            "Camille Martin",
            "Asile; Hébergement",
            status,
        ]
    )


def admin_search(client, query):
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_the_admin_search_finds_imported_articles(client, admin_user, tmp_path, news_index):
    """The admin's page search (and the page chooser's) looks up title words as they are typed
    (Wagtail's autocomplete): live and draft articles alike."""
    import_file(
        tmp_path,
        [row(1, title_fr="Calais : des mineurs dorment dehors"), row(2, status="draft")],
    )
    client.force_login(admin_user)
    assert "Calais : des mineurs dorment dehors" in admin_search(client, "Calais")
    assert "Calais : des mineurs dorment dehors" in admin_search(client, "mineurs")
    assert "Titre numéro 2" in admin_search(client, "numéro")
    # Updated by a second import: found by its new title, no longer by the old one.
    import_file(tmp_path, [row(1, title_fr="Briançon : un refuge ferme")], name="v2.csv")
    assert "Briançon : un refuge ferme" in admin_search(client, "Briançon")
    assert "Briançon" not in admin_search(client, "Calais")


@pytest.mark.postgres
def test_full_text_search_finds_words_of_every_field_in_both_languages(tmp_path, news_index):
    """Wagtail's full-text search (PostgreSQL; SQLite's fallback backend matches less)."""
    import_file(
        tmp_path,
        [
            row(1, title_en="Minors sleeping rough"),
            row(2, body_fr="Le département de la Marne ouvre un foyer.", status="draft"),
        ],
    )

    def found(query):
        return {page.title_fr for page in ArticlePage.objects.search(query)}

    assert found("rough") == {"Titre numéro 1"}
    assert found("Marne") == {"Titre numéro 2"}
    assert found("Hébergement") == {"Titre numéro 1", "Titre numéro 2"}  # a theme


def test_a_link_taken_out_by_a_second_import_leaves_the_reference_index(tmp_path, news_index):
    """The admin's "used by" of the news section lists the article while it links there."""
    link = f'<p>Voir <a linktype=""page"" id=""{news_index.pk}"">les actualités</a>.</p>'
    import_file(tmp_path, [row(1, body_fr=f'"{link}"'), row(2)])
    article = ArticlePage.objects.get(source_url_fr="https://example.org/1")
    references = ReferenceIndex.get_references_to(news_index)
    assert {reference.object_id for reference in references} == {str(article.pk)}
    import_file(tmp_path, [row(1, body_fr="Sans lien.")], name="v2.csv")
    assert not ReferenceIndex.get_references_to(news_index).exists()


def indexing_queries(count, update):
    pages = ArticlePage.objects.order_by("pk")[:count]
    with CaptureQueriesContext(connection) as context:
        update(list(bulk.prefetch_for_indexing(pages)))
    return len(context.captured_queries)


def test_reference_index_costs_the_same_queries_for_2_or_20_articles(tmp_path, news_index):
    import_file(tmp_path, [row(n) for n in range(1, 21)])
    update = bulk.update_reference_index
    assert indexing_queries(2, update) == indexing_queries(20, update)


@pytest.mark.postgres
def test_search_index_costs_the_same_queries_for_2_or_20_articles(tmp_path, news_index):
    """(On SQLite, Wagtail's fallback backend writes one entry per query.)"""
    import_file(tmp_path, [row(n) for n in range(1, 21)])
    update = bulk.update_search_index
    assert indexing_queries(2, update) == indexing_queries(20, update)
