"""RSS feeds (read by feedparser, as a feed reader would), the sitemap (both languages with
hreflang alternates) and robots.txt."""

import datetime
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import feedparser
import pytest

from django.utils import timezone

from articles.factories import ArticlePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def themes(db):
    return [
        ThemeFactory(name_fr="Droit d’asile", name_en="Asylum"),
        ThemeFactory(name_fr="Disparitions", name_en="Missing children"),
    ]


@pytest.fixture
def articles(news_index, themes):
    both = ArticlePageFactory(
        parent=news_index,
        title_fr="Un mineur débouté <sic> & « réfugié »",
        title_en="A minor refused <sic> & “refugee”",
        lead_fr="Le résumé en français.",
        lead_en="The English summary.",
        source_name="Le Monde",
        authors_fr="Jean Martin",
        authors_en="Jean Martin",
        published_date=datetime.date(2021, 5, 4),
        themes=themes,
    )
    french_only = ArticlePageFactory(
        parent=news_index,
        title_fr="Décret du 24 juin",
        title_en=None,
        lead_en=None,
        published_date=datetime.date(2020, 1, 2),
        themes=[themes[1]],
    )
    return both, french_only


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


@pytest.mark.parametrize("lang,url", [("fr", "/fr/actualites/rss/"), ("en", "/en/news/rss/")])
def test_news_feed_in_each_language(client, articles, lang, url):
    both, french_only = articles
    feed = parse(client.get(url))
    assert feed.feed.language == lang
    assert (
        feed.feed.link == f"http://testserver{'/fr/actualites/' if lang == 'fr' else '/en/news/'}"
    )
    assert [entry.link for entry in feed.entries] == [
        f"http://testserver{both.get_url_in(lang)}",
        f"http://testserver{french_only.get_url_in(lang)}",
    ]
    entry = feed.entries[0]
    if lang == "fr":
        assert entry.title == "Un mineur débouté <sic> & « réfugié »"
        assert "Le résumé en français." in entry.summary
        assert {tag.term for tag in entry.tags} == {"Droit d’asile", "Disparitions"}
    else:
        assert entry.title == "A minor refused <sic> & “refugee”"
        assert "The English summary." in entry.summary
        assert {tag.term for tag in entry.tags} == {"Asylum", "Missing children"}
    assert "Le Monde" in entry.summary and "Jean Martin" in entry.summary
    assert entry.published_parsed[:3] == (2021, 5, 4)
    assert entry.id == entry.link
    # The feed says where it lives (atom:link rel=self), as the W3C validator recommends.
    assert any(link.rel == "self" and link.href.endswith(url) for link in feed.feed.links)


def test_theme_feed_in_each_language(client, news_index, articles, themes):
    both, french_only = articles
    asylum = themes[0]
    for lang in ("fr", "en"):
        url = news_index.feed_url(asylum, lang)
        feed = parse(client.get(url))
        assert [entry.link for entry in feed.entries] == [
            f"http://testserver{both.get_url_in(lang)}"
        ]
        assert feed.feed.link.endswith(news_index.theme_url(asylum, lang))
    assert news_index.feed_url(asylum, "en") == "/en/news/themes/asylum/rss/"


def test_feeds_are_announced_on_the_pages_they_list(client, news_index, themes):
    announce = '<link rel="alternate" type="application/rss+xml" title="{}" href="{}">'
    html = client.get("/en/news/").content.decode()
    assert announce.format("InfoMIE · News", "/en/news/rss/") in html
    html = client.get(news_index.theme_url(themes[0], "fr")).content.decode()
    theme_feed = "/fr/actualites/themes/droit-dasile/rss/"
    assert announce.format("InfoMIE · Droit d’asile", theme_feed) in html
    assert announce.format("InfoMIE · Actualités", "/fr/actualites/rss/") in html


