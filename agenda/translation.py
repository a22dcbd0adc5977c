from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import EventIndexPage, EventPage


@register(EventIndexPage)
class EventIndexPageTR(TranslationOptions):
    fields = ("introduction",)


@register(EventPage)
class EventPageTR(TranslationOptions):
    # Dates, place, links and price are the same in every language; the description and the
    # price's details are written per language, French being required and the fallback.
    fields = ("description", "price_details")
    required_languages = {"fr": ("description",), "default": ()}
