from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = pgettext_lazy("agenda", "Agenda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.caching import register_cache_key_part

        from . import navigation, search, signals
        from .dates import page_cache_key_part

        navigation.connect_signals()
        search.register_search_kinds()
        signals.connect_signals()
        # What the agenda shows changes with the day (upcoming or past, the online link
        # shown from the day before): every cached page is per day in Paris.
        register_cache_key_part(page_cache_key_part)
