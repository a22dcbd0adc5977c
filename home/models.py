from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from .i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES, current_language, has_value

HOME_LATEST_COUNT = 6


class BasePage(Page):
    """What every InfoMIE page shares: translated slugs filled from each language's title,
    routing on the visitor's language, and the URLs of the page in each language."""

    class Meta:
        abstract = True

    def _set_core_field_defaults(self):
        parent = None
        if self.path or getattr(self, "_cached_parent_obj", None):
            parent = self.get_parent()
        if parent is not None:
            for code in LANGUAGE_CODES:
                title = getattr(self, f"title_{code}", None)
                if title and not getattr(self, f"slug_{code}", None):
                    base = _short_slug(title)
                    setattr(self, f"slug_{code}", self._free_slug(parent, base))
        super()._set_core_field_defaults()

    def _free_slug(self, parent, base):
        siblings = parent.get_children()
        if self.pk:
            siblings = siblings.exclude(pk=self.pk)
        taken = set()
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
            lang = current_language()
            match = Q(**{f"slug_{lang}": slug})
            if lang != DEFAULT_LANGUAGE:
                untranslated = Q(**{f"slug_{lang}__isnull": True}) | Q(**{f"slug_{lang}": ""})
                match |= untranslated & Q(**{f"slug_{DEFAULT_LANGUAGE}": slug})
            child = self.get_children().filter(match).specific().first()
            if child is None:
                raise Http404
            return child.route(request, remaining)
        if self.live:
            return RouteResult(self)
        raise Http404

    @property
    def preview_modes(self):
        """One preview per language, whatever the editor's own admin language."""
        return [(code, name) for code, name in settings.LANGUAGE_NAMES.items()]

    @property
    def default_preview_mode(self):
        return DEFAULT_LANGUAGE

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
    def translated_languages(self):
        return [code for code in LANGUAGE_CODES if self.has_translation(code)]

    def get_url_in(self, lang, request=None):
        with translation.override(lang):
            return self.get_url(request=request)

    def get_full_url_in(self, lang, request=None):
        with translation.override(lang):
            return self.get_full_url(request=request)


class HomePage(BasePage):
    """The site's front page: a short introduction, the latest articles and the themes."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences that say what InfoMIE is, shown above the latest news."),
    )

    max_count = 1
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.ArticleIndexPage"]

    def get_context(self, request, *args, **kwargs):
        from articles.models import ArticlePage, Theme

        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = ArticlePage.objects.for_listing()[:HOME_LATEST_COUNT]
        context["themes"] = Theme.objects.in_display_order()
        return context


def _short_slug(title, limit=80):
    """An ASCII slug of at most `limit` characters, cut at a word boundary."""
    slug = slugify(title) or "page"
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug
