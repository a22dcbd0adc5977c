"""Reading CSV files as spreadsheets save them (core/file_reading.py), through the
`import_articles` command and `interchange.read_file`: UTF-8 with or without BOM, Windows-1252,
commas or semicolons, cells holding semicolons and line breaks; and files that cannot be read,
named in French."""

import io

import pytest

from django.core.management import CommandError, call_command

from articles import interchange
from articles.models import ArticlePage

TITLE = "Été à Marseille : l’accueil des mineurs"
LEAD = "« Nous manquons de places », dit l’association ; la préfecture répond."
HEADER = ["source_url", "title_fr", "lead_fr", "source_name", "themes", "status"]


def csv_text(delimiter, rows):
    def cell(value):
        if any(char in value for char in (delimiter, '"', "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = [delimiter.join(HEADER)]
    lines += [delimiter.join(cell(value) for value in row) for row in rows]
    return "\r\n".join(lines) + "\r\n"


ROWS = [
    ["https://example.org/ete", TITLE, LEAD, "La Provence", "Accueil; Hébergement", "draft"],
    [
        "https://example.org/deux",
        "Deux lignes",
        "Première ligne\nseconde ligne",
        "Le Monde",
        "Accueil",
        "draft",
    ],
]


@pytest.mark.parametrize(
    ("encoding", "delimiter", "expected_encoding"),
    [
        ("utf-8", ",", "utf-8"),
        ("utf-8-sig", ",", "utf-8-sig"),
        ("utf-8-sig", ";", "utf-8-sig"),
        ("cp1252", ";", "cp1252"),
        ("cp1252", ",", "cp1252"),
        ("utf-16", "\t", "utf-16"),
    ],
)
def test_spreadsheet_variants_read_the_same(encoding, delimiter, expected_encoding):
    data = csv_text(delimiter, ROWS).encode(encoding)
    result = interchange.read_file(data, name="articles.csv")
    assert (result.encoding, result.delimiter) == (expected_encoding, delimiter)
    assert [number for number, _record in result.rows] == [2, 3]
    first, second = (record for _number, record in result.rows)
    assert first["title_fr"] == TITLE
    assert first["lead_fr"] == LEAD  # the semicolon inside the quoted cell stays in the cell
    assert first["themes"] == "Accueil; Hébergement"
    assert second["lead_fr"].replace("\r\n", "\n") == "Première ligne\nseconde ligne"


def test_delimiter_from_the_header_not_from_the_cells():
    # Many commas in the cells, semicolons between them: the header decides.
    rows = [
        ["https://example.org/a", "Un, deux, trois, quatre", "a, b, c, d, e", "X", "Y", "draft"]
    ]
    text = ";".join(HEADER) + "\n" + ";".join(f'"{value}"' for value in rows[0]) + "\n"
    result = interchange.read_file(text.encode("cp1252"), name="a.csv")
    assert result.delimiter == ";"
    assert result.rows[0][1]["title_fr"] == "Un, deux, trois, quatre"


def test_rows_numbered_as_the_spreadsheet_shows_them():
    text = csv_text(";", [ROWS[1], ["", "", "", "", "", ""], ROWS[0]])
    result = interchange.read_file(text.encode("utf-8"), name="a.csv")
    # The cell over two lines is one row; the empty row is counted but not imported.
    assert [number for number, _record in result.rows] == [2, 4]


def test_excel_columns_without_a_name_are_ignored():
    text = (
        ";".join(HEADER)
        + ";;\n"
        + ";".join(ROWS[0]).replace("Accueil; Hébergement", "Accueil")
        + ";;\n"
    )
    result = interchange.read_file(text.encode("cp1252"), name="a.csv")
    assert result.columns == HEADER


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "vide.csv", "vide.csv : le fichier est vide"),
        (b" \r\n\r\n", "vide.csv", "le fichier est vide"),
        (bytes(range(256)) * 8, "hasard.csv", "ce n’est pas un fichier texte"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "rapport.csv", "pas un fichier texte"),
        (b"PK\x03\x04\x14\x00\x06\x00", "articles.xlsx", "c’est un classeur de tableur"),
        (b"\x81\x8d\x8f\x90\x9d", "bizarre.csv", "encodage inconnu"),
        (b'{"articles": [', "a.json", "JSON invalide (ligne 1, colonne 15)"),
        (b"a;b;b\n1;2;3\n", "a.csv", "la colonne b figure plusieurs fois"),
        (b"title_fr\n", "a.txt", "format inconnu"),
    ],
)
def test_unreadable_files_say_why_in_french(data, name, message):
    with pytest.raises(interchange.ImportFileError) as caught:
        interchange.read_file(data, name=name)
    assert message in str(caught.value)


def test_a_few_control_characters_from_a_word_processor_are_text():
    text = csv_text(";", [ROWS[0]]).replace("La Provence", "La\x0bProvence")
    result = interchange.read_file(text.encode("cp1252"), name="a.csv")
    assert result.rows[0][1]["source_name"] == "La\x0bProvence"


@pytest.mark.django_db
def test_the_command_imports_what_french_excel_saves(news_index, tmp_path):
    path = tmp_path / "revue.csv"
    path.write_bytes(csv_text(";", ROWS).encode("cp1252"))
    out = io.StringIO()
    call_command("import_articles", str(path), stdout=out, stderr=io.StringIO())
    assert "2 articles créés" in out.getvalue()
    assert ArticlePage.objects.get(source_url_fr="https://example.org/ete").title_fr == TITLE


@pytest.mark.django_db
def test_the_command_explains_a_workbook_in_french(news_index, tmp_path):
    path = tmp_path / "revue.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(200))
    with pytest.raises(CommandError, match="classeur de tableur"):
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=io.StringIO())
