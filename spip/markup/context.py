"""The state of one conversion: finished HTML fragments set aside behind placeholders, what was
lost, which SPIP objects the text names."""

import re
from html import escape

OPEN, CLOSE = "\ue000", "\ue001"
PLACEHOLDER = re.compile(OPEN + r"(\d+)" + CLOSE)
# Characters the converter uses for its own placeholders: removed from the input first.
RESERVED = re.compile("[" + OPEN + CLOSE + "]")
SNIPPET_LENGTH = 120


def snippet(text, whole=False):
    text = PLACEHOLDER.sub("…", " ".join(text.split()))
    if whole or len(text) <= SNIPPET_LENGTH:
        return text
    return text[: SNIPPET_LENGTH - 1] + "…"


class Context:
    def __init__(self, resolve, lang):
        self.resolve = resolve
        self.lang = lang
        self.fragments = []
        self.losses = []
        self.references = []
        self.notes = []  # (number or "", name used in the anchors, raw SPIP text)
        self.note_count = 0
        self._line_break = None

    @property
    def line_break(self):
        """One placeholder for every `<br/>`, so a line break typed in HTML and the end of
        the line after it make one break, as in SPIP."""
        if self._line_break is None:
            self._line_break = self.keep("<br/>")
        return self._line_break

    def keep(self, html):
        """A placeholder standing for finished HTML; nothing later rewrites it."""
        self.fragments.append(html)
        return f"{OPEN}{len(self.fragments) - 1}{CLOSE}"

    def literal(self, text):
        """A placeholder for text shown exactly as written (no shortcut, no typography)."""
        return self.keep(escape(text, quote=False))

    def lose(self, description, source, whole=False):
        """Report what was approximated; `whole`: the text is nowhere else (left out of the
        page), so the report keeps all of it."""
        entry = f"{description} : « {snippet(source, whole)} »"
        if entry not in self.losses:
            self.losses.append(entry)

    def saw(self, reference):
        if reference not in self.references:
            self.references.append(reference)

    def expand(self, text):
        """The text with every placeholder replaced by its HTML (fragments may hold
        placeholders of earlier fragments)."""
        for _ in range(100):
            expanded = PLACEHOLDER.sub(lambda match: self.fragments[int(match.group(1))], text)
            if expanded == text:
                break
            text = expanded
        return text
