"""Local settings for `make run`: SQLite by default, production's behaviour for visitors
(DEBUG stays off unless DEBUG=1), a per-checkout secret key that never enters the repository."""

import secrets

from .base import *  # noqa: F401

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

if not SECRET_KEY:
    _key_file = VAR_DIR / "secret_key"
    if not _key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        _key_file.write_text(secrets.token_urlsafe(50))
        _key_file.chmod(0o600)
    SECRET_KEY = _key_file.read_text().strip()
