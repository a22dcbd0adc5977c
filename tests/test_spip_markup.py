"""SPIP's markup converted to the site's rich text (spip.markup): each shortcut, in French,
English and the young people's languages. Inclusions, raw HTML, broken input, the editor's
sanitiser and the no-word-lost property: test_spip_markup_edges.py."""

import pytest

from spip.markup import Converted, Reference, Target, split_multi, to_rich_text

from .spip_markup_helpers import NBSP, NNBSP, convert

# Interface ----------------------------------------------------------------------------------


def test_result_is_a_converted_with_html_losses_and_references():
    result = convert("Un {{texte}} simple.")
    assert isinstance(result, Converted)
    assert result.html == "<p>Un <b>texte</b> simple.</p>"
    assert result.losses == []
    assert result.references == []


def test_references_name_each_object_once_with_normalised_kinds():
    result = convert("[a->art12] [b->12] [c->rub5] [d->br7] [e->breve7] [f->mot3] [g->doc4]")
    assert result.references == [
        Reference("article", 12),
        Reference("rubrique", 5),
        Reference("breve", 7),
        Reference("mot", 3),
        Reference("document", 4),
    ]


# Paragraphs, bold, italic, headings ---------------------------------------------------------


def test_paragraphs_are_separated_by_blank_lines():
    result = convert("Première phrase sur l'accueil.\n\n\nDeuxième paragraphe, été 2024.")
    assert result.html == (
        "<p>Première phrase sur l’accueil.</p><p>Deuxième paragraphe, été 2024.</p>"
    )


def test_bold_and_italic():
    result = convert("Le {{juge des enfants}} a statué {en référé}.")
    assert result.html == "<p>Le <b>juge des enfants</b> a statué <i>en référé</i>.</p>"


def test_bold_inside_italic_and_italic_inside_bold():
    result = convert("{{Très {important}}} et {pas {{si}} grave}")
    # as the editor writes it back: bold outside italic
    assert result.html == (
        "<p><b>Très <i>important</i></b> et <i>pas</i> <b><i>si</i></b><i> grave</i></p>"
    )


def test_intertitre_becomes_a_level_two_heading_and_a_heading_block():
    result = convert("Intro.\n{{{Les chiffres clés}}}\nSuite du texte.")
    assert result.html == "<p>Intro.</p><h2>Les chiffres clés</h2><p>Suite du texte.</p>"
    assert result.blocks == [
        {"type": "paragraph", "value": "<p>Intro.</p>"},
        {"type": "heading", "value": {"text": "Les chiffres clés"}},
        {"type": "paragraph", "value": "<p>Suite du texte.</p>"},
    ]
    assert result.flat_html == "<p>Intro.</p><p><b>Les chiffres clés</b></p><p>Suite du texte.</p>"


def test_forced_line_breaks_and_single_newlines():
    result = convert("Ligne une\n_ ligne deux\nligne trois")
    assert result.html == "<p>Ligne une<br/>ligne deux<br/>ligne trois</p>"


def test_a_typed_line_break_and_the_end_of_its_line_make_one_break():
    result = convert("Rompue<br/>\nla ligne")
    assert result.html == "<p>Rompue<br/>la ligne</p>"


# Typography ---------------------------------------------------------------------------------


def test_french_spaces_before_punctuation_and_inside_guillemets():
    result = convert("Pourquoi ? Parce que ! Il a dit : «non» ; fin")
    assert result.html == (
        f"<p>Pourquoi{NNBSP}? Parce que{NNBSP}! Il a dit{NBSP}: «{NBSP}non{NBSP}»{NNBSP}; fin</p>"
    )


def test_tilde_is_a_non_breaking_space_and_apostrophes_curl():
    result = convert("10~000 mineurs, l'ASE, deux~~espaces&nbsp;&nbsp;fines")
    assert result.html == f"<p>10{NBSP}000 mineurs, l’ASE, deux{NBSP}espaces{NBSP}fines</p>"


def test_english_text_has_no_french_spaces():
    result = convert("Why? Because: «quoted»", lang="en")
    assert result.html == "<p>Why? Because: «quoted»</p>"


def test_entities_are_read_and_written_back_safely():
    result = convert("Caf&eacute; &amp; th&eacute; &lt;b&gt; 5&nbsp;%")
    assert result.html == f"<p>Café &amp; thé &lt;b&gt; 5{NBSP}%</p>"


# <multi> ------------------------------------------------------------------------------------


def test_split_multi_shares_the_text_outside_blocks():
    text = "Avant <multi>[fr]Été[en]Summer</multi> et <multi>[fr]hiver[en]winter</multi>."
    assert split_multi(text) == {"fr": "Avant Été et hiver.", "en": "Avant Summer et winter."}


def test_split_multi_without_blocks_is_all_in_the_default_language():
    assert split_multi("Texte seul « ici »") == {"fr": "Texte seul « ici »"}
    assert split_multi("Only text", default_lang="en") == {"en": "Only text"}


