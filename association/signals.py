"""Purge the cached settings and donation page URLs whenever an editor changes them, so the
footer and the donation call-out are fresh in every process at once."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.images import get_image_model
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.caching import purge

from .identity import LOGO_KEYS
from .models import AssociationSettings, DonationPage, DonationSettings


@receiver(post_save, sender=AssociationSettings)
@receiver(post_delete, sender=AssociationSettings)
def purge_association(**kwargs):
    purge("settings:association", *LOGO_KEYS)


@receiver(post_save, sender=get_image_model())
@receiver(post_delete, sender=get_image_model())
def purge_logo(instance, **kwargs):
    # The logo's file, focal point or title may have changed: its renditions and favicons too.
    if instance.pk == AssociationSettings.cached().logo_id:
        purge(*LOGO_KEYS)


@receiver(post_save, sender=DonationSettings)
@receiver(post_delete, sender=DonationSettings)
def purge_donation(**kwargs):
    purge("settings:donation")


@receiver(post_save, sender=DonationPage)
@receiver(post_delete, sender=DonationPage)
@receiver(page_published, sender=DonationPage)
@receiver(page_unpublished, sender=DonationPage)
@receiver(page_slug_changed, sender=DonationPage)
def purge_donation_page(**kwargs):
    purge("donation_page_urls")


@receiver(page_published)
@receiver(page_slug_changed)
def purge_donation_page_after_root_change(instance, **kwargs):
    # The donation page's URL goes through the site root's slug (the home page's, depth 2).
    if instance.depth <= 2:
        purge("donation_page_urls")


@receiver(post_page_move)
def purge_donation_page_after_move(instance, **kwargs):
    # Moving the home page or the donation page changes the donation page's URL.
    if isinstance(instance.specific_deferred, DonationPage) or instance.depth <= 2:
        purge("donation_page_urls")
