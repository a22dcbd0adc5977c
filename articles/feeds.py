"""RSS 2.0 feeds of the news, in each language, for the whole press review and for each theme.
Served by the news index's routes (`rss/`, `themes/<slug>/rss/`), in the visitor's language,
from the articles the index gives (it imports this module, so this one imports no model)."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

FEED_LENGTH = 30
FEED_ICON_SIZE = 144  # RSS 2.0's largest channel image


class NewsRss(Rss201rev2Feed):
    """RSS 2.0 with the channel's image: the association's mark, which readers show beside the
    feed's title (drawn from the logo, see association/identity.py)."""

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        image = self.feed.get("image")
        if image:
            handler.startElement("image", {})
            handler.addQuickElement("url", image["url"])
            handler.addQuickElement("title", self.feed["title"])
            handler.addQuickElement("link", self.feed["link"])
            handler.addQuickElement("width", str(FEED_ICON_SIZE))
            handler.addQuickElement("height", str(FEED_ICON_SIZE))
            handler.endElement("image")


class NewsFeed(Feed):
    feed_type = NewsRss

    def get_object(self, request, index, theme=None):
        self.request = request
        return {"index": index, "theme": theme}

    def title(self, obj):
        if obj["theme"] is not None:
            return f"InfoMIE · {obj['theme'].name}"
        return f"InfoMIE · {obj['index'].title}"

    def link(self, obj):
        if obj["theme"] is not None:
            return obj["index"].theme_url(obj["theme"], request=self.request)
        return obj["index"].get_url(self.request)

    def feed_url(self, obj):
        return obj["index"].feed_url(obj["theme"], request=self.request)

    def feed_extra_kwargs(self, obj):
        return {"image": {"url": self.request.build_absolute_uri(reverse("feed_icon"))}}

    def description(self, obj):
        if obj["theme"] is not None and obj["theme"].description:
            return obj["theme"].description
        return _("Press review on unaccompanied foreign minors, newest first.")

    def items(self, obj):
        articles = obj["index"].published_articles(obj["theme"])
        return articles.prefetch_related("themes")[:FEED_LENGTH]  # themes: the categories

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_description(self, item):
        source = item.source_name
        if item.authors:
            source = f"{source}, {item.authors}"
        if item.original_date:
            source = f"{source}, {date_format(item.original_date, 'DATE_FORMAT')}"
        # Readers show the description as HTML: built from escaped text, so a lead that
        # mentions `<b>` or `<script>` reads as written.
        return format_html("<p>{}</p><p>{} {}</p>", item.lead, _("Source:"), source)

    def item_pubdate(self, item):
        # Noon in Paris: the same calendar day in every time zone a reader is likely to be in.
        noon = datetime.datetime.combine(item.published_date, datetime.time(12))
        return timezone.make_aware(noon)

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]
