"""The trail shown above a page's heading (`components/breadcrumb.html`): pages of the tree,
or plain items for what is not a page (the list of themes, a theme)."""

from typing import NamedTuple

from django.utils.html import format_html

from .i18n import current_language, language_of


class Crumb(NamedTuple):
    """One step of the trail that is not a page: its label, its URL (none for the page the
    visitor is on) and the language of the label when it is not the page's (a theme shown
    in French on the English side)."""

    label: str
    url: str = ""
    lang: str = ""


def crumb_items(steps, request=None):
    """`steps` (pages, `Crumb`s or plain `(label, url)` pairs) as dicts the component writes
    out: `label`, `url` and `lang_attr` (` lang="fr"` or nothing)."""
    items = []
    for step in steps:
        if step is None:
            continue
        if hasattr(step, "get_url"):  # a page
            label, url, lang = step.title, step.get_url(request=request), ""
            if hasattr(step, "title_fr"):
                lang = language_of(step, "title")
        else:
            label, url, lang = (tuple(step) + ("", ""))[:3]
        lang_attr = format_html(' lang="{}"', lang) if lang and lang != current_language() else ""
        items.append({"label": label, "url": url or "", "lang_attr": lang_attr})
    return items
