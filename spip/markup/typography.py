"""SPIP's typographic corrections, applied to plain text between the HTML fragments.

In French SPIP puts a non-breaking space before `; : ! ? »` and after `«`, turns `~` into a
non-breaking space, `--` into a dash and `'` into an apostrophe. We write the spaces as
characters: a narrow one (U+202F) before `; ! ?`, a normal one (U+00A0) before `:` and inside
« », as French typesetting does.
"""

import re
from html import escape, unescape

from .context import PLACEHOLDER

NBSP = "\u00a0"
NNBSP = "\u202f"
SPACES = " \t" + NBSP + NNBSP

BEFORE_MARK = re.compile(f"[{SPACES}]*([;!?][!?.]*)")
BEFORE_COLON = re.compile(f"[{SPACES}]*:(?!:)(?=\\W|$)")
BEFORE_CLOSING_QUOTE = re.compile(f"[{SPACES}]*»")
AFTER_OPENING_QUOTE = re.compile(f"«[{SPACES}]*")
BEFORE_PERCENT = re.compile(r"[ \t]+%")
TITLES = re.compile(r"\b(M\.|Mmes?|MM\.|Mr\.?|[nN]°)[ \t]+")
DASH = re.compile(r"(?<![-\n])--(?!-)")
TILDE = re.compile(f"[ \t]*~[{SPACES}~]*")
AROUND_NBSP = re.compile(f"[ \t]*([{NBSP}{NNBSP}])[ \t]*")


def _mark(match):
    text = match.string
    start = match.start()
    before = text[start - 1] if start else ""
    mark = match.group(1)
    end = match.end()
    after = text[end] if end < len(text) else ""
    if not before:
        return NNBSP + mark if match.group(0) != mark else mark
    if before in "[<(!?.;" + NBSP + NNBSP:
        return match.group(0)
    if before.isalnum() and after.isalnum() and match.group(0) == mark:
        return mark  # inside a word or an address (« spip.php?article12 »)
    return NNBSP + mark


def _colon(match):
    if not match.start() and match.group(0) == ":":
        return ":"
    return NBSP + ":"


def _closing_quote(match):
    return NBSP + "»" if match.start() or match.group(0) != "»" else "»"


def french(text):
    # Each rule only runs when its character is there: most runs of text are short.
    if ";" in text or "!" in text or "?" in text:
        text = BEFORE_MARK.sub(_mark, text)
    if ":" in text:
        text = BEFORE_COLON.sub(_colon, text)
    if "»" in text:
        text = BEFORE_CLOSING_QUOTE.sub(_closing_quote, text)
    if "«" in text:
        text = AFTER_OPENING_QUOTE.sub("«" + NBSP, text)
    if "M" in text or "°" in text:
        text = TITLES.sub(lambda m: m.group(1) + NBSP, text)
    return text


def correct(text, lang):
    """Typography of one run of plain (unescaped) text in language `lang`."""
    text = text.replace("'", "’")
    if NBSP in text:  # written as &nbsp; or typed: SPIP reads it as ~
        text = text.replace(NBSP, "~")
    if "~" in text:
        text = TILDE.sub(NBSP, text)
    if "%" in text:
        text = BEFORE_PERCENT.sub(NBSP + "%", text)
    if lang.split("_")[0].split("-")[0] == "fr":
        text = french(text)
    if "--" in text:
        text = DASH.sub("—", text)
    if NBSP in text or NNBSP in text:
        text = AROUND_NBSP.sub(r"\1", text)
    return text


def finish(text, lang):
    """HTML for SPIP text holding placeholders: entities read, typography applied, the text
    escaped; placeholders untouched."""
    out = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        out.append(_finish_run(text[position : match.start()], lang))
        out.append(match.group(0))
        position = match.end()
    out.append(_finish_run(text[position:], lang))
    return "".join(out)


def _finish_run(run, lang):
    if not run:
        return run
    if "&" in run:
        run = unescape(run)
    return escape(correct(run, lang), quote=False)
