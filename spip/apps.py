from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpipConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "spip"
    verbose_name = _("SPIP migration")
