"""An uploaded file kept between an import's preview and the editor's confirmation (articles,
decisions, documents: each import screen of the admin).

The file goes to a private folder (`ARTICLES_IMPORT_DIR`, under var/, never under the public
media) with a random name; the confirmation form carries a signed token naming it, with its
SHA-256, the person who uploaded it and what the preview announced. The token cannot be forged
or reused by someone else, expires after an hour, and the confirmed import is byte for byte
the file that was previewed. Files older than that are removed at each new upload.
"""

import dataclasses
import hashlib
import json
import re
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _

SALT = "editorial.pending-import"
MAX_AGE = 60 * 60  # seconds between the preview and the confirmation
KEY = re.compile(r"^[0-9a-f]{32}$")


class PendingImportError(Exception):
    """The previewed file cannot be found again; the message says so, in the active language."""


@dataclasses.dataclass
class PendingImport:
    key: str
    name: str
    data: bytes
    plan: str  # digest of what the preview announced


def plan_digest(plan):
    """What an import does (a dataclass: the articles' or the library's Plan), in a few
    characters: the preview's and the import's must match."""
    content = {name: value for name, value in dataclasses.asdict(plan).items() if name != "actions"}
    content["actions"] = sorted(plan.actions.items())
    content = json.dumps(content, default=str, sort_keys=True)
    return hashlib.sha256(content.encode()).hexdigest()[:32]


def keep(data, name, user, plan):
    """Store the uploaded bytes; return the token the confirmation form sends back."""
    remove_stale()
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(16)
    path = folder / f"{key}.upload"
    path.write_bytes(data)
    path.chmod(0o600)
    payload = {
        "key": key,
        "name": name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "user": user.pk,
        "plan": plan_digest(plan),
    }
    return signing.dumps(payload, salt=SALT)


def take_back(token, user):
    """The PendingImport a token names, if it is this user's, recent and intact."""
    try:
        payload = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as exc:
        raise PendingImportError(
            _("The preview is more than an hour old: upload the file again.")
        ) from exc
    except signing.BadSignature as exc:
        raise PendingImportError(
            _("This import cannot be confirmed: upload the file again.")
        ) from exc
    key = str(payload.get("key", ""))
    if payload.get("user") != user.pk or not KEY.match(key):
        raise PendingImportError(_("This import cannot be confirmed: upload the file again."))
    try:
        data = (_folder() / f"{key}.upload").read_bytes()
    except OSError as exc:
        raise PendingImportError(
            _("The previewed file is no longer available (already imported or cancelled).")
        ) from exc
    if hashlib.sha256(data).hexdigest() != payload.get("sha256"):
        discard(key)
        raise PendingImportError(_("This import cannot be confirmed: upload the file again."))
    return PendingImport(key=key, name=payload["name"], data=data, plan=payload["plan"])


def discard(key):
    if KEY.match(key):
        (_folder() / f"{key}.upload").unlink(missing_ok=True)


def remove_stale():
    folder = _folder()
    if not folder.is_dir():
        return
    limit = time.time() - MAX_AGE
    for path in folder.glob("*.upload"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            continue  # removed meanwhile by another process


def _folder():
    return Path(settings.ARTICLES_IMPORT_DIR)
