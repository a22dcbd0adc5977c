"""WeasyPrint's part of a guide's PDF (guides.pdf): the printable page's HTML made into a PDF,
reading only our own static files and media from disk. Imported only when a PDF is made."""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from django.conf import settings
from django.contrib.staticfiles import finders


def render_pdf(html, base_url):
    """The PDF (bytes) of `html`, its relative addresses read against `base_url`."""
    return HTML(string=html, base_url=base_url, url_fetcher=LocalFiles()).write_pdf()


class LocalFiles(URLFetcher):
    """Our stylesheet and pictures, from disk; anything else is refused (WeasyPrint then
    leaves the resource out and goes on)."""

    def fetch(self, url, headers=None):
        path = unquote(urlsplit(url).path)
        file = None
        if path.startswith(settings.STATIC_URL):
            found = finders.find(path[len(settings.STATIC_URL) :])
            file = (
                Path(found) if found else _inside(settings.STATIC_ROOT, path, settings.STATIC_URL)
            )
        elif path.startswith(settings.MEDIA_URL):
            file = _inside(settings.MEDIA_ROOT, path, settings.MEDIA_URL)
        if file is None or not file.is_file():
            raise ValueError(f"not one of the site's files: {url}")
        mime_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, file.read_bytes(), {"Content-Type": mime_type})


def _inside(root, path, prefix):
    """The file `path` names under `root`, or None when it would lead outside it."""
    root = Path(root).resolve()
    file = (root / path[len(prefix) :]).resolve()
    return file if root in file.parents else None
