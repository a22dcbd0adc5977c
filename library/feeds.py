"""RSS 2.0 feeds of the new decisions and the new documents, in the visitor's language. Served
by each section's `rss/` route, from the items the section gives (so this imports no model)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

FEED_LENGTH = 30


class LibraryFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        return f"InfoMIE · {index.title}"

    def link(self, index):
        return index.get_url(self.request)

    def feed_url(self, index):
        return index.feed_url(self.request)

    def description(self, index):
        return index.title

    def items(self, index):
        items = index.published_items().prefetch_related("themes")
        if hasattr(index.item_model, "court"):
            items = items.select_related("court")
        return items[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_description(self, item):
        return item.description

    def item_pubdate(self, item):
        noon = datetime.datetime.combine(item.listing_date, datetime.time(12))
        return timezone.make_aware(noon)

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]
