"""SPIP's markup converted to the site's rich text (spip.markup): inclusions, raw HTML, broken
and hostile input, what the site's own sanitiser does with the result, and the promises that
no text makes it fail and no word of a text is ever lost."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.blocks import ArticleBodyBlock
from articles.interchange.validation import as_the_editor_stores
from spip.markup import Reference

from .spip_markup_helpers import NBSP, NNBSP, convert, visible

# Documents ----------------------------------------------------------------------------------


def test_document_inclusions_become_links_to_the_document():
    result = convert("<doc4|left>\n\nVoir l'affiche <img8|center>.")
    assert result.html == (
        '<p><a href="/documents/4/rapport-2024.pdf">Rapport annuel 2024</a></p>'
        '<p>Voir l’affiche <a href="/documents/8/affiche.jpg">'
        f"Affiche «{NBSP}Droits des enfants{NBSP}»</a>.</p>"
    )
    assert result.references == [
        Reference("document", 4, embed="doc", align="left"),
        Reference("document", 8, embed="img", align="center"),
    ]
    assert result.references[1].embed == "img" and result.references[1].align == "center"
    assert result.losses == [
        "Image affichée dans le texte remplacée par un lien : « <img8|center> »"
    ]


def test_unknown_document_stays_visible_and_is_reported():
    result = convert("<emb77|right>")
    assert result.html == "<p>&lt;emb77|right&gt;</p>"
    assert result.losses == [
        "Inclusion introuvable (document 77) gardée en texte : « <emb77|right> »"
    ]


# Raw HTML -----------------------------------------------------------------------------------


def test_safe_html_is_kept_and_dangerous_html_removed():
    result = convert(
        '<strong>Fort</strong> <span style="color:red">rouge</span> '
        "<script>alert('x')</script><a href=\"javascript:alert(1)\">piège</a> "
        '<iframe src="https://evil.example"></iframe>'
    )
    assert result.html == "<p><b>Fort</b> rouge piège</p>"
    assert "script" not in result.html and "iframe" not in result.html
    assert len(result.losses) == 3


# Malformed input ----------------------------------------------------------------------------


def test_unbalanced_bold_stays_as_written_and_is_reported():
    result = convert("Un {{gras jamais fermé")
    assert result.html == "<p>Un {{gras jamais fermé</p>"
    assert result.losses[0].startswith("Gras (accolades doubles) non fermé")


def test_unclosed_quote_runs_to_the_end():
    result = convert("<quote>Citation sans fin\n\nDeuxième paragraphe")
    assert result.html == (
        "<blockquote><p>Citation sans fin</p><p>Deuxième paragraphe</p></blockquote>"
    )


def test_footnote_without_end_stays_as_text():
    result = convert("Texte [[note jamais fermée")
    assert result.html == "<p>Texte [[note jamais fermée</p>"


# More forms ---------------------------------------------------------------------------------


def test_backslash_escapes_show_the_character():
    result = convert("\\{\\{pas gras\\}\\} et \\[pas un lien\\]")
    assert result.html == "<p>{{pas gras}} et [pas un lien]</p>"
    assert result.losses == []


def test_link_to_an_anchor_of_an_article():
    result = convert("[La suite->art12#conclusion]")
    assert result.html == '<p><a href="/fr/actualites/mineurs-isoles/#conclusion">La suite</a></p>'


def test_embedded_player_becomes_a_link_and_is_reported():
    result = convert("<emb4|center>")
    assert result.html == '<p><a href="/documents/4/rapport-2024.pdf">Rapport annuel 2024</a></p>'
    assert result.losses == ["Document intégré (lecteur) remplacé par un lien : « <emb4|center> »"]
    assert result.references[0].embed == "emb"


def test_object_model_becomes_a_link_to_its_page():
    result = convert("<article12>")
    assert result.html == (
        f'<p><a href="/fr/actualites/mineurs-isoles/">Mineurs isolés{NBSP}: le rapport</a></p>'
    )
    assert result.losses == ["Modèle remplacé par un lien vers la page : « <article12> »"]


def test_image_inside_a_link_gives_its_title_to_the_link():
    result = convert("[<img8>->https://example.org/affiche]")
    assert result.html == (
        f'<p><a href="https://example.org/affiche">Affiche «{NBSP}Droits des enfants{NBSP}»</a></p>'
    )


def test_html_block_keeps_safe_tags_and_no_shortcut():
    result = convert("<html><em>{{tel quel}}</em><script>x()</script></html>")
    assert result.html == "<p><i>{{tel quel}}</i></p>"
    assert result.losses == ["Script ou style non importé : « <script>x()</script> »"]


def test_text_in_pashto_and_arabic_has_no_french_spacing():
    result = convert("ماشومان څنګه دي؟ [د ماشوم حقونه->https://example.org/ps]", lang="ps")
    assert result.html == (
        '<p>ماشومان څنګه دي؟ <a href="https://example.org/ps">د ماشوم حقونه</a></p>'
    )
    result = convert("Les mots « قاصر » et « ቆልዓ » !")
    assert result.html == f"<p>Les mots «{NBSP}قاصر{NBSP}» et «{NBSP}ቆልዓ{NBSP}»{NNBSP}!</p>"


def test_dashes_and_alinea():
    result = convert("Avant -- après\n-- un alinéa")
    assert result.html == "<p>Avant — après<br/>— un alinéa</p>"


def test_tag_in_a_footnote_is_not_its_name():
    result = convert("Texte[[<b>gras</b> dans la note]]")
    assert f'Texte{NBSP}<a href="#nb1" id="nh1">[1]</a>' in result.html
    assert '<p id="nb1"><a href="#nh1">[1]</a> <b>gras</b> dans la note</p>' in result.html


def test_quotations_in_flat_html_are_paragraphs():
    result = convert("{{{Titre}}}\n\n<quote>Citation</quote>")
    assert result.flat_html == "<p><b>Titre</b></p><p>Citation</p>"


def test_heading_with_a_link_stays_a_bold_paragraph_in_blocks():
    result = convert("{{{Voir [le rapport->art12]}}}")
    assert result.html == '<h2>Voir <a href="/fr/actualites/mineurs-isoles/">le rapport</a></h2>'
    assert result.blocks == [
        {
            "type": "paragraph",
            "value": (
                '<p><b>Voir</b> <a href="/fr/actualites/mineurs-isoles/"><b>le rapport</b></a></p>'
            ),
        }
    ]
    assert result.losses[0].startswith("Intertitre trop long ou avec un lien")


def test_very_deep_nesting_is_flattened_not_fatal():
    result = convert("<quote>" * 200 + "Au fond")
    assert "Au fond" in visible(result.html)
    assert any(loss.startswith("Imbrication trop profonde") for loss in result.losses)


# The site's sanitiser ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def editor():
    """The widget of an article body's paragraphs: what an editor saving the page runs."""
    return ArticleBodyBlock().child_blocks["paragraph"].field.widget