def test_split_multi_block_without_marker_is_the_default_for_other_languages():
    text = "<multi>Texte commun [en]English [ar]نص عربي</multi>"
    assert split_multi(text) == {"fr": "Texte commun", "en": "English", "ar": "نص عربي"}


def test_split_multi_then_convert_each_language():
    text = "<multi>[fr]Voir [le rapport->art12] ![en]See [the report->art12]!</multi>"
    parts = split_multi(text)
    french = to_rich_text(parts["fr"], resolve=lambda ref: "/fr/r/", lang="fr")
    english = to_rich_text(parts["en"], resolve=lambda ref: "/en/r/", lang="en")
    assert french.html == f'<p>Voir <a href="/fr/r/">le rapport</a>{NNBSP}!</p>'
    assert english.html == '<p>See <a href="/en/r/">the report</a>!</p>'


# Links --------------------------------------------------------------------------------------


def test_external_link_with_text_and_bold_inside():
    result = convert("Voir [le {{rapport}} de l'ONU->https://www.un.org/fr/rapport]")
    assert result.html == (
        '<p>Voir <a href="https://www.un.org/fr/rapport">le <b>rapport</b> de l’ONU</a></p>'
    )


def test_link_without_text_shows_the_address():
    result = convert("[->https://infomie.net/]")
    assert result.html == '<p><a href="https://infomie.net/">https://infomie.net/</a></p>'


@pytest.mark.parametrize(
    ("shortcut", "href", "text"),
    [
        ("[->art12]", "/fr/actualites/mineurs-isoles/", f"Mineurs isolés{NBSP}: le rapport"),
        ("[->12]", "/fr/actualites/mineurs-isoles/", f"Mineurs isolés{NBSP}: le rapport"),
        ("[l'article->art123]", "/fr/documentation/guide-evaluation/", "l’article"),
        ("[->rub5]", "/fr/dossiers/protection/", "rubrique 5"),
        ("[la brève->br7]", "/fr/actualites/breve-sept/", "la brève"),
        ("[->breve7]", "/fr/actualites/breve-sept/", "Brève du 7 mars"),
        ("[asile->mot3]", "/fr/actualites/themes/asile/", "asile"),
        ("[->doc4]", "/documents/4/rapport-2024.pdf", "Rapport annuel 2024"),
    ],
)
def test_internal_links_go_to_the_new_address(shortcut, href, text):
    result = convert(shortcut)
    assert result.html == f'<p><a href="{href}">{text.replace("&", "&amp;")}</a></p>'


def test_resolver_may_answer_a_wagtail_page_link():
    result = to_rich_text("[Le guide->art9]", resolve=lambda ref: Target("page:41", "Guide"))
    assert result.html == '<p><a id="41" linktype="page">Le guide</a></p>'


def test_unknown_internal_link_keeps_its_text_and_is_reported():
    result = convert("Lire [l'enquête->art999] demain.")
    assert result.html == "<p>Lire l’enquête demain.</p>"
    assert result.losses == [
        "Lien vers un contenu introuvable (article 999) : « [l'enquête->art999] »"
    ]


def test_link_title_and_language_forms():
    result = convert("[Texte en anglais|Version anglaise{en}->https://example.org/en]")
    assert result.html == '<p><a href="https://example.org/en">Texte en anglais</a></p>'
    assert result.losses == ["Infobulle de lien non gardée : « Version anglaise »"]
    translated = []
    to_rich_text("[{en}->art12]", resolve=lambda ref: translated.append(ref) or "/en/x/")
    assert translated == [Reference("article", 12)] and translated[0].lang == "en"
    to_rich_text("[{}->art12]", resolve=lambda ref: translated.append(ref), lang="en")
    assert translated[1].lang == "en"  # the translation in the text's own language


def test_link_text_forms_read_as_spip_reads_them():
    result = convert(
        "[lien{de}->/a/] [lien|{de}->/b/] [lien{em}->/c/] [lien|{em}->/d/] [lien|bulle{em}->/e/]"
    )
    assert result.html == (
        '<p><a href="/a/">lien</a> <a href="/b/">lien</a> <a href="/c/">lien<i>em</i></a> '
        '<a href="/d/">lien|<i>em</i></a> <a href="/e/">lien</a></p>'
    )
    assert result.losses == ["Infobulle de lien non gardée : « bulle{em} »"]


def test_javascript_link_never_becomes_a_link():
    result = convert("[Cliquez ici->javascript:alert('x')] et [là->JaVaScRiPt :alert(1)]")
    assert "<a" not in result.html
    assert "Cliquez ici" in result.html and "là" in result.html
    assert len(result.losses) == 2


def test_glossary_links_to_wikipedia():
    result = convert("Le [?Conseil d'État] a tranché.")
    assert result.html == (
        '<p>Le <a href="https://fr.wikipedia.org/wiki/Conseil_d%27%C3%89tat">'
        "Conseil d’État</a> a tranché.</p>"
    )


def test_named_anchor_is_removed_and_reported():
    result = convert("[#suite<-]La suite du texte.")
    assert result.html == "<p>La suite du texte.</p>"
    assert result.losses[0].startswith("Ancre nommée retirée")


