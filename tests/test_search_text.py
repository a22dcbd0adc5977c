"""Search finds the words a reader reads in an article's body, through the search page, in the
page's language: never a block's type, its id, a link's address or a quotation's language
setting. The same text on PostgreSQL (stored vectors) and SQLite (plain matching), and the same
vectors whether an article is imported or published from the admin."""

import importlib
import io
import json

import factory.random
import pytest

from django.apps import apps
from django.core.management import call_command
from django.db import connection

from articles.factories import ArticlePageFactory, ThemeFactory
from articles.models import ArticlePage
from articles.search import body_text, update_search_vectors

pytestmark = pytest.mark.django_db

HEADING_ID = "3f1c9a5e-7b2d-4c8e-a1f0-9d6b5e4c3a21"
QUOTE_ID = "b7e2d4c1-95a3-4f6e-8c0d-1a2b3c4d5e6f"

# Every searched field is given: Faker writes none of the text searched below, and no random
# word can make a test that expects nothing find something.
BODY_FR = [
    {"type": "heading", "value": {"text": "Hébergement saturé à Gonesse"}, "id": HEADING_ID},
    {
        "type": "paragraph",
        "value": (
            "<p>Une « éducatrice » spécialisée raconte l’accueil, d’après "
            '<a href="https://www.zorbatron.example/rapport-annuel">le bilan</a> '
            "de l’<b>observatoire</b>.</p><ul><li>Premier point</li><li>Dernier</li></ul>"
        ),
        "id": "0c9e8d7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f",
    },
    {
        "type": "quote",
        "value": {
            "text": "الأطفال ينامون في الشارع",
            "language": "ar",
            "attribution": "Moussa Koné",
        },
        "id": QUOTE_ID,
    },
    {
        "type": "link_list",
        "value": {
            "heading": "Pour aller plus loin",
            "links": [
                {
                    "title": "Rapport du Défenseur des droits",
                    "url": "https://www.quokkanews.example/defenseur",
                    "description": "Recommandations détaillées",
                }
            ],
        },
        "id": "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
    },
]
BODY_EN = [
    {"type": "heading", "value": {"text": "Emergency shelters overwhelmed"}},
    {"type": "paragraph", "value": "<p>A caseworker’s “testimony” about nightfall.</p>"},
    {"type": "quote", "value": {"text": "We sleep under bridges.", "language": "en"}},
    {
        "type": "link_list",
        "value": {
            "links": [
                {
                    "title": "Ombudsman findings",
                    "url": "https://www.quokkanews.example/ombudsman",
                    "description": "",
                }
            ]
        },
    },
]
FIELDS = {
    "title_fr": "Une nuit dehors",
    "title_en": "A night outside",
    "lead_fr": "Chapô.",
    "lead_en": "Lead.",
    "source_name": "Le Journal",
    "authors_fr": "Camille Martin",
    "authors_en": "Camille Martin",
}


@pytest.fixture(autouse=True)
def seeded_faker():
    factory.random.reseed_random("search-text")


@pytest.fixture
def article(news_index):
    return ArticlePageFactory(
        parent=news_index,
        body_fr=BODY_FR,
        body_en=BODY_EN,
        themes=[ThemeFactory(name_fr="Accueil", name_en="Reception")],
        **FIELDS,
    )


@pytest.fixture
def plain_article(news_index):
    """An article whose body is one short paragraph, found by none of the words below."""
    return ArticlePageFactory(
        parent=news_index,
        body_fr=[{"type": "paragraph", "value": "<p>Rien.</p>"}],
        body_en=[{"type": "paragraph", "value": "<p>Nothing.</p>"}],
        themes=[],
        **FIELDS,
    )


SEARCH_PAGES = {"fr": "/fr/recherche/", "en": "/en/search/"}


def found_on_search_page(client, query, lang):
    """The articles the visitor's search page lists for `query`."""
    response = client.get(SEARCH_PAGES[lang], {"q": query})
    assert response.status_code == 200
    return [result.pk for result in response.context["results_page"]]


