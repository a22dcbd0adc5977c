"""What every InfoMIE page shares (`BasePage`): translated slugs, routing over
wagtail-modeltranslation, previews per language, URLs per language, sitemap entries."""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.utils import translation

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from .caching import kept
from .i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES, current_language, has_value, language_of
from .lookups import page_from_row, page_row, view_restrictions_exist
from .page_forms import BasePageForm
from .slugs import ascii_slug, needs_transliteration, slug_from_title
from .translated_slugs import slug_match


class BasePage(Page):
    """What every InfoMIE page shares: translated slugs filled from each language's title,
    routing on the visitor's language, and the URLs of the page in each language."""

    # Read by the main menu of every page. Declared here: a name the template cannot find on
    # a page costs Django a dir() of the page (half a millisecond) to tell why.
    is_news_index = False
    # Section pages set their place in the main menu (core/navigation.py), and may add routes
    # below them: ((order, label, route name), ...).
    menu_order = None
    menu_routes = ()

    base_form_class = BasePageForm

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        self.fill_translated_slugs()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        # What Wagtail runs instead of full_clean when a draft is saved.
        self.fill_translated_slugs()
        super().minimal_clean()

    def fill_translated_slugs(self):
        """Each language's slug from its title when left empty, made ASCII (core/slugs.py),
        once the parent is known (Wagtail fills its own single slug at the same moment)."""
        parent = None
        if self.path or getattr(self, "_cached_parent_obj", None):
            parent = self.get_parent()
        if parent is not None:
            for code in LANGUAGE_CODES:
                title = getattr(self, f"title_{code}", None)
                if title and not getattr(self, f"slug_{code}", None):
                    base = slug_from_title(title)
                    setattr(self, f"slug_{code}", self._free_slug(parent, base))
            self.make_slugs_ascii(parent)

    def make_slugs_ascii(self, parent=None):
        """Transliterate the slugs that are not ASCII (core/slugs.py), unless the settings
        allow Unicode slugs."""
        parent = parent or self.get_parent()
        for code in LANGUAGE_CODES:
            slug = getattr(self, f"slug_{code}", None)
            if needs_transliteration(slug):
                base = ascii_slug(slug) or "page"
                setattr(self, f"slug_{code}", self._free_slug(parent, base))

    def _free_slug(self, parent, base):
        siblings = parent.get_children()
        if self.pk:
            siblings = siblings.exclude(pk=self.pk)
        taken = set(getattr(parent.specific_class, "reserved_child_slugs", ()))
        for values in siblings.filter(
            Q(slug_fr__startswith=base) | Q(slug_en__startswith=base)
        ).values_list("slug_fr", "slug_en"):
            taken.update(v for v in values if v)
        candidate, suffix = base, 1
        while candidate in taken:
            suffix += 1
            candidate = f"{base}-{suffix}"
        return candidate

    def translated_route(self, request, path_components):
        """Find the child whose slug in the visitor's language (or, when it has none, in
        French) matches, with one query instead of loading every child."""
        if isinstance(self, RoutablePageMixin) and self.live:
            path = "/" + "".join(f"{c}/" for c in path_components)
            try:
                view, args, kwargs = self.resolve_subpage(path)
                return RouteResult(self, args=(view, args, kwargs))
            except Http404:
                pass
        if path_components:
            slug, remaining = path_components[0], path_components[1:]
            child = self._child_by_slug(slug)
            if child is None and not slug.isascii() and ascii_slug(slug):
                # An address typed or linked with accents, or an old one (core/slugs.py).
                child = self._child_by_slug(ascii_slug(slug))
                if child is not None:
                    request.transliterated_slugs = {
                        **getattr(request, "transliterated_slugs", {}),
                        slug: ascii_slug(slug),
                    }
            if child is None:
                raise Http404
            child._routed_parent = self  # saves the breadcrumb a query
            return child.route(request, remaining)
        if self.live:
            return RouteResult(self)
        raise Http404

    def _child_by_slug(self, slug):
        """The live or draft child page at `slug` in the visitor's language, or None. The
        sections below the home page (the news, the donation page), which every article's
        address goes through, are kept as plain values until the next content change
        (core.lookups); only pages found, so made-up addresses cannot fill the cache."""
        if self.depth > 2:
            return self._find_child_by_slug(slug)

        def find_row():
            child = self._find_child_by_slug(slug)
            return page_row(child) if child is not None else None

        row = kept(f"section:{self.pk}:{current_language()}:{slug}", find_row)
        return page_from_row(row) if row is not None else None

    def _find_child_by_slug(self, slug):
        lang = current_language()
        match = slug_match(lang, slug)
        child_models = self.specific_class.allowed_subpage_models()
        if not child_models:  # an article: nothing can live below it
            return None
        # The type listed first in subpage_types, the one most visits go through (articles
        # under the news index, the news index under home), costs one query.
        first = self.specific_class.clean_subpage_models()[0]
        if first in child_models:
            child = first.objects.child_of(self).filter(match).first()
            if child is not None or len(child_models) == 1:
                return child
        return self.get_children().filter(match).specific().first()

    def get_view_restrictions(self):
        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()  # no query
        return super().get_view_restrictions()

    def get_routed_parent(self):
        """The parent page, without a query when the request was routed through it."""
        parent = getattr(self, "_routed_parent", None)
        return parent if parent is not None else self.get_parent().specific_deferred

    @property
    def preview_modes(self):
        """One preview per language, whatever the editor's own admin language."""
        return [(code, name) for code, name in settings.LANGUAGE_NAMES.items()]

    @property
    def default_preview_mode(self):
        return DEFAULT_LANGUAGE

    def make_preview_request(
        self, original_request=None, preview_mode=None, extra_request_attrs=None
    ):
        """Every preview of a page takes its language from `?mode=`: Wagtail's preview from
        the moderation dashboard always asks for the default (French) one. The preview's
        language switcher links to the same admin address in the other mode
        (`preview_url`), never to a public address that may not exist yet."""
        extra_request_attrs = dict(extra_request_attrs or {})
        if original_request is not None:
            asked = original_request.GET.get("mode")
            if asked in LANGUAGE_CODES:
                preview_mode = asked
            query = original_request.GET.copy()
            query.pop("mode", None)
            extra_request_attrs.setdefault("preview_url", original_request.path)
            extra_request_attrs.setdefault("preview_query", query)
        return super().make_preview_request(original_request, preview_mode, extra_request_attrs)

    def serve_preview(self, request, mode_name):
        lang = mode_name if mode_name in LANGUAGE_CODES else DEFAULT_LANGUAGE
        with translation.override(lang):
            request.LANGUAGE_CODE = lang
            response = super().serve_preview(request, lang)
            if hasattr(response, "render"):
                response.render()  # inside the override: the template reads the language
        return response

    def has_translation(self, lang):
        return has_value(getattr(self, f"title_{lang}", None))

    @property
    def shown_language(self):
        """The language the visitor reads this page in (French when not translated)."""
        return language_of(self, "title")

    @property
    def is_fallback(self):
        """True when the visitor asked for a language this page has not been written in."""
        return not self.has_translation(current_language())

    @property
    def translated_languages(self):
        return [code for code in LANGUAGE_CODES if self.has_translation(code)]

    def get_url_in(self, lang, request=None):
        with translation.override(lang):
            return self.get_url(request=request)

    def get_full_url(self, request=None):
        """On the host and scheme the visitor asked for, like the canonical URL: Wagtail's
        own comes from the Site record (`localhost`, and `http` behind the TLS proxy, until
        someone edits it in the admin), which the sitemap would announce to search engines.
        Without a request (cache purges), Wagtail's own."""
        if request is not None:
            url = self.get_url(request=request)
            if url and url.startswith("/"):
                return request.build_absolute_uri(url)
        return super().get_full_url(request=request)

    def get_full_url_in(self, lang, request=None):
        with translation.override(lang):
            return self.get_full_url(request=request)

    def get_sitemap_urls(self, request=None):
        """One entry per language the page is written in, each announcing the others
        (Wagtail's own lists the active language only)."""
        languages = self.translated_languages or [DEFAULT_LANGUAGE]
        urls = {code: self.get_full_url_in(code, request) for code in languages}
        return sitemap_entries(urls, self.last_published_at or self.latest_revision_created_at)


def sitemap_entries(urls, lastmod):
    """Sitemap entries for one page given {language: full URL}: one per language, each with
    the `xhtml:link` hreflang alternates of all of them, and x-default (French)."""
    alternates = [{"lang_code": code, "location": url} for code, url in urls.items()]
    if DEFAULT_LANGUAGE in urls:
        alternates.append({"lang_code": "x-default", "location": urls[DEFAULT_LANGUAGE]})
    return [
        {"location": url, "lastmod": lastmod, "alternates": alternates} for url in urls.values()
    ]
