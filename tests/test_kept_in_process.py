"""What makes an uncached page cheaper to render keeps it correct: the URLs of a page in the
other language are worked out once per request, an article's card is rendered once per
content change (and follows every change), the compiled routing query follows moves and
renames, the themes of the listings follow a theme's edit."""

import pytest

from django.utils import translation
from django.utils.timezone import localdate as today

from articles.factories import ArticlePageFactory, ThemeFactory
from home import fragments
from home.templatetags import infomie_tags
from pagecache import cache as page_cache
from pagecache import purge_page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(news_index):
    theme = ThemeFactory()
    return [ArticlePageFactory(parent=news_index, themes=[theme]) for _ in range(3)]


def test_alternate_urls_are_worked_out_once_per_request(client, articles, monkeypatch):
    calls = []
    compute = infomie_tags._compute_alternate_urls

    def counting(request, page):
        calls.append(page)
        return compute(request, page)

    monkeypatch.setattr(infomie_tags, "_compute_alternate_urls", counting)
    article = articles[0]
    response = client.get(article.get_url_in("fr"))
    html = response.content.decode()
    assert len(calls) == 1
    english = article.get_url_in("en")
    # The switcher, the hreflang link and (on the English page) the canonical URL share it.
    assert f'href="{english}" hreflang="en"' in html
    assert f'hreflang="en" href="http://testserver{english}"' in html
    calls.clear()
    html = client.get(english).content.decode()
    assert len(calls) == 1
    assert f'<link rel="canonical" href="http://testserver{english}">' in html


def test_article_cards_follow_a_change(client, articles):
    article = articles[-1]
    assert article.title_fr in client.get("/fr/").content.decode()
    assert article.title_fr in client.get("/fr/").content.decode()  # from the fragment
    article.title_fr = "Un titre tout neuf"
    article.save_revision().publish()
    html = client.get("/fr/").content.decode()
    assert "Un titre tout neuf" in html
    assert "Un titre tout neuf" in client.get("/fr/actualites/").content.decode()
    # and in each language: the English card is a fragment of its own.
    assert article.title_en in client.get("/en/").content.decode()


def test_article_cards_follow_an_unpublication(client, articles):
    article = articles[-1]
    assert article.get_url_in("fr") in client.get("/fr/actualites/").content.decode()
    article.unpublish()
    assert article.get_url_in("fr") not in client.get("/fr/actualites/").content.decode()


def test_card_heading_level_is_part_of_the_fragment(client, articles):
    # The home page's cards are h3, the news index's h2: neither is served for the other.
    assert 'class="card__title"' in client.get("/fr/").content.decode()
    home = client.get("/fr/").content.decode()
    index = client.get("/fr/actualites/").content.decode()
    assert '<h3 class="card__title">' in home and '<h2 class="card__title">' not in home
    assert '<h2 class="card__title">' in index and '<h3 class="card__title">' not in index


def test_fragment_is_kept_for_its_generation_only():
    renders = []

    def render():
        renders.append(1)
        return f"<p>{len(renders)}</p>"

    fragments.clear()
    page_cache.begin_request(1000)
    try:
        assert fragments.fragment("k", render) == "<p>1</p>"
        assert fragments.fragment("k", render) == "<p>1</p>"
        page_cache.begin_request(1001)  # a content change
        assert fragments.fragment("k", render) == "<p>2</p>"
    finally:
        page_cache.end_request()
    # Outside a request (commands, tasks): rendered every time.
    assert fragments.fragment("k", render) == "<p>3</p>"
    assert fragments.fragment("k", render) == "<p>4</p>"


def test_fragments_are_bounded(monkeypatch):
    monkeypatch.setattr(fragments._fragments, "max_entries", 3)
    fragments.clear()
    page_cache.begin_request(2000)
    try:
        for number in range(10):
            fragments.fragment(f"k{number}", lambda number=number: str(number))
        assert list(fragments._fragments.entries) == ["k7", "k8", "k9"]
    finally:
        page_cache.end_request()
        fragments.clear()


