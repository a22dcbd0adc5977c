from django.http import HttpResponsePermanentRedirect
from django.utils.encoding import iri_to_uri

from wagtail import hooks


@hooks.register("before_serve_page")
def redirect_transliterated_address(page, request, serve_args, serve_kwargs):
    """An address with accents (« /fr/actualites/été-à-marseille/ ») routed to a page whose
    slug is its ASCII form (home/slugs.py): sent on to the page's own address."""
    replaced = getattr(request, "transliterated_slugs", None)
    if not replaced:
        return None
    url = "/".join(replaced.get(segment, segment) for segment in request.path.split("/"))
    if request.GET:
        url = f"{url}?{request.GET.urlencode()}"
    return HttpResponsePermanentRedirect(iri_to_uri(url))
