from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from articles.models import ArticlePage, themes_in_display_order
from core.models import BasePage

HOME_LATEST_COUNT = 6


class HomePage(BasePage):
    """The site's front page: a short introduction, the latest articles and the themes."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences that say what InfoMIE is, shown above the latest news."),
    )

    max_count = 1
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "association.DonationPage",
        "agenda.EventIndexPage",
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = ArticlePage.objects.for_listing()[:HOME_LATEST_COUNT]
        context["themes"] = themes_in_display_order()
        return context
