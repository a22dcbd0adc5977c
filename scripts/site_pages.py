"""Every page type a visitor meets, in French and English, as (name, language, path): the pages
`make audit` gives to Lighthouse and the Nu HTML checker's test validates. Read from the demo
content (`load_demo`) on the database Django is set up with."""

from django.urls import reverse
from django.utils import translation

from agenda.models import EventIndexPage, EventPage
from articles.models import ArticleIndexPage, ArticlePage, Theme
from association.models import DonationPage
from guides.models import GuideIndexPage, GuidePage, GuideSectionPage
from library.models import DecisionIndexPage, DecisionPage, DocumentIndexPage, DocumentPage

LANGUAGES = ("fr", "en")
SEARCH_WORDS = {"fr": "mineurs", "en": "minors"}
MISSING = {"fr": "/fr/cette-page-n-existe-pas/", "en": "/en/this-page-does-not-exist/"}


def _first(queryset):
    page = queryset.live().public().order_by("path").first()
    if page is None:
        raise LookupError(f"no live {queryset.model.__name__}: load the demo content first")
    return page


def site_pages():
    """[(name, lang, path)] for every page type, French then English for each."""
    news = _first(ArticleIndexPage.objects.all())
    theme = Theme.objects.filter(articles__live=True).order_by("pk").first()
    pages = [
        ("home", lambda lang: f"/{lang}/"),
        ("article index", lambda lang: news.get_url_in(lang)),
        (
            "article with an image",
            lambda lang: _first(ArticlePage.objects.exclude(lead_image=None)).get_url_in(lang),
        ),
        (
            "article without an image",
            lambda lang: _first(ArticlePage.objects.filter(lead_image=None)).get_url_in(lang),
        ),
        ("themes index", lambda lang: news.themes_url(lang)),
        ("theme", lambda lang: news.theme_url(theme, lang)),
        ("search results", lambda lang: f"{reverse('search')}?q={SEARCH_WORDS[lang]}"),
        ("decision index", lambda lang: _first(DecisionIndexPage.objects.all()).get_url_in(lang)),
        ("decision", lambda lang: _first(DecisionPage.objects.all()).get_url_in(lang)),
        ("document index", lambda lang: _first(DocumentIndexPage.objects.all()).get_url_in(lang)),
        ("document", lambda lang: _first(DocumentPage.objects.all()).get_url_in(lang)),
        ("guide index", lambda lang: _first(GuideIndexPage.objects.all()).get_url_in(lang)),
        ("guide", lambda lang: _first(GuidePage.objects.all()).get_url_in(lang)),
        ("guide section", lambda lang: _first(GuideSectionPage.objects.all()).get_url_in(lang)),
        ("agenda", lambda lang: _first(EventIndexPage.objects.all()).get_url_in(lang)),
        ("event", lambda lang: _first(EventPage.objects.all()).get_url_in(lang)),
        ("donation", lambda lang: _first(DonationPage.objects.all()).get_url_in(lang)),
        ("contact", lambda lang: reverse("contact_email")),
        ("404", lambda lang: MISSING[lang]),
    ]
    found = []
    for name, url in pages:
        for lang in LANGUAGES:
            with translation.override(lang):
                found.append((name, lang, url(lang)))
    return found
