from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.i18n import current_language

from . import live

DISMISS_MAX_AGE = 60 * 60 * 24 * 365


@csrf_exempt  # it only hides a banner for the visitor who asks; no token, so pages stay cacheable
@require_POST
def dismiss(request, pk):
    """Hide a banner for this visitor (without JavaScript: the banner's button posts here and
    comes back to the same page). Only that notice: the next one shows."""
    current = {notice.pk for notice in live.current_notices()}
    kept = {pk_ for pk_ in live.dismissed_ids(request) if pk_ in current}
    if pk in current:
        kept.add(pk)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = f"/{current_language()}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        live.DISMISSED_COOKIE,
        ".".join(str(pk_) for pk_ in sorted(kept)),
        max_age=DISMISS_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response
