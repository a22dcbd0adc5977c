"""Articles in and out of a spreadsheet: the CSV/JSON format shared by `import_articles`,
`export_articles` and the admin's import and export (see the README and
docs/import-example.csv, docs/import-example.json).

One row per article, identified by its `id` (the page's translation_key; a row without one
is a new article). Every row is checked with the rule the admin applies (articles.rules)
before anything is written; one bad row and nothing is imported, with errors that name the
row and the column. Importing an export changes nothing; an import never publishes an
article an editor left as a draft or submitted for review.

- reading: read_rows (file → numbered records), read_file (the same, with how the file
  was read: encoding, delimiter)
- validation: validate (records → Rows, or ImportFileError listing every problem)
- writing: import_rows (Rows → articles; dry_run), written by articles.bulk
- export: export_records, write_csv, write_excel_csv (for French Excel), write_json
"""

from .columns import COLUMNS, ImportFileError, Plan, Row, row_error
from .export import export_records, write_csv, write_excel_csv, write_json
from .reading import read_file, read_rows
from .validation import validate
from .writing import import_rows

__all__ = [
    "COLUMNS",
    "ImportFileError",
    "Plan",
    "Row",
    "export_records",
    "import_rows",
    "read_file",
    "read_rows",
    "row_error",
    "validate",
    "write_csv",
    "write_excel_csv",
    "write_json",
]
