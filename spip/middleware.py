"""Old SPIP addresses answer one permanent redirect to what they became (spip.addresses);
any other address, and an old one whose object was not imported, keeps the site's 404."""

from django.http import HttpResponsePermanentRedirect

from .addresses import target_url


class OldAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        url = target_url(request.path_info, request.META.get("QUERY_STRING", ""))
        return HttpResponsePermanentRedirect(url) if url else response
