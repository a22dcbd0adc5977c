from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from articles.models import themes_in_display_order
from core.models import BasePage

from .front_page import front_page_sections


class HomePage(BasePage):
    """The site's front page: the featured story, the latest articles, each theme with its
    latest articles; beside them the introduction, the themes, the feeds and the call for
    donations."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences that say what InfoMIE is, shown beside the news."),
    )
    featured_article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("featured story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The article shown first, in large. Empty (or unpublished): the latest article."
        ),
    )

    max_count = 1
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")

    content_panels = Page.content_panels + [
        PageChooserPanel("featured_article", "articles.ArticlePage"),
        FieldPanel("introduction"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "association.DonationPage",
        "library.DecisionIndexPage",
        "library.DocumentIndexPage",
        "guides.GuideIndexPage",
        "agenda.EventIndexPage",
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = front_page_sections(self)
        context["featured"] = sections["featured"]
        context["latest_articles"] = sections["latest"]
        context["theme_sections"] = sections["themes"]
        context["themes"] = themes_in_display_order()
        return context
