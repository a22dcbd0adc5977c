from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import GuideIndexPage, GuidePage, GuideSectionPage


@register(GuideIndexPage)
class GuideIndexPageTR(TranslationOptions):
    fields = ("introduction",)


# The lead and the body are written per language, French being the fallback; the "See also"
# links, the themes and the dates are the same in both.
@register(GuidePage)
class GuidePageTR(TranslationOptions):
    fields = ("lead", "body")


@register(GuideSectionPage)
class GuideSectionPageTR(TranslationOptions):
    fields = ("lead", "body")