FOUND_BY = [
    ("saturé", "fr"),  # a heading
    ("Gonesse", "fr"),
    ("éducatrice", "fr"),  # a paragraph, between typographic quotes
    ("« éducatrice »", "fr"),
    ("observatoire", "fr"),  # inside bold rich text
    ("bilan", "fr"),  # a link's text inside a paragraph
    ("Dernier", "fr"),  # a list item
    ("الأطفال", "fr"),  # a quotation in Arabic
    ("Koné", "fr"),  # who said it
    ("Défenseur", "fr"),  # a link list's label
    ("Recommandations", "fr"),  # and its description
    ("overwhelmed", "en"),  # the English heading
    ("caseworker", "en"),  # the English paragraph, with a typographic apostrophe
    ("“testimony”", "en"),
    ("bridges", "en"),  # the English quotation
    ("Ombudsman", "en"),  # the English link label
]


def test_the_words_of_every_block_find_the_article(client, article, plain_article):
    for query, lang in FOUND_BY:
        assert found_on_search_page(client, query, lang) == [article.pk], (query, lang)
    html = client.get(SEARCH_PAGES["fr"], {"q": "« éducatrice »"}).content.decode()
    assert FIELDS["title_fr"] in html


@pytest.mark.postgres  # SQLite's plain matching looks in French on the English side too
@pytest.mark.parametrize(
    ("query", "lang"),
    [
        ("saturé", "en"),  # the French body is not the English one
        ("Défenseur", "en"),
        ("caseworker", "fr"),
        ("Ombudsman", "fr"),
    ],
)
def test_each_language_finds_its_own_body(client, article, query, lang):
    assert found_on_search_page(client, query, lang) == []


STRUCTURE_ONLY = [
    "paragraph",  # block types
    "paragraphe",
    "heading",
    "link_list",
    "quote",
    "links",  # a list block's field names
    "description",
    "3f1c9a5e",  # a block id, or a fragment of one
    HEADING_ID,
    QUOTE_ID.split("-")[-1],
    "zorbatron",  # a link's domain inside rich text
    "www.zorbatron.example",
    "rapport-annuel",
    "quokkanews",  # a link list's address
    "https",
    "href",
    "arabe",  # a quotation's language, as set, never read
    "Arabic",
]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_what_only_the_structure_says_finds_nothing(client, article, lang):
    for query in STRUCTURE_ONLY:
        assert found_on_search_page(client, query, lang) == [], query


def test_an_untranslated_body_is_searched_in_french_on_the_english_side(client, news_index):
    article = ArticlePageFactory(
        parent=news_index, body_fr=BODY_FR, body_en=[], **{**FIELDS, "title_en": None}
    )
    assert found_on_search_page(client, "Défenseur", "en") == [article.pk]
    assert found_on_search_page(client, "heading", "en") == []


def test_the_body_text_is_what_the_reader_reads(article):
    text = body_text(ArticlePage.objects.get(pk=article.pk).body_fr)
    assert text == (
        "Hébergement saturé à Gonesse "
        "Une « éducatrice » spécialisée raconte l’accueil, d’après le bilan de l’observatoire. "
        "Premier point Dernier "
        "الأطفال ينامون في الشارع Moussa Koné "
        "Pour aller plus loin Rapport du Défenseur des droits Recommandations détaillées"
    )


# PostgreSQL: the stored vectors ------------------------------------------------------------


def vectors(article):
    """The stored vectors of `article`, as PostgreSQL prints them."""
    row = ArticlePage.objects.filter(pk=article.pk).values("search_vector_fr", "search_vector_en")
    return {lang: str(value) for lang, value in row.get().items()}


@pytest.mark.postgres
def test_the_vectors_hold_no_structure(article):
    stored = vectors(article)
    for lexeme in ("paragraph", "head", "link_list", "quot", "3f1c9a5e", "https", "zorbatron"):
        assert f"'{lexeme}" not in stored["search_vector_fr"]
        assert f"'{lexeme}" not in stored["search_vector_en"]
    assert "'saturé" not in stored["search_vector_fr"]  # accents left out (unaccent)
    assert "'satur" in stored["search_vector_fr"] and "'overwhelm" in stored["search_vector_en"]


