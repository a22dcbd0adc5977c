"""What the SPIP markup tests share: objects of a SPIP site and where they went."""

import re
from html import unescape

from spip.markup import Target, to_rich_text

NBSP, NNBSP = "\u00a0", "\u202f"

PAGES = {
    ("article", 12): Target("/fr/actualites/mineurs-isoles/", "Mineurs isolés : le rapport"),
    ("article", 123): Target("/fr/documentation/guide-evaluation/", "Guide de l’évaluation"),
    ("rubrique", 5): "/fr/dossiers/protection/",
    ("breve", 7): Target("/fr/actualites/breve-sept/", "Brève du 7 mars"),
    ("mot", 3): "/fr/actualites/themes/asile/",
    ("document", 4): Target("/documents/4/rapport-2024.pdf", "Rapport annuel 2024"),
    ("document", 8): Target("/documents/8/affiche.jpg", "Affiche « Droits des enfants »"),
    ("auteur", 2): "/fr/credits/#auteur-2",
}


def resolve(reference):
    return PAGES.get((reference.kind, reference.id))


def convert(text, **kwargs):
    return to_rich_text(text, resolve=resolve, **kwargs)


def visible(html):
    """The text a reader sees in some HTML."""
    return unescape(re.sub(r"<[^>]+>", " ", html))
