"""The resource centre's models: courts ← decisions; documents (decisions and documents are
LibraryPages); the text of PDFs; the two section pages (each imports only those before it)."""

from .courts import JURISDICTIONS, Court
from .decisions import DECISION_KINDS, DecisionPage
from .documents import DOCUMENT_KINDS, OFFICIAL_KINDS, DocumentPage
from .fields import FILE_LANGUAGES, LanguageListField
from .index_pages import DecisionIndexPage, DocumentIndexPage
from .library_page import LibraryPage, LibraryQuerySet
from .pdf_text import EXTRACTION_STATUSES, DocumentText

__all__ = [
    "DECISION_KINDS",
    "DOCUMENT_KINDS",
    "EXTRACTION_STATUSES",
    "FILE_LANGUAGES",
    "JURISDICTIONS",
    "OFFICIAL_KINDS",
    "Court",
    "DecisionIndexPage",
    "DecisionPage",
    "DocumentIndexPage",
    "DocumentPage",
    "DocumentText",
    "LanguageListField",
    "LibraryPage",
    "LibraryQuerySet",
]
