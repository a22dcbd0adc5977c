"""What a decision and a document share as pages of the resource centre: their stored search
vectors and what is searched, how they are listed (live, public, without the vectors), their
form, their date, file and link, the summary their description comes from, the language they
are shown in, what their page shows around them (the section, the themes, the articles that
cite them) and their JSON-LD. Each subclass says which of its fields play those parts."""

from django.contrib.postgres.search import SearchVectorField
from django.utils.html import strip_tags

from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from core.lookups import view_restrictions_exist
from core.models import BasePage

from ..forms import LibraryPageForm
from .citations import citing_articles

SUMMARY_FEATURES = ["bold", "italic", "link", "ol", "ul"]
DESCRIPTION_LENGTH = 200


class LibraryQuerySet(PageQuerySet):
    def public(self):
        """Wagtail's, without its query when no page of the site is private."""
        return super().public() if view_restrictions_exist() else self

    def for_listing(self):
        return self.live().public().defer("search_vector_fr", "search_vector_en")


class LibraryPage(BasePage):
    search_vector_fr = SearchVectorField(null=True, editable=False, serialize=False)
    search_vector_en = SearchVectorField(null=True, editable=False, serialize=False)

    objects = PageManager.from_queryset(LibraryQuerySet)()

    base_form_class = LibraryPageForm

    # The subclass's fields that play the shared parts.
    date_field = None  # the date it is listed, sorted and filtered by
    file_field = None  # its Wagtail document
    link_field = None  # its address elsewhere
    summary_fields = ()  # in order: the first one written gives the description
    searched_fields = ()  # translated fields its search vectors are made of
    searched_plain_fields = ()  # other fields matched on SQLite (lookups)

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = [self.get_routed_parent()]
        context["themes"] = list(self.themes.all())
        context["meta_description"] = self.description
        context["citing_articles"] = citing_articles(self)
        return context

    @property
    def description(self):
        text = next(
            (getattr(self, name) for name in self.summary_fields if getattr(self, name)), ""
        )
        return " ".join(strip_tags(str(text or "")).split())[:DESCRIPTION_LENGTH]

    @property
    def listing_date(self):
        return getattr(self, self.date_field)

    @property
    def file(self):
        return getattr(self, self.file_field)

    @property
    def link_url(self):
        return getattr(self, self.link_field)

    def searched_extras(self, lang):
        """Texts besides `searched_fields` and the themes that find it in `lang`."""
        return []

    def json_ld(self, themes, file_url):
        """schema.org data of the page (its URL and language are added by the template tag):
        what both kinds say; subclasses add their type and fields."""
        data = {
            "@context": "https://schema.org",
            "name": self.title,
            "inLanguage": self.shown_language,
            "description": self.description,
            "about": [{"@type": "Thing", "name": theme.name} for theme in themes],
        }
        return data

    parent_page_types = []
    subpage_types = []
