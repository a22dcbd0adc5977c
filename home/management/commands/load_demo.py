from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from wagtail.images import get_image_model

from agenda.demo import ensure_agenda_demo
from articles.demo import ensure_articles_demo
from articles.demo_data import THEMES
from articles.models import ArticlePage
from association.demo import ensure_association_demo
from core.pictures import prepare_renditions
from guides.demo import ensure_guides_demo
from guides.demo_content import GUIDES_INTRODUCTION
from home.site_tree import (
    ensure_agenda,
    ensure_guides_section,
    ensure_library_sections,
    ensure_site_tree,
)
from library.demo import ensure_library_demo

HOME_INTRODUCTION = {
    "introduction_fr": (
        "<p>InfoMIE rassemble, en français et en anglais, une revue de presse sur les mineurs "
        "isolés étrangers (MIE/MNA) : rapports, décisions, enquêtes et chiffres, avec un lien "
        "vers chaque source.</p>"
    ),
    "introduction_en": (
        "<p>InfoMIE gathers, in French and English, a press review on unaccompanied foreign "
        "minors: reports, rulings, investigations and figures, each with a link to its "
        "source.</p>"
    ),
}
# The demo's featured story, chosen as an editor would (the latest article leads otherwise).
FEATURED_SLUG_FR = "royaume-uni-plus-dun-enfant"
NEWS_INTRODUCTION = {
    "introduction_fr": "<p>La revue de presse, de la plus récente à la plus ancienne.</p>",
    "introduction_en": "<p>The press review, newest first.</p>",
}
AGENDA_INTRODUCTION = {
    "introduction_fr": (
        "<p>Conférences, formations, webinaires et audiences publiques sur les mineurs "
        "isolés étrangers. Abonnez-vous au calendrier pour les retrouver dans votre agenda.</p>"
    ),
    "introduction_en": (
        "<p>Conferences, training sessions, webinars and public hearings on unaccompanied "
        "foreign minors. Subscribe to the calendar to see them in your own.</p>"
    ),
}


class Command(BaseCommand):
    help = (
        "Create the home page, the news index, the association's settings and donation page, "
        "the demo themes and articles, the case law and document library sections and their "
        "demo decisions and documents, the guides, the agenda's events, and the renditions the "
        "pages draw of the demo's images. Idempotent: what already exists is left as it is."
    )

    def handle(self, *args, **options):
        with translation.override("fr"), transaction.atomic():
            home, index = ensure_site_tree(
                HOME_INTRODUCTION, NEWS_INTRODUCTION, AGENDA_INTRODUCTION
            )
            # Sections made before the demo (`ensure_sections`, an earlier run) get the demo's
            # introductions where they have none; an editor's own is left as it is.
            fill_empty(home, HOME_INTRODUCTION)
            fill_empty(index, NEWS_INTRODUCTION)
            fill_empty(ensure_agenda(home), AGENDA_INTRODUCTION)
            ensure_association_demo(home)
            created = ensure_articles_demo(index)
            if home.featured_article_id is None:
                featured = ArticlePage.objects.filter(slug_fr__startswith=FEATURED_SLUG_FR).first()
                if featured is not None:
                    home.featured_article = featured
                    home.save_revision().publish()
            case_law, library = ensure_library_sections(home)
            theme_slugs = {theme["key"]: theme["slug_fr"] for theme in THEMES}
            resources = ensure_library_demo(case_law, library, theme_slugs)
            guides = ensure_guides_demo(ensure_guides_section(home, GUIDES_INTRODUCTION))
            events = ensure_agenda_demo(ensure_agenda(home))
            prepare_renditions(get_image_model().objects.all())
        self.stdout.write(
            f"Demo content ready ({created} article(s) added, {resources} decision(s) and "
            f"document(s) added, {guides} guide(s) added, {events} event(s) added)."
        )


def fill_empty(page, fields):
    """Give `page` the `fields` it has no value for, and publish it if that changed it."""
    missing = {name: value for name, value in fields.items() if not getattr(page, name, None)}
    if missing:
        for name, value in missing.items():
            setattr(page, name, value)
        page.save_revision().publish()
