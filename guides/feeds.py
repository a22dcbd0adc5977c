"""RSS 2.0 feed of the guides, latest change first (a page published or the guide reviewed),
in the visitor's language; served by the guides section's `rss/` route, from the guides it
gives (it imports this module, so this one imports no model)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

FEED_LENGTH = 30


class UpdatedGuidesFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        return f"InfoMIE · {index.title}"

    def link(self, index):
        return index.get_url(self.request)

    def feed_url(self, index):
        return index.feed_url(request=self.request)

    def description(self, index):
        return _("Thematic guides on unaccompanied foreign minors, latest updated first.")

    def items(self, index):
        updated = index.updated_guides()[:FEED_LENGTH]
        self.updated = {guide.pk: when for guide, when in updated}
        return [guide for guide, when in updated]

    def item_title(self, guide):
        return guide.title

    def item_link(self, guide):
        return guide.get_url(self.request)

    def item_guid(self, guide):
        # A new item for readers at each update: the same guide, changed.
        return f"{guide.get_url(self.request)}#{self.updated[guide.pk].date().isoformat()}"

    def item_guid_is_permalink(self, guide):
        return False

    def item_description(self, guide):
        reviewed = date_format(guide.last_reviewed, "DATE_FORMAT")
        return format_html("<p>{}</p><p>{} {}</p>", guide.lead, _("Last reviewed:"), reviewed)

    def item_pubdate(self, guide):
        return self.updated[guide.pk]

    def item_updateddate(self, guide):
        return self.updated[guide.pk]
