"""The page tree the site needs (home page, news section, case law, document library) and the
default Site pointing at it. Used by `load_demo` and by the tests, so both build the same tree."""

from django.conf import settings
from django.utils import translation

from wagtail.models import Collection, Locale, Page, Site

from agenda.models import EventIndexPage
from articles.models import ArticleIndexPage
from guides.models import GuideIndexPage
from library.models import DecisionIndexPage, DocumentIndexPage

from .models import HomePage

HOME_FIELDS = {
    "title_fr": "Accueil",
    "title_en": "Home",
    "slug_fr": "accueil",
    "slug_en": "home",
}
NEWS_FIELDS = {
    "title_fr": "Actualités",
    "title_en": "News",
    "slug_fr": "actualites",
    "slug_en": "news",
}
GUIDES_FIELDS = {
    "title_fr": "Dossiers thématiques",
    "title_en": "Thematic guides",
    "slug_fr": "dossiers",
    "slug_en": "guides",
}

CASE_LAW_FIELDS = {
    "title_fr": "Jurisprudence",
    "title_en": "Case law",
    "slug_fr": "jurisprudence",
    "slug_en": "case-law",
}
LIBRARY_FIELDS = {
    "title_fr": "Documentation",
    "title_en": "Library",
    "slug_fr": "documentation",
    "slug_en": "library",
}

AGENDA_FIELDS = {
    "title_fr": "Agenda",
    "title_en": "Events",
    "slug_fr": "agenda",
    "slug_en": "events",
}


def ensure_site_tree(home_fields=None, news_fields=None, agenda_fields=None):
    """Return (home, news_index), creating them, the agenda and the default Site when
    missing."""
    with translation.override("fr"):
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.get_first_root_node()
        if root is None:  # a flushed database (transactional tests)
            root = Page.add_root(instance=Page(title="Racine", slug="root", url_path_fr="/"))
        if Collection.get_first_root_node() is None:  # a flushed database, likewise
            Collection.add_root(name="Root")
        home = HomePage.objects.first()
        if home is None:
            # Wagtail's migrations leave a "Welcome" placeholder at the top: replace it.
            for placeholder in root.get_children().filter(content_type__model="page"):
                if placeholder.get_children_count() == 0:
                    Site.objects.filter(root_page=placeholder).update(root_page=root)
                    placeholder.delete()
            home = root.add_child(instance=HomePage(**{**HOME_FIELDS, **(home_fields or {})}))
            home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="InfoMIE",
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        index = ArticleIndexPage.objects.first()
        if index is None:
            index = home.add_child(
                instance=ArticleIndexPage(**{**NEWS_FIELDS, **(news_fields or {})})
            )
            index.save_revision().publish()
    ensure_agenda(home, agenda_fields)
    return home, index


def ensure_library_sections(home, case_law_fields=None, library_fields=None):
    """Return (case law section, document library), creating them under `home` when missing."""
    sections = []
    for model, fields, extra in (
        (DecisionIndexPage, CASE_LAW_FIELDS, case_law_fields),
        (DocumentIndexPage, LIBRARY_FIELDS, library_fields),
    ):
        section = model.objects.first()
        if section is None:
            with translation.override("fr"):
                section = home.add_child(instance=model(**{**fields, **(extra or {})}))
                section.save_revision().publish()
        sections.append(section)
    return tuple(sections)


def ensure_guides_section(home, fields=None):
    """The guides section (`/fr/dossiers/`, `/en/guides/`) under `home`, created when missing."""
    with translation.override("fr"):
        section = GuideIndexPage.objects.first()
        if section is None:
            section = home.add_child(instance=GuideIndexPage(**{**GUIDES_FIELDS, **(fields or {})}))
            section.save_revision().publish()
    return section


def ensure_agenda(home, agenda_fields=None):
    """The agenda section (/fr/agenda/, /en/events/) below `home`, created when missing."""
    with translation.override("fr"):
        agenda = EventIndexPage.objects.first()
        if agenda is None:
            agenda = home.add_child(
                instance=EventIndexPage(**{**AGENDA_FIELDS, **(agenda_fields or {})})
            )
            agenda.save_revision().publish()
    return agenda