def test_bare_address_becomes_a_link():
    result = convert("Site : www.infomie.net.")
    assert result.html == (
        f'<p>Site{NBSP}: <a href="http://www.infomie.net">www.infomie.net</a>.</p>'
    )


# Lists, rules, tables -----------------------------------------------------------------------


def test_nested_bullet_list_and_numbered_list():
    result = convert("Les étapes :\n-* accueil\n-** mise à l'abri\n-* évaluation\n\n-# un\n-# deux")
    assert result.html == (
        f"<p>Les étapes{NBSP}:</p>"
        "<ul><li>accueil<ul><li>mise à l’abri</li></ul></li><li>évaluation</li></ul>"
        "<ol><li>un</li><li>deux</li></ol>"
    )


def test_shortcuts_start_at_the_beginning_of_a_line():
    result = convert("    -* pas une liste\n\n  |pas|un tableau|")
    assert result.html == "<p>-* pas une liste</p><p>|pas|un tableau|</p>"


def test_old_style_dashes_are_a_bullet_list():
    result = convert("- Kaboul\n- Asmara\n- كابل")
    assert result.html == "<ul><li>Kaboul</li><li>Asmara</li><li>كابل</li></ul>"


def test_horizontal_rule_is_reported():
    result = convert("Avant\n\n----\n\nAprès")
    assert result.html == "<p>Avant</p><p>Après</p>"
    assert result.losses == ["Ligne horizontale retirée : « ---- »"]


def test_table_with_header_row_becomes_paragraphs():
    result = convert("|{{Pays}}|{{Nombre}}|\n|Afghanistan|1 200|\n|Érythrée|340|")
    assert result.html == (
        "<p><b>Pays | Nombre</b></p><p>Afghanistan | 1 200</p><p>Érythrée | 340</p>"
    )
    assert result.losses[0].startswith("Tableau de 3 lignes rendu en paragraphes")


# Quotes, code, poetry -----------------------------------------------------------------------


def test_quote_with_a_list_inside():
    result = convert("<quote>Le juge rappelle :\n-* l'urgence\n-* la minorité</quote>")
    assert result.html == (
        f"<blockquote><p>Le juge rappelle{NBSP}:</p>"
        "<ul><li>l’urgence</li><li>la minorité</li></ul></blockquote>"
    )


def test_quote_is_a_quote_block():
    result = convert("<quote>ሰላም ንኹሉ « enfants »</quote>", lang="fr")
    assert result.blocks == [
        {
            "type": "quote",
            "value": {
                "text": f"ሰላም ንኹሉ «{NBSP}enfants{NBSP}»",
                "language": "fr",
                "attribution": "",
            },
        }
    ]


def test_stream_for_a_body_without_quotation_blocks():
    result = convert("{{{Titre}}}\n\n<quote>Citation {en italique}</quote>")
    assert result.stream({"paragraph", "heading"}) == [
        {"type": "heading", "value": {"text": "Titre"}},
        {"type": "paragraph", "value": "<p>Citation <i>en italique</i></p>"},
    ]
    assert result.stream({"paragraph"}) == [
        {"type": "paragraph", "value": "<p><b>Titre</b></p><p>Citation <i>en italique</i></p>"}
    ]


def test_code_and_cadre_are_not_interpreted():
    result = convert("<code>{{pas gras}} [->art12]</code>\n\n<cadre>ligne 1\n\n{ligne} 2</cadre>")
    assert result.html == "<p>{{pas gras}} [-&gt;art12]</p><p>ligne 1<br/><br/>{ligne} 2</p>"
    assert result.references == []
    assert len(result.losses) == 2


def test_poetry_keeps_its_lines():
    result = convert("<poesie>\nUn vers\n{{deux}} vers\n\nAutre strophe\n</poesie>")
    assert result.html == "<p>Un vers<br/><b>deux</b> vers</p><p>Autre strophe</p>"


# Footnotes ----------------------------------------------------------------------------------


def test_footnotes_are_numbered_and_listed_with_back_links():
    result = convert("Texte[[Première note.]] et suite[[Seconde, avec [lien->art12].]].")
    assert result.html == (
        f'<p>Texte{NBSP}<a href="#nb1" id="nh1">[1]</a> et suite'
        f'{NBSP}<a href="#nb2" id="nh2">[2]</a>.</p>'
        '<p id="nb1"><a href="#nh1">[1]</a> Première note.</p>'
        '<p id="nb2"><a href="#nh2">[2]</a> Seconde, avec '
        '<a href="/fr/actualites/mineurs-isoles/">lien</a>.</p>'
    )


def test_unnumbered_and_named_footnotes():
    result = convert("Texte[[<>Sans numéro.]] et[[<*>Nommée.]]")
    assert '<a href="#nb_" id="nh_">[*]</a>' in result.html
    assert "<p>Sans numéro.</p>" in result.html
    assert '<p id="nb_"><a href="#nh_">[*]</a> Nommée.</p>' in result.html
