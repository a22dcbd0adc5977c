"""Security headers, the admin login lockout, and the production settings (in a subprocess,
with the environment a real deployment gives them)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.contrib.auth import get_user_model

ROOT = Path(__file__).resolve().parents[1]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "infomie.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-tests-" + "x" * 30,
    "ALLOWED_HOSTS": "infomie.example",
    "DATABASE_URL": "postgres://infomie@127.0.0.1:5432/infomie",
    "CSRF_TRUSTED_ORIGINS": "https://infomie.example",
    "EMAIL_HOST": "smtp.infomie.example",
    "DEFAULT_FROM_EMAIL": "site@infomie.example",
}


def production(args, tmp_path, drop=(), **extra):
    # Not the test run's own variables (the browser tests allow async-unsafe calls).
    skipped = {*PRODUCTION_ENV, "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in skipped}
    env.update({k: v for k, v in PRODUCTION_ENV.items() if k not in drop})
    env.update(INFOMIE_VAR_DIR=str(tmp_path), **extra)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.django_db
def test_public_pages_send_the_security_headers(client, home_page):
    response = client.get("/fr/")
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_admin_has_its_own_looser_policy(client):
    csp = client.get("/admin/login/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in csp and "frame-ancestors 'self'" in csp


@pytest.mark.django_db
def test_admin_logins_are_throttled_with_a_clear_message(client, settings):
    get_user_model().objects.create_superuser("coordinatrice", "c@example.org", "right-pw")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/admin/login/", {"username": "coordinatrice", "password": "wrong"})
        assert response.status_code == 200
    response = client.post("/admin/login/", {"username": "coordinatrice", "password": "wrong"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop de tentatives de connexion" in html
    assert "Too many failed sign-in attempts" in html
    assert "15 minutes" in html
    # Even the right password waits for the end of the lockout.
    response = client.post("/admin/login/", {"username": "coordinatrice", "password": "right-pw"})
    assert response.status_code == 429
    # Another account from the same address is not locked.
    get_user_model().objects.create_superuser("benevole", "b@example.org", "other-pw")
    response = client.post("/admin/login/", {"username": "benevole", "password": "other-pw"})
    assert response.status_code == 302


@pytest.mark.processes
def test_production_settings_pass_the_deploy_checks(tmp_path):
    result = production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
@pytest.mark.processes
def test_production_refuses_to_start_without_its_variables(tmp_path, missing):
    result = production(["manage.py", "check"], tmp_path, drop=(missing,))
    assert result.returncode != 0
    assert "need these environment variables" in result.stderr
    assert missing in result.stderr.splitlines()[-1]


HEADERS_SCRIPT = """
import django, json
django.setup()
from django.core.management import call_command
from django.test import Client
from django.templatetags.static import static
call_command("collectstatic", interactive=False, verbosity=0)
client = Client(HTTP_HOST="infomie.example")
robots = client.get("/robots.txt", secure=True)
url = static("css/site.css")
css = client.get(url, secure=True, HTTP_ACCEPT_ENCODING="gzip")
print(json.dumps({
    "robots": dict(robots.headers),
    "redirect": client.get("/robots.txt").status_code,
    "css_url": url,
    "css": dict(css.headers),
}))
"""


@pytest.mark.processes
def test_production_headers_and_static_files(tmp_path):
    import json

    result = production(["-c", HEADERS_SCRIPT], tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    robots = seen["robots"]
    assert robots["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "script-src 'self'" in robots["Content-Security-Policy"]
    assert robots["Cross-Origin-Opener-Policy"] == "same-origin"
    assert seen["redirect"] == 301  # plain HTTP goes to HTTPS
    # WhiteNoise: hashed names, compressed, cached for ever.
    assert seen["css_url"].startswith("/static/css/site.") and seen["css_url"] != (
        "/static/css/site.css"
    )
    css = seen["css"]
    assert "immutable" in css["Cache-Control"] and "max-age=315360000" in css["Cache-Control"]
    assert css["Content-Encoding"] == "gzip"
