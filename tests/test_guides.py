"""The thematic guides: a tree of pages with a table of contents, previous and next, a
printable version, and two dates for visitors, the later one moved only by a review."""

import datetime
import json
import re

import pytest

from django.utils import timezone

from wagtail.models import Page

from articles.factories import ArticlePageFactory, ThemeFactory
from guides.dates import add_months, is_long_overdue
from guides.factories import GuidePageFactory, GuideSectionPageFactory, paragraph
from guides.models import GuidePage, GuideSectionPage
from guides.review import mark_guide_reviewed
from guides.search import THEME_LISTING_LENGTH, search_guides
from home.site_tree import ensure_guides_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides_index(home_page):
    return ensure_guides_section(home_page)


@pytest.fixture
def guide(guides_index):
    """« Minorité et état civil » › « Détermination de la minorité » › « Et lorsque la
    minorité est contestée ? », plus a second chapter."""
    guide = GuidePageFactory(
        parent=guides_index,
        title_fr="Minorité et état civil",
        title_en="Minority and civil status",
        lead_fr="Ce que dit le droit de l’âge d’un jeune « isolé ».",
        lead_en="What the law says about the age of an unaccompanied young person.",
    )
    chapter = GuideSectionPageFactory(
        parent=guide,
        title_fr="Détermination de la minorité",
        title_en="Assessing minority",
        body_fr=[
            *paragraph("L’évaluation repose sur un faisceau d’indices."),
            {"type": "key_points", "value": {"text": "<p>Le doute profite à l’intéressé.</p>"}},
            {
                "type": "question",
                "value": {
                    "question": "Peut-on refuser un acte d’état civil étranger ?",
                    "answer": "<p>Seulement s’il est irrégulier ou falsifié.</p>",
                },
            },
            {
                "type": "reference",
                "value": {
                    "citation": "Code civil, art. 47",
                    "url": "https://www.legifrance.gouv.fr/",
                    "page": None,
                    "note": "",
                },
            },
        ],
    )
    section = GuideSectionPageFactory(
        parent=chapter,
        title_fr="Et lorsque la minorité est contestée ?",
        title_en="And when minority is disputed?",
    )
    second = GuideSectionPageFactory(parent=guide, title_fr="Les recours", title_en="Remedies")
    for page in (guide, chapter, section, second):
        page.save_revision().publish()
    return {"guide": guide, "chapter": chapter, "section": section, "second": second}


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_guide_pages_nest_in_the_section(guides_index, guide):
    assert guides_index.url == "/fr/dossiers/"
    assert guides_index.get_url_in("en") == "/en/guides/"
    assert GuideSectionPage.objects.child_of(guide["chapter"]).count() == 1
    assert guide["section"].get_url_in("fr") == (
        "/fr/dossiers/minorite-et-etat-civil/determination-de-la-minorite/"
        "et-lorsque-la-minorite-est-contestee/"
    )


def test_a_section_shows_the_guide_around_it(client, guide):
    response = client.get(guide["chapter"].get_url_in("fr"))
    assert response.status_code == 200
    html = text(response)
    assert "<h1>Détermination de la minorité</h1>" in html
    # The table of contents of the whole guide, the current page marked.
    assert 'aria-current="page">Détermination de la minorité</a>' in html
    assert "Et lorsque la minorité est contestée ?</a>" in html
    assert "Les recours</a>" in html
    # Previous (the guide) and next (its first section), in reading order.
    assert re.search(r'rel="prev" href="/fr/dossiers/minorite-et-etat-civil/"', html)
    assert re.search(r'rel="next" href="[^"]*/et-lorsque-la-minorite-est-contestee/"', html)
    # The blocks.
    assert "À retenir" in html and "Le doute profite à l’intéressé." in html
    assert "Peut-on refuser un acte d’état civil étranger ?" in html
    assert (
        '<a href="https://www.legifrance.gouv.fr/" rel="noopener">Code civil, art. 47</a>' in html
    )
    # The breadcrumb goes through the section and the guide.
    assert 'href="/fr/dossiers/">Dossiers thématiques</a>' in html
    assert 'href="/fr/dossiers/minorite-et-etat-civil/">Minorité et état civil</a>' in html


def test_english_side_and_its_switcher(client, guide):
    response = client.get(guide["section"].get_url_in("en"))
    html = text(response)
    assert "<h1>And when minority is disputed?</h1>" in html
    assert 'lang="en"' in html
    assert f'href="{guide["section"].get_url_in("fr")}"' in html  # the switcher
    assert 'hreflang="fr"' in html


