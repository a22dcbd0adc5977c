from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core.i18n import LANGUAGE_CODES

from .translation_status import incomplete_articles


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """ "To translate": the articles missing their English (or French) title, lead or body,
    with what is missing and a link to edit each one."""

    template_name = "editorial/translation_status.html"
    page_title = _("To translate")
    header_icon = "globe"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = self.request.GET.get("language")
        if language not in LANGUAGE_CODES:
            language = None
        context["statuses"] = incomplete_articles(language)
        context["language"] = language
        return context