def test_sitemap_lists_every_page_in_both_languages(
    client, home_page, news_index, articles, themes
):
    both, french_only = articles
    both.save_revision().publish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall(f"{SITEMAP}url"):
        alternates = {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        entries[url.findtext(f"{SITEMAP}loc")] = (url.findtext(f"{SITEMAP}lastmod"), alternates)

    def full(path):
        return f"http://testserver{path}"

    for page in (home_page, news_index, both):
        for lang in ("fr", "en"):
            lastmod, alternates = entries[full(page.get_url_in(lang))]
            assert alternates == {
                "fr": full(page.get_url_in("fr")),
                "en": full(page.get_url_in("en")),
                "x-default": full(page.get_url_in("fr")),
            }
    both.refresh_from_db()
    published = timezone.localdate(both.last_published_at).isoformat()
    assert entries[full(both.get_url_in("en"))][0] == published
    # A French-only article is listed once, in French.
    assert full(french_only.get_url_in("fr")) in entries
    assert full(french_only.get_url_in("en")) not in entries
    # Theme pages and the list of themes, in both languages.
    for lang in ("fr", "en"):
        assert full(news_index.theme_url(themes[0], lang)) in entries
        assert full(news_index.themes_url(lang)) in entries
    assert len(entries) == len(set(entries))


@pytest.mark.parametrize("path", ["/sitemap.xml", "/robots.txt"])
def test_sitemap_and_robots_give_the_production_address(client, news_index, settings, path):
    """The Site record says `localhost` (as `make run` leaves it); behind the TLS proxy the
    request says `https://infomie.example`: every address in the sitemap and robots.txt is
    the visitor's, never the record's."""
    from wagtail.models import Site

    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    settings.ALLOWED_HOSTS = ["infomie.example"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # as in production
    news_index.save_revision().publish()
    response = client.get(path, HTTP_HOST="infomie.example", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    text = response.content.decode()
    addresses = re.findall(r"https?://[^\s<\"]+", text)
    ours = [url for url in addresses if "sitemaps.org" not in url and "w3.org" not in url]
    assert ours and all(url.startswith("https://infomie.example/") for url in ours), ours
    assert "localhost" not in text
    if path == "/sitemap.xml":
        assert "https://infomie.example/en/news/themes/" in ours
        assert "https://infomie.example/fr/actualites/" in ours


def test_sitemap_is_outside_the_language_prefixes(client, home_page):
    assert client.get("/fr/sitemap.xml").status_code == 404


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /fr/recherche/" in lines
    assert "Disallow: /en/search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_feed_follows_the_rss_validator_rules(client, articles):
    """What the W3C feed validator checks that we can check offline."""
    response = client.get("/en/news/rss/")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description", "language", "lastBuildDate"):
        assert channel.findtext(required), required
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("rel") == "self"
    assert self_link.get("href") == "http://testserver/en/news/rss/"
    for item in channel.findall("item"):
        for required in ("title", "link", "description", "pubDate", "guid"):
            assert item.findtext(required), required
        assert item.findtext("link").startswith("http://testserver/en/news/")
        assert item.findtext("guid") == item.findtext("link")
        # RFC 822 dates, as RSS 2.0 requires.
        assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None


@pytest.mark.parametrize("lang,url", [("fr", "/fr/actualites/rss/"), ("en", "/en/news/rss/")])
def test_item_descriptions_are_html_of_the_text_as_written(client, news_index, lang, url):
    """Feed readers show the description as HTML: a lead that mentions tags reads as written,
    nothing in it is run or hidden."""
    lead = "Le rapport « <b>accablant</b> » cite <script>alert(1)</script> & l’ASE d’Évry"
    ArticlePageFactory(
        parent=news_index,
        title_fr="Été : « l’accueil » des mineurs isolés",
        title_en=None,
        lead_en=None,
        lead_fr=lead,
        source_name="Libération <Idées>",
        authors_fr="Zoé Lefèvre & Aït Mansour",
        original_date=datetime.date(2024, 7, 14),
        published_date=datetime.date(2024, 7, 15),
        themes=[ThemeFactory()],
    )
    feed = parse(client.get(url))
    entry = feed.entries[0]
    assert entry.summary_detail.type == "text/html"
    # What a reader shows: the text, with its brackets and quotes, in two paragraphs.
    assert "&lt;b&gt;accablant&lt;/b&gt;" in entry.summary
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; l’ASE d’Évry" in entry.summary
    assert "<script" not in entry.summary and "<b>" not in entry.summary
    assert entry.summary.startswith("<p>Le rapport « ")
    assert "Libération &lt;Idées&gt;, Zoé Lefèvre &amp; Aït Mansour" in entry.summary
    assert entry.summary.count("<p>") == 2
