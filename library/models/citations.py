"""The articles of the press review that cite a decision or a document (their body's "decision
or document cited" block), read from Wagtail's reference index: two queries, however many
articles there are."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import ReferenceIndex

from articles.models import ArticlePage

CITING_COUNT = 10


def citing_articles(page):
    article_type = ContentType.objects.get_for_model(ArticlePage)
    ids = ReferenceIndex.get_references_to(page).filter(content_type=article_type)
    ids = {int(pk) for pk in ids.values_list("object_id", flat=True)}
    if not ids:
        return []
    articles = ArticlePage.objects.for_listing().filter(pk__in=ids)
    return list(articles[:CITING_COUNT])
