from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationConfig(AppConfig):
    """The association's identity and contact, its call for donations and donation page."""

    name = "association"
    verbose_name = _("Association")

    def ready(self):
        from . import signals  # noqa: F401
