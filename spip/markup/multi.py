"""SPIP's `<multi>` blocks: one text holding several languages.

`Avant <multi>[fr]Bonjour[en]Hello</multi> après` is « Avant Bonjour après » in French and
« Avant Hello après » in English. A text may hold several blocks; what lies outside them is
shared; a block's part before any `[xx]` marker is its default, used for the languages the
block does not name (SPIP does the same).
"""

import re

MULTI = re.compile(r"<multi>(.*?)</multi>", re.IGNORECASE | re.DOTALL)
MARKER = re.compile(r"\[([a-z]{2,3}(?:_[a-z]+)?)\]")


def _parts(block, default_lang):
    """{lang: text} of one block; the text before the first marker under the key ""."""
    pieces = MARKER.split(block)
    parts = {}
    if pieces[0].strip():
        parts[""] = pieces[0].strip()
    for lang, text in zip(pieces[1::2], pieces[2::2], strict=True):
        parts[lang] = text.strip()
    return parts


def _pick(parts, lang, default_lang):
    if lang in parts:
        return parts[lang]
    if "" in parts:
        return parts[""]
    if default_lang in parts:
        return parts[default_lang]
    return next(iter(parts.values()), "")


def split_multi(text, default_lang="fr"):
    """{lang: text} for every language the text's `<multi>` blocks name, the default
    language first; a text without blocks is all in the default language."""
    text = text or ""
    blocks = [_parts(match.group(1), default_lang) for match in MULTI.finditer(text)]
    if not blocks:
        return {default_lang: text}
    languages = [default_lang]
    for parts in blocks:
        languages.extend(lang for lang in parts if lang and lang not in languages)
    pieces = MULTI.split(text)
    result = {}
    for lang in languages:
        out = []
        for index, piece in enumerate(pieces):
            out.append(piece if index % 2 == 0 else _pick(blocks[index // 2], lang, default_lang))
        result[lang] = "".join(out)
    return result