def test_dates_in_french_and_english(client, guide):
    chapter = guide["chapter"]
    Page.objects.filter(pk=chapter.pk).update(
        first_published_at=timezone.make_aware(datetime.datetime(2024, 2, 3, 10))
    )
    GuideSectionPage.objects.filter(pk=chapter.pk).update(last_reviewed=datetime.date(2025, 8, 1))
    french = text(client.get(chapter.get_url_in("fr")))
    assert 'Publié le <time datetime="2024-02-03">3 février 2024</time>' in french
    assert 'mis à jour le <time datetime="2025-08-01">1 août 2025</time>' in french
    english = text(client.get(chapter.get_url_in("en")))
    assert 'Published on <time datetime="2024-02-03">3 February 2024</time>' in english
    assert 'updated on <time datetime="2025-08-01">1 August 2025</time>' in english


def test_editing_the_text_does_not_move_the_review_date(guide):
    guide_page = GuidePage.objects.get(pk=guide["guide"].pk)
    GuidePage.objects.filter(pk=guide_page.pk).update(last_reviewed=datetime.date(2024, 1, 10))
    guide_page.refresh_from_db()
    guide_page.lead_fr = "Un chapeau corrigé, « sans relecture »."
    guide_page.save_revision().publish()
    guide_page.refresh_from_db()
    assert guide_page.lead_fr == "Un chapeau corrigé, « sans relecture »."
    assert guide_page.last_reviewed == datetime.date(2024, 1, 10)
    assert guide_page.review_due == datetime.date(2025, 1, 10)


def test_a_review_moves_the_dates_without_a_revision(guide):
    guide_page = guide["guide"]
    revisions = guide_page.revisions.count()
    GuidePage.objects.filter(pk=guide_page.pk).update(last_reviewed=datetime.date(2023, 5, 1))
    day = datetime.date(2026, 3, 31)
    mark_guide_reviewed(GuidePage.objects.get(pk=guide_page.pk), day=day)
    guide_page.refresh_from_db()
    assert guide_page.last_reviewed == day
    assert guide_page.review_due == datetime.date(2027, 3, 31)
    assert guide_page.revisions.count() == revisions
    section = GuideSectionPage.objects.get(pk=guide["section"].pk)
    assert section.last_reviewed == day
    # A draft saved before the review and published after it keeps the review's date.
    guide_page.save_revision().publish()
    guide_page.refresh_from_db()
    assert guide_page.last_reviewed == day


def test_review_dates():
    assert add_months(datetime.date(2025, 1, 31), 1) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2024, 11, 15), 12) == datetime.date(2025, 11, 15)
    assert add_months(datetime.date(2024, 11, 15), 14) == datetime.date(2026, 1, 15)
    today = datetime.date(2026, 6, 1)
    assert not is_long_overdue(datetime.date(2025, 6, 2), today)
    assert is_long_overdue(datetime.date(2025, 5, 31), today)


def test_visitors_are_warned_when_a_review_is_a_year_late(client, guide):
    url = guide["section"].get_url_in("fr")
    assert "pas été relu depuis longtemps" not in text(client.get(url))
    long_ago = timezone.localdate() - datetime.timedelta(days=800)
    GuidePage.objects.filter(pk=guide["guide"].pk).update(
        review_due=long_ago + datetime.timedelta(days=365)
    )
    assert "pas été relu depuis longtemps" in text(client.get(url))


def test_print_version_has_the_whole_guide(client, guide):
    response = client.get(guide["guide"].get_url_in("fr") + "print/")
    assert response.status_code == 200
    html = text(response)
    titles = [
        "Minorité et état civil",
        "Détermination de la minorité",
        "Et lorsque la minorité est contestée ?",
        "Les recours",
    ]
    positions = [html.index(f">{title}</h") for title in titles]
    assert positions == sorted(positions)
    assert '<meta name="robots" content="noindex, follow">' in html
    assert "css/site.css" in html and "guides.css" not in html  # one stylesheet
    assert client.get(guide["guide"].get_url_in("en") + "print/").status_code == 200


def test_json_ld_dated_by_the_review(client, guide):
    html = client.get(guide["section"].get_url_in("fr")).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block.group(1))
    assert data["@type"] == "TechArticle"
    assert data["headline"] == "Et lorsque la minorité est contestée ?"
    assert data["dateModified"] == guide["section"].last_reviewed.isoformat()
    assert data["isPartOf"]["name"] == "Minorité et état civil"


