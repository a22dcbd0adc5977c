"""import_articles and export_articles speak French (the site's language, LANGUAGE_CODE) or
English (--language en, or the active language when called from code)."""

import contextlib
import io

import pytest

from django.core.management import CommandError, call_command
from django.utils import translation

pytestmark = pytest.mark.django_db

HEADER = "id,source_url,title_fr,lead_fr,source_name,original_date,themes,status"
GOOD_ROW = "0b7e3d4c-1f0a-4c2e-8f44-00000000000a,https://example.org/a,Titre A,Chapô A,Le Monde,2024-01-02,Asile,live"  # noqa: E501
BAD_ROW = ",https://example.org/b,,Chapô B,Le Monde,31/02/2024,Asile,online"


def import_file(tmp_path, *rows, args=()):
    path = tmp_path / "articles.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    out = io.StringIO()
    call_command("import_articles", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def errors(tmp_path, *args):
    with pytest.raises(CommandError) as error:
        import_file(tmp_path, GOOD_ROW, BAD_ROW, args=args)
    return str(error.value)


def test_from_the_shell_the_command_speaks_the_sites_language(tmp_path, news_index):
    # No language activated, as in `manage.py`: LANGUAGE_CODE, French.
    translation.deactivate()
    message = errors(tmp_path)
    assert message.startswith("Rien n’a été importé : 3 problèmes.")
    assert "Ligne 3, title_fr : manquant (obligatoire)" in message
    assert "Ligne 3, original_date : date invalide « 31/02/2024 » (format AAAA-MM-JJ)" in message
    assert "Ligne 3, status : statut inconnu « online » (draft ou live)" in message


def test_errors_in_english_name_the_row_and_the_field(tmp_path, news_index):
    message = errors(tmp_path, "--language", "en")
    assert message.startswith("Nothing imported: 3 problems.")
    assert "Row 3, title_fr: missing (required)" in message
    assert 'Row 3, original_date: invalid date "31/02/2024" (use YYYY-MM-DD)' in message


def test_called_from_code_the_command_speaks_the_callers_language(tmp_path, news_index):
    with translation.override("en"):
        assert "Row 3, title_fr: missing (required)" in errors(tmp_path)
        assert "Ligne 3, title_fr : manquant" in errors(tmp_path, "--language", "fr")


def test_summary_and_dry_run_report_in_french(tmp_path, news_index):
    row_b = "0b7e3d4c-1f0a-4c2e-8f44-00000000000b,https://example.org/b,Titre B,Chapô B,Le Monde,,Asile; Droit,draft"  # noqa: E501
    assert import_file(tmp_path, GOOD_ROW, row_b, args=["--dry-run"]) == (
        "Simulation, rien n’est écrit : 2 articles à créer, 0 à mettre à jour, 0 inchangé ; "
        "2 nouveaux thèmes : Asile, Droit.\n"
    )
    assert import_file(tmp_path, GOOD_ROW) == (
        "1 article créé, 0 mis à jour, 0 inchangé ; 1 nouveau thème : Asile.\n"
    )
    assert import_file(tmp_path, GOOD_ROW, row_b, args=["-v", "2"]) == (
        "1 article créé, 0 mis à jour, 1 inchangé ; 1 nouveau thème : Droit.\n"
        "  créé : https://example.org/b\n"
        "  inchangé : https://example.org/a\n"
    )
    assert import_file(tmp_path, GOOD_ROW, row_b, args=["--language", "en"]) == (
        "0 articles created, 0 updated, 2 unchanged; 0 new themes.\n"
    )


def test_an_admin_rule_error_in_french_names_row_and_column(tmp_path, news_index):
    translation.deactivate()
    row = ",ftp://example.org/b,Titre B,Chapô B,Le Monde,,Asile,live"
    with pytest.raises(CommandError) as error:
        import_file(tmp_path, GOOD_ROW, row)
    assert "Ligne 3, source_url : URL invalide « ftp://example.org/b »" in str(error.value)


def command_help(name, *args):
    """What `manage.py <name> [args] --help` prints."""
    from django.core.management import load_command_class

    command = load_command_class("articles", name)
    out = io.StringIO()
    with pytest.raises(SystemExit), contextlib.redirect_stdout(out):
        command.run_from_argv(["manage.py", name, *args, "--help"])
    return " ".join(out.getvalue().split())


@pytest.mark.parametrize(
    ("name", "french", "english"),
    [
        (
            "import_articles",
            ["Importe des articles de revue de presse", "vérifier le fichier et dire ce qui"],
            ["Import press-review articles", "check the file and say what would change"],
        ),
        (
            "export_articles",
            ["Exporte tous les articles", "un fichier .csv ou .json (par défaut : la sortie"],
            ["Export every article", "a .csv or .json file (default: standard output)"],
        ),
    ],
)
def test_help_speaks_the_language_of_the_messages(name, french, english):
    translation.deactivate()  # as in `manage.py`: LANGUAGE_CODE, French
    text = command_help(name)
    assert all(words in text for words in french) and english[0] not in text
    assert "langue des messages (par défaut celle du site" in text
    text = command_help(name, "--language", "en")
    assert all(words in text for words in english) and french[0] not in text
    assert "language of the messages" in text
    assert french[0] in command_help(name, "--language=fr")
