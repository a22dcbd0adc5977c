"""What SPIP's link and inclusion shortcuts point at, and which addresses may become links.

`[texte->art12]`, `<doc4|left>`, `[->rub5]`: SPIP names an object by a short kind and a number.
The converter hands each one to the importer's `resolve` as a `Reference`; the importer answers
with the object's new address (a `str`) or a `Target` (address and title), or `None` when the
object did not come over.
"""

import html
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import quote

from django.conf.locale import LANG_INFO

# SPIP's short names and historical aliases for each kind of object (its `typer_raccourci`);
# a bare number means an article.
KIND_ALIASES = {
    "": "article",
    "art": "article",
    "article": "article",
    "rub": "rubrique",
    "rubrique": "rubrique",
    "br": "breve",
    "breve": "breve",
    "mot": "mot",
    "doc": "document",
    "document": "document",
    "im": "document",
    "img": "document",
    "image": "document",
    "emb": "document",
    "aut": "auteur",
    "auteur": "auteur",
    "site": "site",
    "syndic": "site",
}

# How a reference reads when nothing better is known (SPIP writes the kind and the number).
KIND_LABELS = {
    "article": "article",
    "rubrique": "rubrique",
    "breve": "brève",
    "mot": "mot-clé",
    "document": "document",
    "auteur": "auteur",
    "site": "site",
}

# Languages a `{xx}` in a link may name (SPIP checks its own list; Django's, plus the
# languages of the young people the association works with).
LANGUAGE_CODES = frozenset(code.split("-")[0] for code in LANG_INFO) | {
    "ps",  # Pashto
    "ti",  # Tigrinya
    "prs",  # Dari
    "so",  # Somali
    "am",  # Amharic
    "ff",  # Fula
    "bm",  # Bambara
    "wo",  # Wolof
    "ln",  # Lingala
    "oc",  # Occitan
}

SAFE_SCHEMES = ("http", "https", "mailto", "ftp", "tel")

SHORTCUT = re.compile(r"^\s*([^\W\d_]*?)\s*(\d+)(\?[^#\s]*)?(#\S*)?\s*$")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
EMAIL = re.compile(r"^[^@\s/:]+@[^@\s/:]+\.[a-zA-Z]{2,}$")
WAGTAIL_LINK = re.compile(r"^(page|document):(\d+)$")


@dataclass(frozen=True)
class Reference:
    """An object of the SPIP site a text points at. Two references are equal when they name
    the same object; `embed` (`doc`, `img`, `emb`: an inclusion, not a link), `align` and
    `lang` (`[{en}->art2]`: its English translation) say how it was named."""

    kind: str
    id: int
    embed: str = field(default="", compare=False)
    align: str = field(default="", compare=False)
    lang: str = field(default="", compare=False)

    @property
    def label(self):
        return f"{KIND_LABELS.get(self.kind, self.kind)} {self.id}"


@dataclass(frozen=True)
class Target:
    """What `resolve` may answer instead of a plain address: the address and the title to
    show where SPIP shows the object's own title (`[->art12]`, `<doc4>`). An address written
    `page:12` or `document:7` becomes Wagtail's own link to that page or document."""

    url: str
    title: str = ""


def normalise_kind(name):
    """SPIP's kind for a shortcut's prefix (`art`, `br`, `brève`…), or None if unknown."""
    name = unicodedata.normalize("NFKD", name.lower())
    name = "".join(char for char in name if not unicodedata.combining(char))
    return KIND_ALIASES.get(name)


def parse_shortcut(target):
    """(Reference, anchor) for `art12`, `12`, `rub5#suite`, `doc4`; None for an address."""
    match = SHORTCUT.match(target)
    if not match:
        return None
    kind = normalise_kind(match.group(1))
    if kind is None:
        return None
    return Reference(kind, int(match.group(2))), match.group(4) or ""


def as_target(answer):
    """The importer's answer to `resolve` as a Target (None stays None)."""
    if answer is None or isinstance(answer, Target):
        return answer
    return Target(str(answer))


def safe_href(url):
    """The address as an href, or None when it must not become a link (javascript:, data:,
    any scheme but the web's and mail's). `www.…` and bare e-mail addresses are completed as
    SPIP completes them."""
    url = html.unescape(url)
    url = "".join(char for char in url if char.isprintable()).strip()
    if not url:
        return None
    if url.lower().startswith("www."):
        url = "http://" + url
    elif EMAIL.match(url):
        url = "mailto:" + url
    compact = re.sub(r"\s", "", url)
    scheme = SCHEME.match(compact)
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return None
    return quote(url, safe="/:?#[]@!$&'()*+,;=%~-._")


def wagtail_link_attrs(url):
    """Attributes of Wagtail's stored form for `page:12` / `document:7`, else None."""
    match = WAGTAIL_LINK.match(url)
    if not match:
        return None
    return {"linktype": match.group(1), "id": match.group(2)}


def glossary_url(term, lang):
    """SPIP's default glossary, Wikipedia in the text's language."""
    title = re.sub(r"\s+", "_", term.strip())
    return f"https://{lang or 'fr'}.wikipedia.org/wiki/{quote(title, safe='')}"
