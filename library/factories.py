"""Factories for tests and benchmarks."""

import factory
from factory.django import DjangoModelFactory

import wagtail_factories

from .models import Court, DecisionPage, DocumentPage


class CourtFactory(DjangoModelFactory):
    name_fr = factory.Sequence(lambda n: f"Cour d’appel n° {n}")
    name_en = factory.Sequence(lambda n: f"Court of appeal no. {n}")
    jurisdiction = "france"

    class Meta:
        model = Court


class _LibraryPageFactory(wagtail_factories.PageFactory):
    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        kwargs.pop("title", None)
        kwargs.pop("slug", None)
        themes = kwargs.pop("themes", None)
        lower = kwargs.pop("lower_decisions", None)
        instance = model_class(**kwargs)
        if themes:
            instance.themes.set(themes)
        if lower:
            instance.lower_decisions.set(lower)
        parent.add_child(instance=instance)
        return instance


class DecisionPageFactory(_LibraryPageFactory):
    court = factory.SubFactory(CourtFactory)
    kind = "arret"
    number = factory.Sequence(lambda n: f"{460000 + n}")
    decision_date = factory.Faker("date_between", start_date="-6y", end_date="today")
    facts_fr = factory.Faker("paragraph", locale="fr_FR")
    facts_en = factory.Faker("paragraph", locale="en_GB")
    ruling_fr = factory.Faker("paragraph", locale="fr_FR")
    ruling_en = factory.Faker("paragraph", locale="en_GB")

    class Meta:
        model = DecisionPage


class DocumentPageFactory(_LibraryPageFactory):
    title_fr = factory.Faker("sentence", nb_words=6, locale="fr_FR")
    title_en = factory.Faker("sentence", nb_words=6, locale="en_GB")
    kind = "report"
    authors_fr = factory.Faker("company", locale="fr_FR")
    document_date = factory.Faker("date_between", start_date="-6y", end_date="today")
    summary_fr = factory.Faker("paragraph", locale="fr_FR")
    summary_en = factory.Faker("paragraph", locale="en_GB")
    file_languages = factory.LazyFunction(lambda: ["fr"])

    class Meta:
        model = DocumentPage
