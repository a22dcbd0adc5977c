"""The RSS 2.0 feed of upcoming events, in the visitor's language, served by the agenda's
`rss/` route (the agenda imports this module, so this one imports no model)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

FEED_LENGTH = 30


class UpcomingEventsFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, obj):
        return f"InfoMIE · {obj.title}"

    def link(self, obj):
        return obj.get_url(self.request)

    def feed_url(self, obj):
        return obj.route_url("rss", request=self.request)

    def description(self, obj):
        return _("Upcoming conferences, training sessions, webinars and hearings.")

    def items(self, obj):
        return obj.upcoming_events()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return f"event-{item.pk}"

    item_guid_is_permalink = False

    def item_description(self, item):
        when = date_format(item.start_date, "DATE_FORMAT")
        where = item.city if item.is_in_person else pgettext("agenda", "Online")
        return format_html("<p>{} · {}</p><p>{}</p>", when, where, item.summary)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
