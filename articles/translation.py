from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import ArticleIndexPage, ArticlePage, Theme


@register(Theme)
class ThemeTR(TranslationOptions):
    fields = ("name", "slug", "description")
    required_languages = ("fr",)


@register(ArticleIndexPage)
class ArticleIndexPageTR(TranslationOptions):
    fields = ("introduction",)


@register(ArticlePage)
class ArticlePageTR(TranslationOptions):
    # source_name and the dates are the same in every language; the rest is written per
    # language, French being required and the fallback.
    fields = ("lead", "body", "source_url", "authors", "lead_image_alt", "lead_image_credit")
    required_languages = {"fr": ("lead",), "default": ()}
