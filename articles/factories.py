"""Factories for tests and benchmarks. Titles are given per language; slugs are left empty so
that the pages fill them from each language's title, as the admin and imports do."""

import factory
from factory.django import DjangoModelFactory

import wagtail_factories

from .models import ArticlePage, Theme


class ThemeFactory(DjangoModelFactory):
    name_fr = factory.Sequence(lambda n: f"Thème {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")
    description_fr = factory.Faker("sentence", locale="fr_FR")
    description_en = factory.Faker("sentence", locale="en_GB")

    class Meta:
        model = Theme


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


class ArticlePageFactory(wagtail_factories.PageFactory):
    title_fr = factory.Faker("sentence", nb_words=6, locale="fr_FR")
    title_en = factory.Faker("sentence", nb_words=6, locale="en_GB")
    lead_fr = factory.Faker("text", max_nb_chars=200, locale="fr_FR")
    lead_en = factory.Faker("text", max_nb_chars=200, locale="en_GB")
    body_fr = factory.LazyAttribute(lambda o: paragraph(o.lead_fr))
    body_en = factory.LazyAttribute(lambda o: paragraph(o.lead_en) if o.title_en else [])
    source_name = factory.Faker("company")
    source_url_fr = factory.Faker("url")
    authors_fr = factory.Faker("name")
    published_date = factory.Faker("date_between", start_date="-3y", end_date="today")
    original_language = "fr"

    class Meta:
        model = ArticlePage

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        # Only the per-language fields: the untranslated `title`/`slug` would be written to
        # whichever language happens to be active.
        kwargs.pop("title", None)
        kwargs.pop("slug", None)
        themes = kwargs.pop("themes", None)
        instance = model_class(**kwargs)
        if themes:
            instance.themes.set(themes)
        parent.add_child(instance=instance)
        return instance
