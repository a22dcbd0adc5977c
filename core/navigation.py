"""The main menu of every page: the home page, then the site's sections (the press review, case
law, the library, the guides, the agenda, the themes), read from the pages that exist.

A page type joins the menu by setting `menu_order` (`BasePage`); it may add links to routes
below it with `menu_routes` (the themes, below the news). Only live, public pages are listed,
the first of each type. The links are kept in the shared cache (core.caching) until a section
or the home page is published, unpublished, moved, renamed or deleted, or a page's privacy
changes: none of the usual content changes (an article published) costs the menu a query."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation

from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .caching import cached, purge
from .i18n import LANGUAGE_CODES, current_language, language_of

CACHE_KEY = "main-menu:{lang}"


@dataclass(frozen=True)
class MenuLink:
    url: str
    label: str
    lang: str  # the label's language when it is not the page's (a French-only title), or ""
    current: str  # "page" on the section itself, "true" below it, "" elsewhere


def _menu_models():
    return [model for model in get_page_models() if getattr(model, "menu_order", None) is not None]


def _menu_rows(request):
    """[(order, url, label, lang)] in the active language, for the live sections."""
    types = ContentType.objects.get_for_models(*_menu_models())
    models = {content_type.pk: model for model, content_type in types.items()}
    if not models:
        return []
    lang = current_language()
    sections = (
        Page.objects.live().public().filter(content_type_id__in=list(models)).order_by("path")
    )
    rows, seen = [], set()
    for section in sections:
        model = models[section.content_type_id]
        if model in seen:
            continue
        seen.add(model)
        with translation.override(lang):
            url = section.get_url(request=request)
        if not url:
            continue
        shown = language_of(section, "title")
        rows.append((model.menu_order, url, section.title, shown if shown != lang else ""))
        for order, label, route in getattr(model, "menu_routes", ()):
            route_url = url.rstrip("/") + "/" + model.get_resolver().reverse(route).lstrip("/")
            rows.append((order, route_url, str(label), ""))
    rows.sort(key=lambda row: row[0])
    return rows


def main_menu(request=None, path=None):
    """[MenuLink] of the sections in the active language, the one `path` lies in marked."""
    rows = cached(CACHE_KEY.format(lang=current_language()), lambda: _menu_rows(request))
    if path is None and request is not None:
        path = request.path
    # The deepest section the address lies in: a theme's page is under the themes, not the news.
    inside = ""
    for _order, url, _label, _lang in rows:
        if path and path.startswith(_path(url)) and len(_path(url)) > len(inside):
            inside = _path(url)
    links = []
    for _order, url, label, lang in rows:
        current = ""
        if inside and _path(url) == inside:
            current = "page" if path == inside else "true"
        links.append(MenuLink(url, label, lang, current))
    return links


def _path(url):
    """The path of a URL of ours, relative or absolute (a site on another host)."""
    if url.startswith("/"):
        return url
    return "/" + url.split("://", 1)[-1].partition("/")[2]


def forget_main_menu(**kwargs):
    purge(*(CACHE_KEY.format(lang=lang) for lang in LANGUAGE_CODES))


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_delete)
def forget_main_menu_after(sender, instance=None, **kwargs):
    """A section's title and address, and the home page's address (depth 2), are the menu's."""
    if not isinstance(instance, Page):
        return
    if instance.depth <= 2 or getattr(instance.specific_class, "menu_order", None) is not None:
        forget_main_menu()


@receiver(post_page_move)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def forget_main_menu_after_move(**kwargs):
    forget_main_menu()
