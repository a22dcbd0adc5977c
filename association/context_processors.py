from django.utils.functional import SimpleLazyObject

from core.i18n import current_language

from .models import AssociationSettings, DonationSettings, donation_page_urls


def site_settings(request):
    """The association's identity and the donation call-out, from the cache (no query once
    cached); lazy, so the admin's pages never pay for them."""
    return {
        "association": SimpleLazyObject(AssociationSettings.cached),
        "donation": SimpleLazyObject(DonationSettings.cached),
        "donation_page_url": SimpleLazyObject(
            lambda: donation_page_urls().get(current_language(), "")
        ),
    }
