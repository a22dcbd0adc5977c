"""An import brings Wagtail's search index and reference index up to date in bulk
(articles/bulk_indexing.py): the admin's search finds the imported articles, and the entries are
those Wagtail's own one-by-one updates would have written."""

import io

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from articles import bulk_indexing
from articles.models import ArticlePage

pytestmark = pytest.mark.django_db

HEADER = "id,source_url,title_fr,title_en,lead_fr,lead_en,body_fr,body_en,source_name,authors,themes,status"  # noqa: E501


def import_file(tmp_path, rows, name="articles.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    call_command("import_articles", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def row(n, title_fr=None, title_en=None, body_fr=None, status="live"):
    return ",".join(
        [
            f"5d0c2b7a-3e61-4a8e-9b1c-{n:012d}",
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


@pytest.mark.postgres
def test_search_entries_are_those_wagtail_writes(tmp_path, news_index):
    import_file(tmp_path, [row(n, status="live" if n % 2 else "draft") for n in range(1, 6)])
    pages = list(bulk_indexing.prefetch_for_indexing(ArticlePage.objects.order_by("pk")))

    def entries():
        return {
            entry["object_id"]: entry
            for entry in IndexEntry.objects.filter(object_id__in=[str(p.pk) for p in pages])
            .order_by("object_id")
            .values("object_id", "title", "autocomplete", "body", "title_text", "body_text")
        }

    ours = entries()
    assert len(ours) == 5 and all(entry["body"] for entry in ours.values())
    IndexEntry.objects.filter(object_id__in=list(ours)).delete()
    get_search_backend().add_bulk(ArticlePage, pages)  # Wagtail's own, one article at a time
    assert entries() == ours


def test_references_are_those_wagtail_records(tmp_path, news_index):
    link = f'<p>Voir <a linktype=""page"" id=""{news_index.pk}"">les actualités</a>.</p>'
    import_file(tmp_path, [row(1, body_fr=f'"{link}"'), row(2)])
    article = ArticlePage.objects.get(source_url_fr="https://example.org/1")
    references = ReferenceIndex.get_references_to(news_index)
    assert {reference.object_id for reference in references} == {str(article.pk)}

    def recorded():
        return set(
            ReferenceIndex.objects.filter(object_id=str(article.pk)).values_list(
                "content_type", "to_content_type", "to_object_id", "model_path", "content_path"
            )
        )

    ours = recorded()
    ReferenceIndex.objects.filter(object_id=str(article.pk)).delete()
    ReferenceIndex.create_or_update_for_object(article)
    assert recorded() == ours
    # The link taken out by a second import: the reference goes.
    import_file(tmp_path, [row(1, body_fr="Sans lien.")], name="v2.csv")
    assert not ReferenceIndex.get_references_to(news_index).exists()


def indexing_queries(count, update):
    pages = ArticlePage.objects.order_by("pk")[:count]
    with CaptureQueriesContext(connection) as context:
        update(list(bulk_indexing.prefetch_for_indexing(pages)))
    return len(context.captured_queries)


def test_reference_index_costs_the_same_queries_for_2_or_20_articles(tmp_path, news_index):
    import_file(tmp_path, [row(n) for n in range(20)])
    update = bulk_indexing.update_reference_index
    assert indexing_queries(2, update) == indexing_queries(20, update)


@pytest.mark.postgres
def test_search_index_costs_the_same_queries_for_2_or_20_articles(tmp_path, news_index):
    """(On SQLite, Wagtail's fallback backend writes one entry per query.)"""
    import_file(tmp_path, [row(n) for n in range(20)])

    def update(pages):
        bulk_indexing.update_search_index(ArticlePage, pages)

    assert indexing_queries(2, update) == indexing_queries(20, update)