def test_feed_of_updated_guides(client, guide):
    response = client.get("/en/guides/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "<title>Minority and civil status</title>" in response.content.decode()
    french = client.get("/fr/dossiers/rss/").content.decode()
    assert "<title>Minorité et état civil</title>" in french


def test_sitemap_lists_guide_pages_in_both_languages(client, guide):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/fr/dossiers/minorite-et-etat-civil/determination-de-la-minorite/" in xml
    assert "/en/guides/minority-and-civil-status/assessing-minority/" in xml


def test_theme_page_lists_guides(client, news_index, guide):
    theme = ThemeFactory(name_fr="Âge et état civil", name_en="Age and civil status")
    guide["guide"].themes.set([theme])
    guide["guide"].save_revision().publish()
    response = client.get(f"/fr/actualites/themes/{theme.slug_fr}/")
    assert "Minorité et état civil</a>" in text(response)


def test_a_theme_page_lists_the_first_guide_pages_only(client, news_index, guides_index):
    theme = ThemeFactory(name_fr="Santé et soins", name_en="Health and care")
    guide = GuidePageFactory(parent=guides_index, title_fr="Santé des mineurs « isolés »")
    guide.themes.set([theme])
    guide.save_revision().publish()
    for number in range(1, THEME_LISTING_LENGTH + 2):
        section = GuideSectionPageFactory(parent=guide, title_fr=f"Chapitre n° {number:02d}")
        section.themes.set([theme])
        section.save_revision().publish()
    html = text(client.get(f"/fr/actualites/themes/{theme.slug_fr}/"))
    listed = re.findall(r"Chapitre n° (\d+)</a>", html)
    assert len(listed) == THEME_LISTING_LENGTH - 1  # the guide itself comes first
    assert "Santé des mineurs « isolés »</a>" in html


def test_search_finds_guides_in_each_language(guide):
    assert guide["chapter"].pk in {p.pk for p in search_guides("faisceau d’indices")}
    assert guide["section"].pk in {p.pk for p in search_guides("disputed", "en")}
    assert list(search_guides("disputed", "fr")) == []
    assert list(search_guides("")) == []


def test_no_500_on_odd_addresses(client, guide):
    base = guide["guide"].get_url_in("fr")
    for url in (base + "print/x/", base + "nope/", "/fr/dossiers/rss/x/", base + "print/?page=é"):
        assert client.get(url).status_code in (200, 404), url


def test_demo_guides(client, db, demo_content):
    assert GuidePage.objects.count() == 2
    assert GuideSectionPage.objects.count() == 6
    overdue = GuidePage.objects.get(title_fr="Placement et protection de l’enfance")
    assert is_long_overdue(overdue.review_due)
    html = text(client.get(overdue.get_children().first().specific.get_url_in("fr")))
    assert "pas été relu depuis longtemps" in html
    current = GuidePage.objects.get(title_fr="Minorité et état civil")
    assert not is_long_overdue(current.review_due)
    response = client.get("/en/guides/minority-and-civil-status/assessing-minority/")
    assert "Social Action and Families Code, art. L. 221-2-4" in text(response)


def test_french_only_section_on_the_english_side(client, guide):
    french_only = GuideSectionPageFactory(
        parent=guide["chapter"], title_fr="La « présomption » de minorité", title_en=""
    )
    french_only.save_revision().publish()
    html = text(client.get(french_only.get_url_in("en")))
    assert '<h1 lang="fr">La « présomption » de minorité</h1>' in html
    assert "available in French only" in html
    # In the English table of contents of its guide, marked French too.
    html = text(client.get(guide["guide"].get_url_in("en")))
    assert 'lang="fr">La « présomption » de minorité</a>' in html


def test_see_also_and_references_to_pages_of_the_site(client, guide, news_index):
    decision = ArticlePageFactory(parent=news_index, title_fr="Cour de cassation, 1re civ.")
    decision.save_revision().publish()
    chapter = guide["chapter"]
    chapter.see_also = [("page", guide["second"]), ("page", decision)]
    chapter.body_fr = [
        *chapter.body_fr.raw_data,
        {
            "type": "reference",
            "value": {"citation": "Civ. 1re, arrêt « X »", "url": "", "page": decision.pk},
        },
    ]
    chapter.save_revision().publish()
    html = text(client.get(chapter.get_url_in("fr")))
    assert "Voir également" in html
    assert f'<a href="{guide["second"].url}">Les recours</a>' in html
    assert f'<a href="{decision.url}">Civ. 1re, arrêt « X »</a>' in html


def test_a_review_shows_at_once_and_the_feed_is_announced(client, guide):
    url = guide["section"].get_url_in("fr")
    GuideSectionPage.objects.filter(pk=guide["section"].pk).update(
        last_reviewed=datetime.date(2020, 1, 2),
        first_published_at=timezone.make_aware(datetime.datetime(2019, 5, 6, 10)),
    )
    client.get(url)  # now in the page cache
    mark_guide_reviewed(GuidePage.objects.get(pk=guide["guide"].pk), day=datetime.date(2026, 1, 5))
    html = text(client.get(url))
    assert 'mis à jour le <time datetime="2026-01-05">5 janvier 2026</time>' in html
    assert 'type="application/rss+xml" title="InfoMIE · Dossiers thématiques"' in html
    assert 'href="/fr/dossiers/rss/"' in html
