"""Every page type, in French and English, is valid HTML for the Nu HTML checker (vnu.jar, from
the npm registry: `make test` installs it): no error, no warning. The pages are rendered from
the demo content and checked in one Java run (a few seconds)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.site_pages import site_pages

ROOT = Path(__file__).resolve().parents[1]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.django_db


def nu_messages(folder):
    """(names of the files checked, the checker's messages as (file, line, type, text)) for
    every .html file in `folder`."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--verbose", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    checked = {Path(line).name for line in result.stdout.split()}
    return checked, [
        (
            Path(message.get("url", "")).name,
            message.get("lastLine"),
            message.get("subType", message["type"]),
            message["message"],
        )
        for message in messages
    ]


@pytest.fixture
def java():
    if shutil.which("java") is None:
        pytest.skip("the Nu HTML checker needs Java: apt-get install default-jre-headless")
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR} is missing: run `npm ci` (make test does)")


def test_every_page_type_is_valid_html_in_both_languages(java, client, tmp_path, demo_content):
    pages = site_pages()
    for name, lang, path in pages:
        response = client.get(path)
        expected = 404 if name == "404" else 200
        assert response.status_code == expected, (name, lang, path)
        (tmp_path / f"{name.replace(' ', '-')}-{lang}.html").write_bytes(response.content)
    written = {file.name for file in tmp_path.glob("*.html")}
    assert len(written) == len(pages) >= 36
    checked, messages = nu_messages(tmp_path)
    assert checked == written
    assert messages == []


def test_the_checker_does_report_invalid_html(java, tmp_path):
    (tmp_path / "broken.html").write_text(
        '<!DOCTYPE html><html lang="fr"><head><title>Essai</title></head>'
        "<body><p>« Mineurs » <div>non fermé</p><img src=x></body></html>"
    )
    checked, messages = nu_messages(tmp_path)
    kinds = {kind for _file, _line, kind, _text in messages}
    assert checked == {"broken.html"}
    assert "error" in kinds
