from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class DonationCallOutBlock(blocks.StaticBlock):
    """The donation call-out from the site settings, placed where the editor wants it."""

    class Meta:
        icon = "pick"
        label = _("Donation call-out")
        admin_text = _(
            "Shows the donation call-out edited in Settings › Donation call-out "
            "(in the reader's language)."
        )
        template = "blocks/donation_block.html"
