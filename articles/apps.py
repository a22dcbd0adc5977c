from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from . import navigation, search, signals

        navigation.connect_signals()
        signals.connect_signals()
        search.connect_signals()
        search.register_search_kinds()
