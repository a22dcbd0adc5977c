"""The stored search vectors (articles.search): searches read them through their GIN indexes,
and they follow what visitors see, the live content of each article, through publishing,
translation, theme renames, imports and the demo content; never a draft's changes."""

import io

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import interchange
from articles.factories import ArticlePageFactory, ThemeFactory, paragraph
from articles.models import ArticlePage
from articles.search import search_articles, update_search_vectors

pytestmark = pytest.mark.django_db


def found(query, lang="fr"):
    return [article.pk for article in search_articles(query, lang)]


def vector_updates(queries):
    """The UPDATEs of search vectors among captured `queries`."""
    sqls = [query["sql"] for query in queries]
    return [sql for sql in sqls if sql.startswith("UPDATE") and "search_vector" in sql]


def test_vectors_are_not_copied_into_revisions(news_index):
    article = ArticlePageFactory(parent=news_index)
    data = article.serializable_data()
    assert "search_vector_fr" not in data and "search_vector_en" not in data
    assert "search_vector_fr" not in article.save_revision().content


def test_bookkeeping_saves_do_not_recompute_the_vectors(news_index):
    article = ArticlePageFactory(parent=news_index)
    with CaptureQueriesContext(connection) as queries:
        article.save_revision()
        article.save(update_fields=["draft_title", "has_unpublished_changes"])
    assert vector_updates(queries.captured_queries) == []


@pytest.mark.postgres
def test_content_saves_recompute_the_vectors_in_one_update(news_index):
    article = ArticlePageFactory(parent=news_index)
    with CaptureQueriesContext(connection) as queries:
        article.save(update_fields=["lead_fr"])
    assert len(vector_updates(queries.captured_queries)) == 1


@pytest.mark.postgres
def test_publishing_makes_an_article_findable(news_index):
    article = ArticlePageFactory(parent=news_index, title_fr="Arrêté préfectoral", live=False)
    article.title_fr = "Arrêté préfectoral à Mayotte"
    article.save_revision()
    assert found("Mayotte") == []
    article.get_latest_revision().publish()
    assert found("Mayotte") == [article.pk]


@pytest.mark.postgres
def test_a_draft_change_of_a_live_article_is_not_searched(news_index):
    article = ArticlePageFactory(
        parent=news_index, title_fr="Audience au tribunal", body_fr=paragraph("Rien.")
    )
    article.title_fr = "Audience à Briançon"
    article.body_fr = paragraph("Un maraudeur témoigne.")
    article.save_revision()
    assert found("Briançon") == [] and found("maraudeur") == []
    assert found("tribunal") == [article.pk]  # the live title is still searched
    article.get_latest_revision().publish()
    assert found("Briançon") == [article.pk] and found("maraudeur") == [article.pk]
    assert found("tribunal") == []


@pytest.mark.postgres
def test_an_english_translation_is_searched_once_published(news_index):
    article = ArticlePageFactory(
        parent=news_index, title_fr="Décret relatif aux mineurs", title_en=None, lead_en=None
    )
    assert found("décret", "en") == [article.pk]  # in French, as it is shown
    article.title_en = "Decree on children in care"
    article.lead_en = "A new decree."
    article.save_revision().publish()
    assert found("decree", "en") == [article.pk]
    assert found("children", "en") == [article.pk]  # English stemming on the English side
    assert found("decree", "fr") == []


@pytest.mark.postgres
def test_a_renamed_theme_renames_what_its_articles_are_found_by(news_index):
    # Names Faker's random text never contains ("santé" is in its French word list, "House"
    # among its surnames, so an article could be found by its lead or its author rather than
    # its theme): test_searched_words_are_not_in_fakers_vocabulary checks them.
    theme = ThemeFactory(name_fr="Pédopsychiatrie", name_en="Paediatrics")
    other = ThemeFactory(name_fr="Éducation", name_en="Education")
    articles = [ArticlePageFactory(parent=news_index, themes=[theme]) for _ in range(3)]
    unrelated = ArticlePageFactory(parent=news_index, themes=[other])
    theme.name_fr, theme.name_en = "Hébergement", "Sheltering"
    theme.save()
    expected = sorted(article.pk for article in articles)
    assert sorted(found("hébergement")) == expected
    assert sorted(found("sheltering", "en")) == expected
    assert found("pédopsychiatrie") == [] and found("paediatrics", "en") == []
    assert found("éducation") == [unrelated.pk]


@pytest.mark.postgres
def test_a_theme_saved_unchanged_recomputes_nothing(news_index):
    theme = ThemeFactory(name_fr="Santé")
    ArticlePageFactory(parent=news_index, themes=[theme])
    theme.description_fr = "Accès aux soins."
    with CaptureQueriesContext(connection) as queries:
        theme.save()
    assert vector_updates(queries.captured_queries) == []


@pytest.mark.postgres
def test_a_deleted_theme_no_longer_finds_its_articles(news_index):
    theme = ThemeFactory(name_fr="Hébergement")
    article = ArticlePageFactory(parent=news_index, title_fr="Un gymnase", themes=[theme])
    assert found("hébergement") == [article.pk]
    theme.delete()
    assert found("hébergement") == []
    assert found("gymnase") == [article.pk]


@pytest.mark.postgres
def test_articles_filed_from_the_themes_side_are_found_by_its_name(news_index):
    theme = ThemeFactory(name_fr="Hébergement")
    article = ArticlePageFactory(parent=news_index, title_fr="Un gymnase")
    assert found("hébergement") == []
    theme.articles.add(article)
    assert found("hébergement") == [article.pk]
    theme.articles.remove(article)
    assert found("hébergement") == []
    theme.articles.add(article)
    theme.articles.clear()
    assert found("hébergement") == []
    assert found("gymnase") == [article.pk]


