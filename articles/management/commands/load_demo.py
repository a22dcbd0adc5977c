from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from articles import demo_data
from articles.blocks import ArticleBodyBlock
from articles.models import ArticlePage, Theme
from articles.site_tree import ensure_site_tree
from home.demo import ensure_association_demo

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


class Command(BaseCommand):
    help = (
        "Create the home page, the news index, the demo themes and articles. Idempotent: "
        "what already exists is left as it is."
    )

    def handle(self, *args, **options):
        with translation.override("fr"), transaction.atomic():
            home, index = ensure_site_tree(HOME_INTRODUCTION, NEWS_INTRODUCTION)
            ensure_association_demo(home)
            themes = self.themes()
            created = self.articles(index, themes)
        self.stdout.write(f"Demo content ready ({created} article(s) added).")

    def themes(self):
        themes = {}
        for data in demo_data.THEMES:
            fields = {k: v for k, v in data.items() if k != "key"}
            theme = Theme.objects.filter(slug_fr=data["slug_fr"]).first()
            if theme is None:
                theme = Theme(**fields)
                theme.save()
            themes[data["key"]] = theme
        return themes

    def articles(self, index, themes):
        body_block = ArticleBodyBlock()
        existing = set(ArticlePage.objects.child_of(index).values_list("title_fr", flat=True))
        created = 0
        for data in demo_data.ARTICLES:
            if data["title_fr"] in existing:
                continue
            fields = {
                k: v for k, v in data.items() if k not in {"key", "themes", "body_fr", "body_en"}
            }
            fields = {k: v for k, v in fields.items() if v is not None}
            article = ArticlePage(**fields)
            article.body_fr = body_block.to_python(data["body_fr"])
            if data.get("body_en"):
                article.body_en = body_block.to_python(data["body_en"])
            article.themes.set([themes[key] for key in data["themes"]])
            index.add_child(instance=article)
            article.save_revision().publish()
            created += 1
        return created
