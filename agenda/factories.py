"""Factories for tests and benchmarks. Titles are given per language; slugs are left empty so
that the pages fill them from each language's title, as the admin does. Dates are relative to
today (Faker values are drawn when a factory is called, never at import)."""

import datetime

import factory

import wagtail_factories

from .dates import today
from .models import EventPage


class EventPageFactory(wagtail_factories.PageFactory):
    title_fr = factory.Faker("sentence", nb_words=5, locale="fr_FR")
    title_en = factory.Faker("sentence", nb_words=5, locale="en_GB")
    description_fr = factory.LazyAttribute(lambda o: f"<p>{o.title_fr} : présentation.</p>")
    description_en = factory.LazyAttribute(lambda o: f"<p>{o.title_en}: presentation.</p>")
    kind = "conference"
    start_date = factory.LazyFunction(lambda: today() + datetime.timedelta(days=30))
    start_time = datetime.time(9, 30)
    end_time = datetime.time(17, 0)
    attendance = "in_person"
    venue_name = factory.Faker("company", locale="fr_FR")
    address = factory.Faker("street_address", locale="fr_FR")
    postcode = factory.Faker("postcode", locale="fr_FR")
    city = "Lyon"
    organiser = factory.Faker("company", locale="fr_FR")

    class Meta:
        model = EventPage

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
