from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Resource centre")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import search, signals

        signals.connect_signals()
        search.register_search_kinds()
