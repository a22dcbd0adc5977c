from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import Court, DecisionIndexPage, DecisionPage, DocumentIndexPage, DocumentPage


@register(Court)
class CourtTR(TranslationOptions):
    fields = ("name", "slug")
    required_languages = ("fr",)


@register(DecisionIndexPage)
class DecisionIndexPageTR(TranslationOptions):
    fields = ("introduction",)


@register(DocumentIndexPage)
class DocumentIndexPageTR(TranslationOptions):
    fields = ("introduction",)


@register(DecisionPage)
class DecisionPageTR(TranslationOptions):
    # The court, kind, number and date are the same in every language; the summary is
    # written per language, French being the fallback.
    fields = ("custom_title", "facts", "ruling", "extracts")


@register(DocumentPage)
class DocumentPageTR(TranslationOptions):
    fields = ("summary", "authors", "external_url")
