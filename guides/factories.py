"""Factories for tests and benchmarks, as articles.factories: titles per language, slugs
filled by the pages from each language's title."""

import factory

import wagtail_factories

from .models import GuidePage, GuideSectionPage


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


class _GuideContentFactory(wagtail_factories.PageFactory):
    title_fr = factory.Faker("sentence", nb_words=5, locale="fr_FR")
    title_en = factory.Faker("sentence", nb_words=5, locale="en_GB")
    lead_fr = factory.Faker("sentence", nb_words=12, locale="fr_FR")
    lead_en = factory.Faker("sentence", nb_words=12, locale="en_GB")
    body_fr = factory.LazyAttribute(lambda o: paragraph(o.lead_fr))
    body_en = factory.LazyAttribute(lambda o: paragraph(o.lead_en) if o.title_en else [])

    class Meta:
        abstract = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        kwargs.pop("title", None)
        kwargs.pop("slug", None)
        themes = kwargs.pop("themes", None)
        instance = model_class(**kwargs)
        if themes:
            instance.themes.set(themes)
        parent.add_child(instance=instance)
        return instance


class GuidePageFactory(_GuideContentFactory):
    class Meta:
        model = GuidePage


class GuideSectionPageFactory(_GuideContentFactory):
    class Meta:
        model = GuideSectionPage
