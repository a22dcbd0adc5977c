"""Which page goes where, and how pages made in code get their URLs in both languages."""

import pytest

from django.utils import translation

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from articles.factories import ArticlePageFactory, ThemeFactory
from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomePage
from home.site_tree import ensure_site_tree

from .admin_forms import article_form_data


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_goes_at_the_top_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(ArticleIndexPage, HomePage)

    def test_news_index_goes_under_home(self):
        self.assertCanCreateAt(HomePage, ArticleIndexPage)
        self.assertCanNotCreateAt(Page, ArticleIndexPage)
        self.assertCanNotCreateAt(ArticleIndexPage, ArticleIndexPage)

    def test_articles_go_under_the_news_index(self):
        self.assertCanCreateAt(ArticleIndexPage, ArticlePage)
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(ArticlePage, ArticlePage)

    def test_single_home_and_news_index(self):
        self.assertEqual(HomePage.max_count, 1)
        self.assertEqual(ArticleIndexPage.max_count, 1)


class RenderingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        with translation.override("fr"):
            cls.home, cls.index = ensure_site_tree()
            cls.article = ArticlePageFactory(parent=cls.index, themes=[ThemeFactory()])

    def test_pages_are_renderable(self):
        for page in (self.home, self.index, self.article):
            self.assertPageIsRenderable(page)

    def test_pages_route_in_both_languages(self):
        # Wagtail's assertPageIsRoutable does not know the /fr/ and /en/ prefixes: ask the
        # site itself, through its real URLs.
        for page in (self.home, self.index, self.article):
            for lang in ("fr", "en"):
                url = page.get_url_in(lang)
                self.assertTrue(url.startswith(f"/{lang}/"), url)
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200, url)
                self.assertEqual(response.context["page"].pk, page.pk)

    def test_article_is_editable(self):
        themes = [theme.pk for theme in self.article.themes.all()]
        self.assertPageIsEditable(self.article, post_data=article_form_data(themes=themes))


@pytest.mark.django_db
def test_slugs_and_url_paths_in_both_languages(news_index):
    article = ArticlePageFactory(
        parent=news_index, title_fr="Les enfants disparus", title_en="The missing children"
    )
    article.refresh_from_db()
    assert article.slug_fr == "les-enfants-disparus"
    assert article.slug_en == "the-missing-children"
    assert article.url_path_fr == "/accueil/actualites/les-enfants-disparus/"
    assert article.url_path_en == "/home/news/the-missing-children/"
    assert article.get_url_in("fr") == "/fr/actualites/les-enfants-disparus/"
    assert article.get_url_in("en") == "/en/news/the-missing-children/"


@pytest.mark.django_db
def test_english_slug_is_filled_even_when_saved_in_english(news_index):
    with translation.override("en"):
        article = ArticlePageFactory(
            parent=news_index, title_fr="Rapport annuel", title_en="Annual report"
        )
    article.refresh_from_db()
    assert (article.slug_fr, article.slug_en) == ("rapport-annuel", "annual-report")
    # The untranslated column holds whatever language was active: never read it directly.
    assert article.get_url_in("fr") == "/fr/actualites/rapport-annuel/"


@pytest.mark.django_db
def test_french_only_article_uses_the_french_slug_in_english(news_index):
    article = ArticlePageFactory(
        parent=news_index, title_fr="Décret du 24 juin", title_en=None, lead_en=None
    )
    article.refresh_from_db()
    assert article.slug_en in (None, "")
    assert article.get_url_in("en") == "/en/news/decret-du-24-juin/"


@pytest.mark.django_db
def test_same_title_gets_a_distinct_slug(news_index):
    first = ArticlePageFactory(parent=news_index, title_fr="Même titre", title_en="Same title")
    second = ArticlePageFactory(parent=news_index, title_fr="Même titre", title_en="Same title")
    assert first.slug_fr != second.slug_fr
    assert first.slug_en != second.slug_en


@pytest.mark.django_db
def test_long_titles_give_short_slugs(news_index):
    article = ArticlePageFactory(parent=news_index, title_fr="mot " * 50, title_en="word " * 50)
    assert len(article.slug_fr) <= 80 and len(article.slug_en) <= 80
    assert not article.slug_fr.endswith("-")


@pytest.mark.django_db
def test_a_renamed_section_is_routed_at_once(client, news_index):
    """The sections below the home page are kept in each process between requests: a new
    slug, once published, is routed at the next request, and the old one no longer is."""
    for _ in range(2):
        assert client.get("/fr/actualites/").status_code == 200
    news_index.slug_fr = "nouvelles"
    news_index.save_revision().publish()
    assert client.get("/fr/nouvelles/").status_code == 200
    assert client.get("/fr/actualites/").status_code in (301, 302, 404)
    assert client.get("/fr/pas-une-rubrique/").status_code == 404
