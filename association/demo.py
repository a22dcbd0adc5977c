"""Demo content for the association's footer, the donation call-out and the donation page,
used by `manage.py load_demo`. Only fills what is still empty: an editor's settings are
never overwritten."""

from django.core.files.base import ContentFile

from wagtail.images import get_image_model

from core.images import root_collection, sanitise_svg

from .models import AssociationSettings, DonationPage, DonationSettings

ASSOCIATION = {
    "name_fr": "InfoMIE",
    "tagline_fr": "Centre de ressources pour les mineurs isolés étrangers",
    "tagline_en": "Resource centre on unaccompanied foreign minors",
    "postal_address": "InfoMIE\n21 ter rue Voltaire\n75011 Paris",
    "contact_name": "Camille Martin",
    "contact_role_fr": "coordinatrice",
    "contact_role_en": "coordinator",
    "contact_email": "contact@infomie.example",
}
DONATION = {
    "heading_fr": "Soutenez InfoMIE",
    "heading_en": "Support InfoMIE",
    "text_fr": (
        "<p>InfoMIE est une petite association : la revue de presse, la veille juridique et "
        "l’accueil des professionnels ne tiennent que grâce à vos dons.</p>"
    ),
    "text_en": (
        "<p>InfoMIE is a small association: the press review, the legal watch and our help "
        "to professionals only go on thanks to your donations.</p>"
    ),
    "donation_url": "https://www.helloasso.com/associations/infomie",
    "cheque_payee": "Association InfoMIE",
    "cheque_address": "InfoMIE\n21 ter rue Voltaire\n75011 Paris",
    "tax_relief_fr": "66 % de votre don est déductible de votre impôt sur le revenu.",
    "tax_relief_en": "In France, 66% of your donation is deductible from income tax.",
    "share_text_fr": (
        "InfoMIE, centre de ressources sur les mineurs isolés étrangers, a besoin de vous"
    ),
    "share_text_en": "InfoMIE, the resource centre on unaccompanied minors, needs your support",
}
DONATION_PAGE = {
    "title_fr": "Soutenir l’association",
    "title_en": "Support us",
    "slug_fr": "soutenir",
    "slug_en": "support-us",
    "introduction_fr": (
        "<p>Faire un don, envoyer un chèque ou simplement faire connaître InfoMIE.</p>"
    ),
    "introduction_en": "<p>Give online, send a cheque, or simply tell others about InfoMIE.</p>",
}


# The demo logo, written here: the default mark ("iM" on the accent colour) and the name.
LOGO_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 48" width="200" height="48">'
    '<rect width="48" height="48" rx="9" fill="#0b5563"/>'
    '<text x="24" y="32" font-family="system-ui, sans-serif" font-size="21" font-weight="700" '
    'fill="#fff" text-anchor="middle">iM</text>'
    '<text x="58" y="34" font-family="system-ui, sans-serif" font-size="28" font-weight="800" '
    'fill="#1d2430" textLength="138" lengthAdjust="spacingAndGlyphs">InfoMIE</text></svg>'
)


def ensure_association_demo(home):
    if not AssociationSettings.objects.exists():
        AssociationSettings.objects.create(**ASSOCIATION, logo=_demo_logo())
    if not DonationSettings.objects.exists():
        DonationSettings.objects.create(**DONATION)
    if not DonationPage.objects.exists():
        page = home.add_child(instance=DonationPage(**DONATION_PAGE))
        page.save_revision().publish()


def _demo_logo():
    logo = get_image_model()(title="Logo InfoMIE", collection=root_collection())
    logo.file.save("infomie-logo.svg", ContentFile(sanitise_svg(LOGO_SVG.encode())), save=False)
    logo._set_image_file_metadata()
    logo.width, logo.height = 200, 48  # Pillow, which Django asks, does not read SVG
    logo.save()
    return logo
