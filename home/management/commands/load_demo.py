from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from agenda.demo import ensure_agenda_demo
from articles.demo import ensure_articles_demo
from association.demo import ensure_association_demo
from home.site_tree import ensure_agenda, ensure_site_tree

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
        "the demo themes and articles. Idempotent: what already exists is left as it is."
    )

    def handle(self, *args, **options):
        with translation.override("fr"), transaction.atomic():
            home, index = ensure_site_tree(
                HOME_INTRODUCTION, NEWS_INTRODUCTION, AGENDA_INTRODUCTION
            )
            ensure_association_demo(home)
            created = ensure_articles_demo(index)
            events = ensure_agenda_demo(ensure_agenda(home))
        self.stdout.write(
            f"Demo content ready ({created} article(s) added, {events} event(s) added)."
        )
