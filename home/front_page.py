"""What the front page shows, in order: the featured story (chosen by editors, or the latest),
the latest articles, then each theme with its latest articles.

Which articles those are changes only with the content: their ids are kept until the next
content change (two queries when cold, whatever the number of themes), and the articles
themselves read in one query with the featured story."""

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from articles.models import ArticlePage, themes_in_display_order
from core.caching import kept
from core.pictures import attach_pictures

LATEST_COUNT = 6
PER_THEME_COUNT = 3


def _section_ids():
    listed = ArticlePage.objects.for_listing()
    latest = list(listed.values_list("pk", flat=True)[: LATEST_COUNT + 1])
    through = ArticlePage._meta.get_field("themes").remote_field.through
    ranked = (
        through.objects.filter(articlepage__in=listed.order_by().values("pk"))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("theme_id"),
                order_by=[F("articlepage__published_date").desc(), F("articlepage_id").desc()],
            )
        )
        .filter(rank__lte=PER_THEME_COUNT)
        .order_by("theme_id", "rank")
        .values_list("theme_id", "articlepage_id")
    )
    by_theme = {}
    for theme_id, article_id in ranked:
        by_theme.setdefault(str(theme_id), []).append(article_id)
    return {"latest": latest, "themes": by_theme}


def front_page_sections(home):
    """{"featured": article or None, "latest": [articles], "themes": [(theme, [articles])]}
    with `picture` set on each article ("feature" for the featured one, "card" otherwise)."""
    ids = kept(f"home:sections:{home.pk}", _section_ids)
    wanted = set(ids["latest"]) | {pk for pks in ids["themes"].values() for pk in pks}
    if home.featured_article_id:
        wanted.add(home.featured_article_id)
    articles = {
        article.pk: article
        for article in ArticlePage.objects.for_listing().filter(pk__in=sorted(wanted))
    }
    featured = articles.get(home.featured_article_id)  # None when unpublished since
    if featured is None and ids["latest"]:
        featured = articles.get(ids["latest"][0])
    latest = [articles[pk] for pk in ids["latest"] if pk in articles and articles[pk] != featured]
    themes = []
    for theme in themes_in_display_order():
        listed = [articles[pk] for pk in ids["themes"].get(str(theme.pk), []) if pk in articles]
        if listed:
            themes.append((theme, listed))
    attach_pictures([a for a in articles.values() if a is not featured], "card")
    if featured is not None:
        attach_pictures([featured], "feature")
    return {"featured": featured, "latest": latest[:LATEST_COUNT], "themes": themes}