def as_saved(html, editor):
    """The HTML the editor stores for `html`, without the block keys it adds."""
    return re.sub(r' data-block-key="[^"]*"', "", as_the_editor_stores(html, editor))


def test_paragraphs_pass_the_editor_unchanged(editor):
    text = (
        "Le {{juge}} a dit : « non » !\n\n"
        "-* un {lien} [vers le rapport->https://example.org/a?b=1&c=2]\n"
        "-** deux\n-* trois\n\n-# premier\n-# second\n\n"
        "Ligne\n_ forcée ~ fin, {{gras [et lien->art12]}} puis {ሰላም}.\n\n"
        "|{{Pays}}|{{Nombre}}|\n|Afghanistan|1 200|\n\n<code>x {y}</code> <doc4>"
    )
    paragraphs = [block["value"] for block in convert(text).blocks]
    assert len(paragraphs) == 1
    assert as_saved(paragraphs[0], editor) == paragraphs[0]


def test_footnotes_keep_their_numbers_through_the_editor(editor):
    html = convert("Texte[[Une note.]]").html
    assert as_saved(html, editor) == (
        f'<p>Texte{NBSP}<a href="#nb1">[1]</a></p><p><a href="#nh1">[1]</a> Une note.</p>'
    )


# Properties ---------------------------------------------------------------------------------

WORDS = [
    "enfant",
    "Été",
    "mineur",
    "évaluation",
    "département",
    "قاصر",  # Arabic
    "ماشوم",  # Pashto
    "ቆልዓ",  # Tigrinya
    "Kaboul",
    "juge",
]
MARKUP = [
    " ",
    "\n",
    "\n\n",
    "{{",
    "}}",
    "{",
    "}",
    "{{{",
    "}}}",
    "[",
    "]",
    "->",
    "[->art12]",
    "[->art999]",
    "->https://example.org/é",
    "->javascript:alert(1)",
    "[[",
    "]]",
    "[[<>",
    "<quote>",
    "</quote>",
    "<code>",
    "</code>",
    "<cadre>",
    "</cadre>",
    "<poesie>",
    "</poesie>",
    "-* ",
    "\n-* ",
    "\n-** ",
    "\n-# ",
    "\n- ",
    "\n----\n",
    "|",
    "\n|",
    "|\n",
    "_ ",
    "~",
    "«",
    "»",
    " : ",
    " ?",
    "!",
    "<doc4>",
    "<img999|left>",
    "<b>",
    "</b>",
    "<em>",
    "<span>",
    "</p>",
    "<p>",
    "<ul><li>",
    "<table><tr><td>",
    "<multi>",
    "[?",
    "<-]",
    "&amp;",
    "&nbsp;",
    "\\{",
    "'",
]


def words(text):
    return set(re.findall(r"\w+", text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS + MARKUP), max_size=40))
def test_no_word_is_ever_lost(pieces):
    text = "".join(f" {piece} " if piece in WORDS else piece for piece in pieces)
    result = convert(text)
    kept = words(visible(result.html)) | words(" ".join(result.losses))
    assert {piece for piece in pieces if piece in WORDS} <= kept


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_converts_without_error(text):
    result = convert(text)
    assert isinstance(result.html, str)
    assert "javascript:" not in result.html.lower()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS + [m for m in MARKUP if "[[" not in m]), max_size=30))
def test_body_paragraphs_are_what_the_editor_would_store(editor, pieces):
    """Importing and then saving the page in the admin changes nothing. (Lists of both
    kinds nested in one another are left out: the editor itself rewrites them.)"""
    text = "".join(f" {piece} " if piece in WORDS else piece for piece in pieces)
    for block in convert(text).blocks:
        html = block["value"]
        if block["type"] == "paragraph" and not ("<ul>" in html and "<ol>" in html):
            assert as_saved(html, editor) == html
