"""The admin's SPIP import form. A moderator names a MySQL/MariaDB database and a folder on
the server: only a database on a host the site allows (SPIP_IMPORT_HOSTS) and a folder under
the one set aside for it (SPIP_IMPORT_ROOT), so that the form cannot be used to reach another
machine or read the server's other files. The command line, run by the server's
administrator, has no such limits."""

from pathlib import Path
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .mapping import DEFAULT_MAPPING

MAPPING_MAX_SIZE = 100_000


def allowed_database(url):
    """The address if a moderator may import from it; a ValidationError in French otherwise."""
    try:
        parts = urlsplit(url.strip())
        hostname = parts.hostname
        parts.port  # noqa: B018 (a port that is not a number raises here)
    except ValueError as error:
        raise ValidationError(_("This database address cannot be read.")) from error
    if parts.scheme not in ("mysql", "mariadb"):
        raise ValidationError(
            _("Only a MySQL or MariaDB database is accepted: an address starting with mysql://.")
        )
    allowed = [host.lower() for host in settings.SPIP_IMPORT_HOSTS]
    if not hostname or hostname.lower() not in allowed:
        raise ValidationError(
            _("The database must be on one of these servers: %(hosts)s.")
            % {"hosts": ", ".join(allowed)}
        )
    if not parts.path.strip("/"):
        raise ValidationError(_("Give the database name after the server: …:3306/spip."))
    return url.strip()


def allowed_folder(value):
    """The folder (resolved: no `..` or link leads out) if it is under SPIP_IMPORT_ROOT."""
    root = Path(settings.SPIP_IMPORT_ROOT).resolve()
    folder = Path(value.strip())
    message = _("The folder must be inside %(root)s on the server.") % {"root": root}
    if not folder.is_absolute():
        raise ValidationError(message)
    folder = folder.resolve()
    if not folder.is_relative_to(root):
        raise ValidationError(message)
    if not folder.is_dir():
        raise ValidationError(_("There is no such folder on the server."))
    return str(folder)


class SpipImportForm(forms.Form):
    database = forms.CharField(
        label=gettext_lazy("SPIP database address"),
        max_length=500,
        help_text=gettext_lazy("For example mysql://root@127.0.0.1:3306/spip"),
    )
    img = forms.CharField(
        label=gettext_lazy("Folder of the SPIP files (IMG) on the server"),
        max_length=500,
    )
    mapping_file = forms.FileField(
        label=gettext_lazy("Mapping file (TOML)"),
        required=False,
        help_text=gettext_lazy("Optional: without it, the site's default mapping is used."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        root = Path(settings.SPIP_IMPORT_ROOT)
        self.fields["img"].help_text = _("A folder inside %(root)s, for example %(example)s") % {
            "root": root,
            "example": root / "IMG",
        }

    def clean_database(self):
        return allowed_database(self.cleaned_data["database"])

    def clean_img(self):
        return allowed_folder(self.cleaned_data["img"])

    def clean_mapping_file(self):
        upload = self.cleaned_data.get("mapping_file")
        if upload is None:
            return None
        if upload.size > MAPPING_MAX_SIZE:
            raise ValidationError(_("This mapping file is too large."))
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValidationError(_("The mapping file must be UTF-8 text.")) from error

    def mapping(self):
        return self.cleaned_data.get("mapping_file") or DEFAULT_MAPPING.read_text(encoding="utf-8")
