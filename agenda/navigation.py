"""The agenda's URL in each language, which the home page and the theme pages need for their
"all events" links. Kept in the cache so that it costs no query, and forgotten whenever the
agenda is published, unpublished, moved or deleted."""

from django.db.models.signals import post_delete
from django.utils import translation

from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.caching import cached, purge
from core.i18n import LANGUAGE_CODES, current_language

from .models import EventIndexPage

CACHE_KEY = "agenda-index:{lang}"


def agenda_index(request=None):
    """(pk, URL) of the live agenda in the active language, or (None, "")."""
    lang = current_language()

    def load():
        index = EventIndexPage.objects.live().first()
        if index is None:
            return (None, "")
        with translation.override(lang):
            return (index.pk, index.get_url(request=request))

    return cached(CACHE_KEY.format(lang=lang), load)


def agenda_url(request=None):
    return agenda_index(request)[1]


def forget_agenda_index(**kwargs):
    purge(*(CACHE_KEY.format(lang=lang) for lang in LANGUAGE_CODES))


def forget_agenda_index_after(sender, instance=None, **kwargs):
    """The agenda's URL goes through its slug and the home page's (depth 2)."""
    if not isinstance(instance, Page):
        return
    if isinstance(instance, EventIndexPage) or instance.depth <= 2:
        forget_agenda_index()


def connect_signals():
    for signal in (page_published, page_unpublished, post_delete, page_slug_changed):
        signal.connect(forget_agenda_index_after, dispatch_uid=f"agenda-url-{signal}")
    post_page_move.connect(forget_agenda_index, dispatch_uid="agenda-url-move")
