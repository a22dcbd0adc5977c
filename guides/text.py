"""The text visitors find a page of a guide by, one per language (guides.search): its title,
lead, theme names and the words of its body (never a block's type, id or a link's address),
each field in that language or in French where it has none, as the page is shown. Kept on the
page's row (`search_text_fr`, `search_text_en`), written by each save of the live content, so
a search reads one column instead of every page's body."""

from articles.search import body_text
from core.i18n import shown_value

SEARCHED_FIELDS = ("title", "lead", "body")


def searched_text(page, lang, themes=()):
    """The text of `page` in `lang`, casefolded (SQLite's LIKE folds ASCII letters only)."""
    texts = [shown_value(page, "title", lang), shown_value(page, "lead", lang)]
    texts += [shown_value(theme, "name", lang) for theme in themes]
    texts.append(body_text(shown_value(page, "body", lang)))
    return " ".join(" ".join(text.split()) for text in texts if text).casefold()
