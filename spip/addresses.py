"""The old SPIP site's addresses and where they lead now. SPIP answered the same object at
`spip.php?article12`, `spip.php?page=article&id_article=12`, `article12.html` and its "URL
propre" (`Le-titre-de-l-article`), each with or without `lang=`; its files at `IMG/pdf/…`.
The target is worked out at each request from what the import remembers (MigratedObject), so a
page moved or retitled since keeps its old addresses."""

import re
from urllib.parse import parse_qsl, unquote

from django.utils import translation

from articles.models import ArticleIndexPage

from .models import MigratedObject, OldAddress

KINDS = ("article", "breve", "rubrique", "mot", "document", "evenement")
# At most 18 digits: beyond, not a SPIP number (and not a 64-bit integer).
SHORT_QUERY = re.compile(r"^(article|breve|rubrique|mot|document|evenement)(\d{1,18})$")
HTML_PAGE = re.compile(r"^(article|breve|rubrique|mot)(\d{1,18})\.html$")
NUMBER = re.compile(r"^\d{1,18}$")
LANGUAGES = ("fr", "en")


def old_object(path, query_string):
    """(kind, spip id or None, language or None, URL propre or None) for an old address, or
    None when the address is not SPIP's."""
    path = unquote(path).lstrip("/")
    params = parse_qsl(query_string, keep_blank_values=True)
    lang = next((value for name, value in params if name == "lang"), None)
    lang = lang if lang in LANGUAGES else None
    if path in ("spip.php", ""):
        for name, value in params:
            match = SHORT_QUERY.match(name)
            if match and value == "":
                return match.group(1), int(match.group(2)), lang, None
        values = dict(params)
        for kind in KINDS:
            number = values.get(f"id_{kind}", "")
            if NUMBER.match(number) and values.get("page", kind) == kind:
                return kind, int(number), lang, None
        return None
    match = HTML_PAGE.match(path)
    if match:
        return match.group(1), int(match.group(2)), lang, None
    return None, None, lang, path.rstrip("/")


def target_url(path, query_string):
    """The address the old one redirects to, or None (the site's 404)."""
    found = old_object(path, query_string)
    if found is None:
        return None
    kind, spip_id, lang, propre = found
    if propre is not None:
        if not propre or len(propre) > 255:
            return None
        address = OldAddress.objects.filter(path=propre).first()
        if address is None:
            return None
        kind, spip_id = address.kind, address.spip_id
    migrated = (
        MigratedObject.objects.filter(kind=kind, spip_id=spip_id)
        .select_related("page", "document", "image", "theme")
        .first()
    )
    if migrated is None:
        return None
    lang = lang or migrated.language
    if migrated.page is not None:
        page = migrated.page
        if not page.live:
            return None
        if not getattr(page, f"title_{lang}", None):
            lang = "fr"
        with translation.override(lang):
            return page.get_url()
    if migrated.document is not None:
        return migrated.document.url
    if migrated.image is not None:
        return migrated.image.file.url
    if migrated.theme is not None:
        index = ArticleIndexPage.objects.live().first()
        if index is not None:
            if not getattr(migrated.theme, f"name_{lang}", None):
                lang = "fr"
            return index.theme_url(migrated.theme, lang)
    return None