def test_routing_follows_a_new_slug_and_a_move(client, articles, news_index, home_page):
    article = articles[0]
    old = article.get_url_in("fr")
    assert client.get(old).status_code == 200
    article.slug_fr = "nouvelle-adresse"
    article.save_revision().publish()
    article.refresh_from_db()
    assert client.get("/fr/actualites/nouvelle-adresse/").status_code == 200
    # An English article without its own slug is found at its French one, as before.
    untranslated = ArticlePageFactory(parent=news_index, title_en=None, lead_en=None)
    slug = untranslated.slug_fr
    assert client.get(f"/en/news/{slug}/").status_code == 200
    # The news index moves to another slug: the compiled query (its path) follows.
    news_index.slug_fr = "revue-de-presse"
    news_index.save_revision().publish()
    purge_page_cache()
    response = client.get(f"/fr/revue-de-presse/{article.slug_fr}/")
    assert response.status_code == 200
    assert article.title_fr in response.content.decode()


def test_listing_themes_follow_a_theme_edit(client, articles):
    theme = articles[0].themes.first()
    assert theme.name_fr in client.get("/fr/").content.decode()
    theme.name_fr = "Un thème renommé"
    theme.save()
    html = client.get("/fr/").content.decode()
    assert "Un thème renommé" in html
    with translation.override("fr"):
        assert "Un thème renommé" in client.get("/fr/actualites/").content.decode()


def test_listing_pages_follow_a_new_article(client, news_index):
    # The page of articles comes from SQL compiled once per content change (home.compiled):
    # the offset is a parameter, the new article shifts every page.
    theme = ThemeFactory()
    for _ in range(25):
        ArticlePageFactory(parent=news_index, themes=[theme])

    def cards(url):
        return client.get(url).content.decode().count('<article class="card">')

    assert (cards("/fr/actualites/"), cards("/fr/actualites/?page=2")) == (20, 5)
    theme_url = f"/fr/actualites/themes/{theme.slug_fr}/"
    assert (cards(theme_url), cards(theme_url + "?page=2")) == (20, 5)
    newest = ArticlePageFactory(
        parent=news_index, themes=[theme], title_fr="Le plus récent", published_date=today()
    )
    assert (cards("/fr/actualites/"), cards("/fr/actualites/?page=2")) == (20, 6)
    assert cards(theme_url + "?page=2") == 6
    first_card = client.get(theme_url).content.decode().split('<article class="card">')[1]
    assert newest.get_url_in("fr") in first_card
    year = newest.published_date.year
    assert newest.get_url_in("fr") in client.get(f"/fr/actualites/?year={year}").content.decode()


def test_theme_pages_follow_a_new_slug(client, articles):
    theme = articles[0].themes.first()
    old = f"/fr/actualites/themes/{theme.slug_fr}/"
    assert client.get(old).status_code == 200
    assert client.get("/fr/actualites/themes/pas-un-theme/").status_code == 404
    theme.slug_fr = "nouveau-theme"
    theme.save()
    assert client.get(old).status_code == 404
    assert client.get("/fr/actualites/themes/nouveau-theme/").status_code == 200
    assert client.get("/fr/actualites/?theme=nouveau-theme").status_code == 200


def test_article_themes_follow_a_change(client, articles):
    article = articles[0]
    before = article.themes.first()
    other = ThemeFactory(name_fr="Un autre thème")
    url = article.get_url_in("fr")
    assert "Un autre thème" not in client.get(url).content.decode()
    article.themes.set([other])
    article.save_revision().publish()
    html = client.get(url).content.decode()
    assert "Un autre thème" in html
    assert f'<meta property="article:tag" content="{before.name_fr}">' not in html
    other.name_fr = "Renommé"
    other.save()
    assert '<meta property="article:tag" content="Renommé">' in client.get(url).content.decode()


def test_a_preview_shows_the_themes_of_its_form(articles):
    article = articles[0]
    other = ThemeFactory(name_fr="Thème du brouillon")
    draft = type(article).objects.get(pk=article.pk)
    draft.themes.set([other])  # in memory (modelcluster), as in a preview: not saved
    page_cache.begin_request(3000)
    try:
        assert [theme.pk for theme in draft.shown_themes()] == [other.pk]
        saved = type(article).objects.get(pk=article.pk)
        assert [theme.pk for theme in saved.shown_themes()] == [t.pk for t in article.themes.all()]
    finally:
        page_cache.end_request()
