from django.utils.functional import SimpleLazyObject

from core.i18n import current_language

from .identity import logo
from .models import AssociationSettings, DonationSettings, donation_page_urls


def site_settings(request):
    """The association's identity (its logo too) and the donation call-out, from the cache
    (no query once cached); lazy, so the admin's pages never pay for them."""
    return {
        "association": SimpleLazyObject(AssociationSettings.cached),
        "donation": SimpleLazyObject(DonationSettings.cached),
        "logo": SimpleLazyObject(logo),
        "donation_page_url": SimpleLazyObject(
            lambda: donation_page_urls().get(current_language(), "")
        ),
    }
