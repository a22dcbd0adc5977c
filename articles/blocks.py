"""StreamField blocks of an article's body. Each renders through its own template in
templates/blocks/."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from association.blocks import DonationCallOutBlock

# Languages a quoted text can be in: the site's two, and the ones press items most often
# come in. The code ends up in the `lang` attribute of the quotation.
QUOTE_LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("de", _("German")),
    ("ar", _("Arabic")),
    ("pt", _("Portuguese")),
]
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"
        preview_value = "<p>Le rapport publié ce jour recense les disparitions d'enfants.</p>"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        help_text = _("A section heading inside the article (shown as a level-2 title).")
        preview_value = {"text": "Les chiffres clés"}


class QuoteBlock(blocks.StructBlock):
    """A quotation from the original piece, in the language it was written in: an English
    quote on a French page is marked `lang="en"` so screen readers pronounce it right."""

    text = blocks.TextBlock(label=_("Quoted text"))
    language = blocks.ChoiceBlock(
        label=_("Language of the quotation"),
        choices=QUOTE_LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    attribution = blocks.CharBlock(label=_("Who said or wrote it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "blocks/quote_block.html"
        help_text = _("Quote the original text as published, and say which language it is in.")
        preview_value = {
            "text": "Children are going missing from care at an alarming rate.",
            "language": "en",
            "attribution": "ECPAT UK",
        }


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Link text"), max_length=200)
    url = blocks.URLBlock(label=_("Address (URL)"))
    description = blocks.CharBlock(label=_("Short description"), required=False, max_length=300)

    class Meta:
        icon = "link"
        label = _("Link")


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("List of links")
        template = "blocks/link_list_block.html"
        help_text = _("Further reading: reports, laws, other articles.")
        preview_value = {
            "heading": "Pour aller plus loin",
            "links": [{"title": "ECPAT UK", "url": "https://www.ecpat.org.uk/", "description": ""}],
        }


class CitedResourceBlock(blocks.StructBlock):
    """A decision or a document of the resource centre the article cites; the cited page lists
    the articles that cite it (through Wagtail's reference index)."""

    resource = blocks.PageChooserBlock(
        label=_("Decision or document"),
        page_type=["library.DecisionPage", "library.DocumentPage"],
    )
    note = blocks.CharBlock(label=_("Why it is cited"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Decision or document cited")
        template = "blocks/cited_resource_block.html"
        help_text = _("A decision or a document of the case law and document library sections.")


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    quote = QuoteBlock()
    link_list = LinkListBlock()
    cited_resource = CitedResourceBlock()
    donation = DonationCallOutBlock()
