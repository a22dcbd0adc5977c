from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import AssociationSettings, DonationPage, DonationSettings


@register(DonationPage)
class DonationPageTR(TranslationOptions):
    fields = ("introduction",)


@register(AssociationSettings)
class AssociationSettingsTR(TranslationOptions):
    # The address, the contact's name and email are the same in both languages.
    fields = ("name", "tagline", "contact_role")
    required_languages = ()


@register(DonationSettings)
class DonationSettingsTR(TranslationOptions):
    # The donation link, the payee and the postal address are the same in both languages.
    fields = ("heading", "text", "tax_relief", "share_text")
    required_languages = ()
