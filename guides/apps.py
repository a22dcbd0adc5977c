from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    """The thematic guides ("dossiers thématiques"): trees of pages with review dates."""

    name = "guides"
    verbose_name = _("Thematic guides")

    def ready(self):
        from . import search, signals

        signals.connect_signals()
        search.register_search_kinds()
