"""The association behind the site: its identity and contact (every page's footer), the call
for donations (on the donation page, the suspension page and in articles) and the donation
page itself."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.caching import cached
from core.i18n import LANGUAGE_CODES
from core.models import BasePage


class DonationPage(BasePage):
    """The "Support us" page: an introduction, then the donation call-out from the site
    settings (the same one the suspension page and articles show). Linked from the footer."""

    introduction = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    max_count = 1
    template = "pages/donation_page.html"

    class Meta:
        verbose_name = _("donation page")

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        HelpPanel(
            content=_(
                "The donation call-out itself (donation link, cheques, sharing) is edited in "
                "Settings › Donation call-out."
            )
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []


@register_setting(icon="site")
class AssociationSettings(BaseGenericSetting):
    """The association's identity: its name and logo in every page's header and footer, link
    previews, feeds and the favicon; its address and contact in the footer."""

    name = models.CharField(_("association name"), max_length=120, default="InfoMIE")
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “Centre de ressources pour les mineurs isolés étrangers”."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "An SVG, PNG or JPEG from the image library, shown in the header, the footer, "
            "link previews and feeds; the favicon is made from a PNG or JPEG. Without one, "
            "the association's name is written instead."
        ),
    )
    postal_address = models.TextField(_("postal address"), blank=True, max_length=400)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_role = models.CharField(_("their role"), max_length=120, blank=True)
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_(
            "Never written in the pages' source: visitors reveal it with a button, out of "
            "reach of the robots that collect addresses for spam."
        ),
    )

    class Meta:
        verbose_name = _("association and footer")

    @classmethod
    def cached(cls):
        """The settings from the cache; unsaved defaults until an editor saves them."""
        return cached("settings:association", lambda: cls.objects.first() or cls())

    panels = [
        FieldPanel("name"),
        FieldPanel("tagline"),
        FieldPanel("logo"),
        FieldPanel("postal_address"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
    ]


@register_setting(icon="pick")
class DonationSettings(BaseGenericSetting):
    """The call for donations: on the suspension page, the donation page and wherever editors
    place the donation block in an article."""

    heading = models.CharField(_("heading"), max_length=120, blank=True)
    text = RichTextField(_("short text"), blank=True, features=["bold", "italic", "link"])
    donation_url = models.URLField(
        _("online donation link"),
        blank=True,
        help_text=_("For example the association's HelloAsso page."),
    )
    cheque_payee = models.CharField(_("cheques payable to"), max_length=200, blank=True)
    cheque_address = models.TextField(_("address to send cheques to"), blank=True, max_length=400)
    tax_relief = models.CharField(
        _("tax relief"),
        max_length=300,
        blank=True,
        help_text=_("Optional, e.g. “66 % of your donation is deductible from income tax.”"),
    )
    share_text = models.CharField(
        _("text of the share links"),
        max_length=200,
        blank=True,
        help_text=_(
            "Suggested text when a visitor shares a page (the association's name when empty)."
        ),
    )

    class Meta:
        verbose_name = _("donation call-out")

    @classmethod
    def cached(cls):
        """The settings from the cache; unsaved defaults until an editor saves them."""
        return cached("settings:donation", lambda: cls.objects.first() or cls())

    panels = [
        FieldPanel("heading"),
        FieldPanel("text"),
        FieldPanel("donation_url"),
        MultiFieldPanel(
            [FieldPanel("cheque_payee"), FieldPanel("cheque_address")], heading=_("Cheques")
        ),
        FieldPanel("tax_relief"),
        FieldPanel("share_text"),
    ]


def donation_page_urls():
    """{language: URL} of the live donation page, or {} when there is none."""

    def load():
        page = DonationPage.objects.live().public().first()
        if page is None:
            return {}
        return {code: page.get_url_in(code) for code in LANGUAGE_CODES}

    return cached("donation_page_urls", load)
