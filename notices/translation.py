from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import Notice


@register(Notice)
class NoticeTR(TranslationOptions):
    # The message is written per language; French is required and the fallback.
    fields = ("message",)
    required_languages = ("fr",)
