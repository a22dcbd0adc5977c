"""Reading the text of an uploaded PDF (pypdf), bounded and safe: a file that cannot be read
(damaged, encrypted, not a PDF, too long) gives a status and no text, never an exception, so
the upload that triggered it always succeeds."""

import logging
import re
import time
from dataclasses import dataclass

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_PAGES = 2000
MAX_CHARACTERS = 2_000_000
TIME_BUDGET_SECONDS = 30

_FRENCH_WORDS = frozenset("le la les des du une est et dans pour que qui sur au aux par".split())
_ENGLISH_WORDS = frozenset("the of and to in is that for on with by as are from".split())
_WORD = re.compile(r"[^\W\d_]+")


@dataclass
class Extracted:
    status: str
    text: str = ""
    page_count: int = 0
    language: str = "fr"
    error: str = ""
    duration_ms: int = 0


def extract_pdf_text(file, size=None):
    """The text of the PDF in `file` (an open binary file), with its status."""
    started = time.monotonic()
    result = _extract(file, size, started)
    result.duration_ms = int((time.monotonic() - started) * 1000)
    result.language = guess_language(result.text)
    return result


def _extract(file, size, started):
    if size is not None and size > MAX_FILE_BYTES:
        return Extracted("partial", error="file too large to read")
    head = file.read(1024)
    file.seek(0)
    if b"%PDF-" not in head:
        return Extracted("not_pdf")
    # Imported here: pypdf takes about 0.15 s to import, paid by every process at start-up
    # otherwise, for an upload that only editors make.
    from pypdf import PdfReader

    try:
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    return Extracted("encrypted")
            except Exception as error:  # noqa: BLE001 - an algorithm pypdf cannot read
                return Extracted("encrypted", error=str(error)[:300])
        pages = reader.pages
        page_count = len(pages)
        texts, length, status = [], 0, "ok"
        for number, page in enumerate(pages):
            if number >= MAX_PAGES or length >= MAX_CHARACTERS:
                status = "partial"
                break
            if time.monotonic() - started > TIME_BUDGET_SECONDS:
                status = "partial"
                break
            try:
                text = page.extract_text() or ""
            except Exception:  # noqa: BLE001 - one unreadable page does not lose the others
                logger.warning("PDF page %s unreadable", number + 1, exc_info=True)
                continue
            texts.append(text)
            length += len(text)
    except Exception as error:  # noqa: BLE001 - whatever pypdf makes of a damaged file
        logger.warning("PDF unreadable", exc_info=True)
        return Extracted("broken", error=str(error)[:300] or error.__class__.__name__)
    text = _clean("\n".join(texts))[:MAX_CHARACTERS]
    if not text.strip():
        status = "empty"
    return Extracted(status, text=text, page_count=page_count)


def _clean(text):
    # PostgreSQL refuses NUL in text; other control characters are noise.
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", " ", text)


def guess_language(text):
    """ "en" when the text reads as English, else "fr" (the site's default)."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    french = sum(w in _FRENCH_WORDS for w in words)
    english = sum(w in _ENGLISH_WORDS for w in words)
    return "en" if english > french else "fr"
