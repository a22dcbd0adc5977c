"""Per-request look-ups every page repeats, kept in the process while the page cache's
generation stays the same (`pagecache.cache.memoized`): which Wagtail site answers a host,
whether any page is private, the sites' root paths. Each change to them (a site, a page, a
view restriction saved or deleted) purges the page cache (`pagecache.signals`), so a new
generation forgets them in every process at once."""

from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from django.utils.translation import get_language

from wagtail.models import Page, PageViewRestriction, Site

from pagecache.cache import memoized

from .i18n import LANGUAGE_CODES


def view_restrictions_exist():
    """False on a site with no private page, the usual case: no page needs checking."""
    return memoized("home:view-restrictions", PageViewRestriction.objects.exists)


def site_root_paths(page, request=None):
    """Wagtail's (language-aware) root paths of every site, for building page URLs."""
    return memoized(
        f"home:site-root-paths:{get_language()}",
        lambda: Page._get_site_root_paths(page, request),
    )


class SiteMiddleware:
    """The request's Wagtail site, looked up once per host, port and generation instead of
    once per request, for the pages under the language prefixes (other paths, robots.txt,
    the admin, may not need it). Hosts that ALLOWED_HOSTS refuses are left to Wagtail."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(f"/{code}/" for code in LANGUAGE_CODES)

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and request.path.startswith(self.prefixes):
            try:
                hostname = split_domain_port(request.get_host())[0]
            except DisallowedHost:
                hostname = None
            if hostname:
                port = request.get_port()
                request._wagtail_site = memoized(
                    f"home:site:{hostname}:{port}", lambda: Site.find_for_request(request)
                )
        return self.get_response(request)
