from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = _("Site notices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.caching import register_cache_key_part

        from . import signals  # noqa: F401
        from .live import page_cache_key_part

        register_cache_key_part(page_cache_key_part)
