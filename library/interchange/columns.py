"""The library's spreadsheet format, one per section (decisions, documents): its columns, what
each holds on the page, a validated row and what an import does (the Plan)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.page_imports import PagePlan

from ..models import DecisionIndexPage, DecisionPage, DocumentIndexPage, DocumentPage

LIST_SEPARATOR = ";"
STATUSES = {"draft": False, "live": True}
FILES_FOLDER = "fichiers"


@dataclass(frozen=True)
class Section:
    """One kind of library page as it travels in a file."""

    name: str  # "decisions" or "documents": the command's argument, the JSON key
    model: type
    index_model: type
    columns: tuple
    # column → model field, for the plain values (text, dates, numbers)
    fields: dict
    rich_text: tuple  # the columns that are summaries (HTML or paragraphs of text)
    file_field: str  # the Wagtail document
    link_field: str  # where a row's `file` goes when it is a URL
    required: tuple
    # column → whether it holds several: the other items of the section a row links to, each
    # named by its `id` as the export writes it (the field has the column's name)
    relations: dict


DECISIONS = Section(
    name="decisions",
    model=DecisionPage,
    index_model=DecisionIndexPage,
    columns=(
        "id",
        "status",
        "court",
        "city",
        "kind",
        "number",
        "ecli",
        "decision_date",
        "title_fr",
        "title_en",
        "facts_fr",
        "facts_en",
        "ruling_fr",
        "ruling_en",
        "extracts_fr",
        "extracts_en",
        "file",
        "source_url",
        "themes",
        "lower_decisions",
    ),
    fields={
        "city": "city",
        "number": "number",
        "ecli": "ecli",
        "decision_date": "decision_date",
        "title_fr": "custom_title_fr",
        "title_en": "custom_title_en",
        "source_url": "source_url",
    },
    rich_text=("facts_fr", "facts_en", "ruling_fr", "ruling_en", "extracts_fr", "extracts_en"),
    file_field="decision_file",
    link_field="source_url",
    required=("court", "kind", "decision_date"),
    relations={"lower_decisions": True},
)

DOCUMENTS = Section(
    name="documents",
    model=DocumentPage,
    index_model=DocumentIndexPage,
    columns=(
        "id",
        "status",
        "kind",
        "title_fr",
        "title_en",
        "authors_fr",
        "authors_en",
        "publisher",
        "document_date",
        "page_count",
        "file_languages",
        "summary_fr",
        "summary_en",
        "file",
        "external_url_fr",
        "external_url_en",
        "reference",
        "in_force",
        "replaced_by",
        "themes",
    ),
    fields={
        "title_fr": "title_fr",
        "title_en": "title_en",
        "authors_fr": "authors_fr",
        "authors_en": "authors_en",
        "publisher": "publisher",
        "document_date": "document_date",
        "page_count": "page_count",
        "file_languages": "file_languages",
        "external_url_fr": "external_url_fr",
        "external_url_en": "external_url_en",
        "reference": "reference",
        "in_force": "in_force",
    },
    rich_text=("summary_fr", "summary_en"),
    file_field="document_file",
    link_field="external_url_fr",
    required=("kind", "title_fr", "document_date"),
    relations={"replaced_by": False},
)

SECTIONS = {section.name: section for section in (DECISIONS, DOCUMENTS)}


@dataclass
class Row:
    number: int  # as the editor sees it: spreadsheet row (header = 1) or position in the list
    fields: dict  # model field → cleaned value (the court, the kind included)
    themes: list = field(default_factory=list)  # Theme instances
    links: dict = field(default_factory=dict)  # relation column → [translation_key]
    file_path: str = ""  # inside the ZIP
    live: bool = False
    key: object = None  # the page's translation_key (uuid.UUID), None for a new page
    label: str = ""  # how reports name it: its title, or its court and date


@dataclass
class Plan(PagePlan):
    """What an import does (or, with dry_run, would do): the rows' labels, and `new_files` the
    files of the ZIP that become Wagtail documents (a file already on the site is reused)."""

    new_files: list = field(default_factory=list)

    @property
    def anything_to_do(self):
        return bool(self.created or self.updated)

    def summary(self, dry_run=False):
        """One sentence, in the active language: what was done, or what would be."""
        counts = {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "files": len(self.new_files),
        }
        if dry_run:
            created = ngettext("%(created)d to create", "%(created)d to create", counts["created"])
            updated = ngettext("%(updated)d to update", "%(updated)d to update", counts["updated"])
        else:
            created = ngettext("%(created)d created", "%(created)d created", counts["created"])
            updated = ngettext("%(updated)d updated", "%(updated)d updated", counts["updated"])
        unchanged = ngettext(
            "%(unchanged)d unchanged", "%(unchanged)d unchanged", counts["unchanged"]
        )
        files = ngettext("%(files)d new file", "%(files)d new files", counts["files"])
        summary = f"{created}, {updated}, {unchanged}; {files}." % counts
        if self.left_alone:
            summary += " " + ngettext(
                "%(count)d left alone, in review or with changes not yet published (publish "
                "or reject them in the admin, then import again): %(items)s.",
                "%(count)d left alone, in review or with changes not yet published (publish "
                "or reject them in the admin, then import again): %(items)s.",
                len(self.left_alone),
            ) % {"count": len(self.left_alone), "items": ", ".join(self.left_alone)}
        if dry_run:
            return _("Dry run, nothing written: %(summary)s") % {"summary": summary}
        return summary
