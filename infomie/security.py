"""Security headers the framework does not send by itself, and the admin login lockout.

The public site's content security policy (settings.CONTENT_SECURITY_POLICY) allows no inline
script or style. JSON-LD `<script type="application/ld+json">` blocks are data, never run,
so script-src does not apply to them. Wagtail's admin relies on inline scripts and styles:
it gets a looser policy of its own, still limited to this site.

The admin's preview renders a page through the whole middleware stack again, on a request
for the page's public address (Wagtail marks it `is_dummy`): that response keeps the public
policy, except that this site's own admin may frame it, or the preview panel stays blank.
No one else may frame it, and public pages still refuse every frame."""

import ipaddress
import logging

from csp.middleware import CSPMiddleware

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

logger = logging.getLogger("infomie.security")

ADMIN_PREFIXES = ("/admin/",)
ADMIN_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "media-src": ["'self'", "blob:", "https:"],
    "frame-src": ["'self'", "https:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}


PREVIEW_DIRECTIVES = {"frame-ancestors": ["'self'"]}


def is_admin_preview(request):
    """True for the request Wagtail makes up to render a preview (never set by a visitor)."""
    return getattr(request, "is_dummy", False) or getattr(request, "is_preview", False)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The public policy, the admin's, and what lets the admin frame its preview: its CSP
    frame-ancestors and its X-Frame-Options (SAMEORIGIN; DENY everywhere else, set by
    Django's XFrameOptionsMiddleware, which runs before this one on the way out)."""

    def process_response(self, request, response):
        if is_admin_preview(request):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIXES):
            parts.config = ADMIN_DIRECTIVES
        elif not report_only and is_admin_preview(request):
            parts.replace = {**(parts.replace or {}), **PREVIEW_DIRECTIVES}
        return parts


class PermissionsPolicyMiddleware:
    """Deny the browser features the site never uses (camera, location...)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response


def _address(value):
    """`value` as an IP address, or None when it is not one."""
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted_proxies():
    networks = []
    for value in getattr(settings, "TRUSTED_PROXIES", ()):
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            logger.warning("TRUSTED_PROXIES: %r is not an address or network", value)
    return networks


def _is_trusted(address, proxies):
    return any(address in network for network in proxies)


def client_ip(request):
    """The visitor's address, for the login lockout and the rate limits.

    A header naming the client is believed only when the connection comes from a trusted
    proxy (TRUSTED_PROXIES: loopback by default, where the documented nginx and edge cache
    run): then the last address of X-Forwarded-For that is not itself a trusted proxy (each
    proxy appends the address it got the request from, so what a visitor wrote is on the
    left), else X-Real-IP (or CLIENT_IP_HEADER). Without a proxy in front, anyone could write
    those headers: the connection's own address is used."""
    remote = request.META.get("REMOTE_ADDR", "")
    address = _address(remote)
    proxies = _trusted_proxies()
    if address is None or not _is_trusted(address, proxies):
        return remote
    for value in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-20:]):
        hop = _address(value)
        if hop is None:
            break  # garbage: what is further left cannot be trusted either
        if not _is_trusted(hop, proxies):
            return str(hop)
    header = getattr(settings, "CLIENT_IP_HEADER", "") or "X-Real-IP"
    named = _address(request.META.get("HTTP_" + header.upper().replace("-", "_"), ""))
    return str(named) if named is not None else remote


def over_limit(request, name, limit, window):
    """Whether this client asked for `name` more than `limit` times in `window` seconds
    (counted in the shared cache). While the cache cannot be reached nobody is limited: a
    limit is not worth a visitor's error page."""
    key = f"{name}:{client_ip(request)}"
    try:
        if cache.add(key, 1, window):
            return False
        return cache.incr(key) > limit
    except ValueError:  # expired in between
        cache.set(key, 1, window)
        return False
    except Exception:  # noqa: BLE001 - the cache is down (infomie/cache.py raises for incr)
        logger.warning("rate limit %s not counted: cache unavailable", name)
        return False


def login_locked_out(request, original_response=None, credentials=None):
    """The bilingual page shown after too many failed admin logins (HTTP 429)."""
    minutes = round(float(settings.AXES_COOLOFF_TIME) * 60)
    response = render(
        request,
        "admin_locked_out.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