@pytest.mark.postgres
def test_stemming_reaches_the_body_blocks(client, article, plain_article):
    assert found_on_search_page(client, "educatrices", "fr") == [article.pk]
    assert found_on_search_page(client, "shelter", "en") == [article.pk]
    assert found_on_search_page(client, '"sleep under bridges"', "en") == [article.pk]


HEADER = "id,source_url,title_fr,title_en,lead_fr,lead_en,body_fr,body_en,source_name,authors,authors_en,themes,status"  # noqa: E501


def csv_cell(value):
    return '"' + value.replace('"', '""') + '"'


@pytest.mark.postgres
def test_an_import_gives_the_vectors_a_publish_in_the_admin_gives(
    client, admin_user, tmp_path, news_index
):
    body_fr = [{key: block[key] for key in ("type", "value")} for block in BODY_FR]
    body_en = [{key: block[key] for key in ("type", "value")} for block in BODY_EN]
    record = [
        "5d0c2b7a-3e61-4a8e-9b1c-000000000042",
        "https://example.org/42",
        FIELDS["title_fr"],
        FIELDS["title_en"],
        FIELDS["lead_fr"],
        FIELDS["lead_en"],
        csv_cell(json.dumps(body_fr, ensure_ascii=False)),
        csv_cell(json.dumps(body_en, ensure_ascii=False)),
        FIELDS["source_name"],
        FIELDS["authors_fr"],
        FIELDS["authors_en"],
        "Accueil",
        "live",
    ]
    path = tmp_path / "articles.csv"
    path.write_text(f"{HEADER}\n{','.join(record)}\n", encoding="utf-8")
    call_command("import_articles", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    article = ArticlePage.objects.get(source_url_fr="https://example.org/42")
    imported = vectors(article)
    assert "'satur" in imported["search_vector_fr"]
    assert found_on_search_page(client, "Défenseur", "fr") == [article.pk]

    # Published again, unchanged, the way the admin's "Publish" does it (a revision by the
    # editor, then its publication): the same vectors.
    ArticlePage.objects.filter(pk=article.pk).update(search_vector_fr=None, search_vector_en=None)
    article = ArticlePage.objects.get(pk=article.pk)
    article.save_revision(user=admin_user).publish(user=admin_user)
    assert vectors(article) == imported

    # And rebuilt by the command: the same again.
    ArticlePage.objects.filter(pk=article.pk).update(search_vector_fr=None, search_vector_en=None)
    call_command("update_search_vectors", stdout=io.StringIO())
    assert vectors(article) == imported


def write_old_vectors(article):
    """The vectors as they were written before this change: the body's JSON, block types and
    ids included."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_articlepage SET search_vector_fr = "
            "jsonb_to_tsvector('infomie_fr', body_fr, '[\"string\"]') "
            "WHERE page_ptr_id = %s",
            [article.pk],
        )
    assert "'paragraph" in vectors(article)["search_vector_fr"]


@pytest.mark.postgres
def test_existing_articles_are_reindexed_by_the_command(article):
    """Vectors written the old way (the body's JSON, block types and ids included) are
    replaced by the command."""
    write_old_vectors(article)
    assert "'paragraph" in vectors(article)["search_vector_fr"]
    out = io.StringIO()
    call_command("update_search_vectors", stdout=out)
    assert "Search vectors updated for 1 article(s)." in out.getvalue()
    assert "'paragraph" not in vectors(article)["search_vector_fr"]
    assert update_search_vectors([]) == 0


@pytest.mark.postgres
def test_the_migration_rebuilds_vectors_written_the_old_way(article):
    migration = importlib.import_module("articles.migrations.0006_search_text_not_json")
    write_old_vectors(article)
    with connection.schema_editor() as schema_editor:
        migration.rebuild_vectors(apps, schema_editor)
    assert "'paragraph" not in vectors(article)["search_vector_fr"]
    assert "'satur" in vectors(article)["search_vector_fr"]
