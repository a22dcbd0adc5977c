"""Decisions and documents in and out of a spreadsheet, for `import_library`,
`export_library` and the admin's import and export (see the README).

A ZIP holds the spreadsheet (CSV as a spreadsheet saves it, or JSON) and the files; a row names
its file by its path inside the ZIP, or gives a web address to link to instead. One row per
decision or document, identified by its `id` (the page's translation_key; a row without one is
a new item). A decision's lower decisions (`lower_decisions`) and the text that replaced a
document (`replaced_by`) are named by those ids, of items on the site or rows of the file.
Every row is checked before anything is written; one bad row and nothing is
imported, the row and the column named. Importing an export changes nothing.

- columns: SECTIONS (DECISIONS, DOCUMENTS), Row, Plan
- reading: read_upload (a ZIP, or a spreadsheet alone)
- validation: validate (records → Rows, or ImportFileError listing every problem)
- writing: import_rows (Rows → pages and Wagtail documents; dry_run)
- export: export_records, write_zip
"""

from .columns import DECISIONS, DOCUMENTS, SECTIONS, Plan, Row
from .export import WRITERS, export_records, write_zip
from .reading import Upload, read_upload
from .validation import validate
from .writing import import_rows

__all__ = [
    "DECISIONS",
    "DOCUMENTS",
    "SECTIONS",
    "WRITERS",
    "Plan",
    "Row",
    "Upload",
    "export_records",
    "import_rows",
    "read_upload",
    "validate",
    "write_zip",
]
