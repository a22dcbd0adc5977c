"""StreamField blocks of a guide page's body: text and headings (the press review's own),
"À retenir" callouts, questions and answers, and legal references (a text and its address,
or a page of the site: a decision or a document of the library once it exists)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from articles.blocks import RICH_TEXT_FEATURES, HeadingBlock, ParagraphBlock


class KeyPointsBlock(blocks.StructBlock):
    """What a reader in a hurry must take away, set apart from the text."""

    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "pick"
        label = _("Key points")
        template = "blocks/guide_key_points_block.html"
        help_text = _('Shown in a box headed "Key points" ("À retenir").')
        preview_value = {"text": "<p>Le doute profite à l’intéressé.</p>"}


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "blocks/guide_question_block.html"
        preview_value = {
            "question": "Et lorsque la minorité est contestée ?",
            "answer": "<p>Le juge des enfants peut être saisi.</p>",
        }


class LegalReferenceBlock(blocks.StructBlock):
    """A text of law, a circular or a decision: its citation, and where to read it (an
    address, or a page of this site)."""

    citation = blocks.CharBlock(label=_("Reference"), max_length=300)
    url = blocks.URLBlock(label=_("Address (URL)"), required=False)
    page = blocks.PageChooserBlock(label=_("Page of this site"), required=False)
    note = blocks.CharBlock(label=_("Short note"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Legal reference")
        template = "blocks/legal_reference_block.html"
        help_text = _(
            "A text or a decision: its reference as it is cited, and a link to read it, "
            "either an address or a page of this site."
        )
        preview_value = {
            "citation": "Code de l’action sociale et des familles, art. L. 221-2-4",
            "url": "https://www.legifrance.gouv.fr/",
        }


class GuideBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    key_points = KeyPointsBlock()
    question = QuestionAnswerBlock()
    reference = LegalReferenceBlock()


class SeeAlsoBlock(blocks.StreamBlock):
    page = blocks.PageChooserBlock(label=_("Page"), icon="link")

    class Meta:
        icon = "link"