def row(number, url, title, themes, status="live"):
    return (
        number,
        {
            # The same id for the same address: a second import updates the article.
            "id": f"5d0c2b7a-3e61-4a8e-9b1c-{int(url.rsplit('/', 1)[-1]):012d}",
            "source_url": url,
            "title_fr": title,
            "lead_fr": "Un chapeau.",
            "source_name": "Le Monde",
            "themes": themes,
            "status": status,
        },
    )


@pytest.mark.postgres
def test_imported_articles_are_searched(news_index):
    rows = [
        row(2, "https://e.org/1", "Saisine du juge à Nantes", "Tutelle"),
        row(3, "https://e.org/2", "Rapport sur Mayotte", "Tutelle; Scolarité"),
    ]
    with CaptureQueriesContext(connection) as queries:
        interchange.import_rows(interchange.validate(rows))
    assert len(vector_updates(queries.captured_queries)) == 1
    nantes = ArticlePage.objects.get(source_url_fr="https://e.org/1")
    mayotte = ArticlePage.objects.get(source_url_fr="https://e.org/2")
    assert found("Nantes") == [nantes.pk]
    assert sorted(found("tutelle")) == sorted([nantes.pk, mayotte.pk])

    # Updated by a second import: new words and themes found, the old ones no more; a
    # draft row's changes stay in its revision.
    rows = [
        row(2, "https://e.org/1", "Saisine du juge à Rennes", "Scolarité"),
        row(3, "https://e.org/2", "Rapport sur la Guyane", "Tutelle", status="draft"),
    ]
    interchange.import_rows(interchange.validate(rows))
    assert found("Rennes") == [nantes.pk] and found("Nantes") == []
    assert found("tutelle") == [mayotte.pk]
    assert found("Guyane") == [] and found("Mayotte") == [mayotte.pk]


@pytest.mark.postgres
def test_demo_content_is_searched(db, demo_content):
    assert len(found("Europol")) == 1
    assert len(found("Europol", "en")) == 1


@pytest.mark.postgres
def test_vectors_are_rebuilt_one_update_per_batch(news_index):
    articles = [ArticlePageFactory(parent=news_index, title_fr=f"Calais {n}") for n in range(5)]
    ArticlePage.objects.update(search_vector_fr=None, search_vector_en=None)
    assert found("Calais") == []
    with CaptureQueriesContext(connection) as queries:
        assert update_search_vectors([articles[0], articles[1].pk]) == 2
        assert update_search_vectors(ArticlePage.objects.filter(pk=articles[2].pk)) == 1
    assert len(vector_updates(queries.captured_queries)) == 2
    assert sorted(found("Calais")) == sorted(a.pk for a in articles[:3])
    out = io.StringIO()
    call_command("update_search_vectors", stdout=out)
    assert "Search vectors updated for 5 article(s)." in out.getvalue()
    assert sorted(found("Calais")) == sorted(a.pk for a in articles)


@pytest.mark.postgres
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_searches_read_the_gin_index(news_index, lang):
    for n in range(30):
        ArticlePageFactory(parent=news_index, title_fr=f"Calais {n}", title_en=f"Calais {n}")
    sql, params = search_articles("Calais", lang).query.sql_with_params()
    with connection.cursor() as cursor:
        # The tables are small: make the planner say whether it *can* find the matches through
        # the index. With sequential and plain index scans off, only a bitmap scan of the
        # search index avoids a disabled node (reading the pages first would need one).
        for setting in ("enable_seqscan", "enable_indexscan", "enable_indexonlyscan"):
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(line for (line,) in cursor.fetchall())
    assert f"Bitmap Index Scan on article_search_{lang}" in plan, plan


def test_sqlite_keeps_its_plain_search(news_index):
    if connection.vendor == "postgresql":
        pytest.skip("SQLite only")
    article = ArticlePageFactory(parent=news_index, title_fr="Calais")
    assert update_search_vectors() == 0
    assert found("Calais") == [article.pk]


# Words the searches above look for among articles whose other fields are Faker's random
# text (ArticlePageFactory: lorem in fr_FR, Latin for en_GB; en_US names and companies for
# the authors and the source). One of them stemming like a word of those lists would make a
# test fail now and then ("santé" did, in a random lead).
SEARCHED_AMONG_RANDOM_TEXT = [
    ("Mayotte", "fr"),
    ("Briançon", "fr"),
    ("maraudeur", "fr"),
    ("tribunal", "fr"),
    ("décret", "en"),
    ("decree", "fr"),
    ("decree", "en"),
    ("children", "en"),
    ("hébergement", "fr"),
    ("sheltering", "en"),
    ("pédopsychiatrie", "fr"),
    ("paediatrics", "en"),
    ("éducation", "fr"),
    ("gymnase", "fr"),
    ("Calais", "fr"),
    ("Calais", "en"),
]


def faker_vocabulary(lang):
    """Every word ArticlePageFactory's Faker fields can write on the `lang` side."""
    import faker

    words = list(faker.Faker({"fr": "fr_FR", "en": "en_GB"}[lang]).get_words_list())
    for provider in faker.Faker("en_US").providers:  # factory_boy's default locale
        for attribute in ("first_names", "last_names", "company_suffixes"):
            words += list(getattr(provider, attribute, ()))
    return " ".join(words + ["and"])


@pytest.mark.postgres
@pytest.mark.parametrize(("query", "lang"), SEARCHED_AMONG_RANDOM_TEXT)
def test_searched_words_are_not_in_fakers_vocabulary(query, lang):
    config = f"infomie_{lang}"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT to_tsvector('{config}', %s) @@ websearch_to_tsquery('{config}', %s)",
            [faker_vocabulary(lang), query],
        )
        assert cursor.fetchone()[0] is False, f"Faker's random text can match {query!r}"
