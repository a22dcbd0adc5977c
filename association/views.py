from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from infomie.security import over_limit

from .identity import (
    APPLE_TOUCH_SIZE,
    FEED_ICON_SIZE,
    apple_touch_icon,
    default_icon,
    favicon_ico,
    feed_icon,
)
from .models import AssociationSettings

# A visitor needs the address once; a harvester going through proxies of its own still gets
# it, but not from one address in a loop.
REVEALS_PER_WINDOW = 10
REVEAL_WINDOW = 10 * 60


def _too_many_reveals(request):
    return over_limit(request, "contact-email:reveals", REVEALS_PER_WINDOW, REVEAL_WINDOW)


@csrf_exempt  # reveals nothing secret; no token so that the pages showing it stay cacheable
@never_cache
def contact_email(request):
    """The association's contact address, kept out of every page's HTML: the footer's button
    posts here. Without JavaScript the visitor lands on this page, which shows the address
    as a link; with JavaScript the footer asks for JSON and shows the link in place. More than
    REVEALS_PER_WINDOW requests from one address in ten minutes get a 429 that says so."""
    email, status, limited = AssociationSettings.cached().contact_email, 200, False
    if request.method != "POST":
        email = ""
    elif _too_many_reveals(request):
        email, status, limited = "", 429, True
        if "application/json" in request.headers.get("Accept", ""):
            response = JsonResponse({"email": ""}, status=429)
            response["Retry-After"] = str(REVEAL_WINDOW)
            return response
    elif "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"email": email})
    # The page that offers the address is a page like any other; the answer that shows it
    # (or says it was asked for too often) is kept out of search engines.
    context = {
        "email": email,
        "limited": limited,
        "meta_title": _("Contact the association"),
        "meta_description": _(
            "Write to the association: its email address, shown on request so that the robots "
            "collecting addresses for spam do not find it."
        ),
        "noindex": request.method == "POST",
    }
    response = render(request, "pages/contact_email.html", context, status=status)
    if request.method == "POST":
        response["X-Robots-Tag"] = "noindex"
    if limited:
        response["Retry-After"] = str(REVEAL_WINDOW)
    return response


def _icon_response(draw, content_type, **default):
    """The icon `draw()` makes from the logo; the default mark, briefly cached, while the
    database or the cache does not answer (browsers ask for icons during an outage too)."""
    try:
        response = HttpResponse(draw(), content_type=content_type)
    except DatabaseError:
        response = HttpResponse(default_icon(**default), content_type=content_type)
        patch_cache_control(response, max_age=60, public=True)
        return response
    patch_cache_control(response, max_age=86400, public=True)
    return response


@require_safe
def favicon(request):
    """/favicon.ico, drawn from the logo (or the default mark): browsers and feed readers ask
    for it whatever the pages link to."""
    return _icon_response(favicon_ico, "image/x-icon", ico=True)


@require_safe
def apple_touch(request):
    """/apple-touch-icon.png, the icon phones put on the home screen."""
    return _icon_response(apple_touch_icon, "image/png", size=APPLE_TOUCH_SIZE)


@require_safe
def feed_icon_png(request):
    """/feed-icon.png, the image of the RSS feeds' channel (144 px, RSS 2.0's largest)."""
    return _icon_response(feed_icon, "image/png", size=FEED_ICON_SIZE)
