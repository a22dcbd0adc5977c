from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.utils.encoding import iri_to_uri
from django.utils.html import format_html

from wagtail import hooks

from core.i18n import sorted_query


@hooks.register("before_serve_page")
def redirect_transliterated_address(page, request, serve_args, serve_kwargs):
    """An address with accents (« /fr/actualites/été-à-marseille/ ») routed to a page whose
    slug is its ASCII form (core/slugs.py): sent on to the page's own address."""
    replaced = getattr(request, "transliterated_slugs", None)
    if not replaced:
        return None
    url = "/".join(replaced.get(segment, segment) for segment in request.path.split("/"))
    if request.GET:
        url = f"{url}?{sorted_query(request.GET)}"
    return HttpResponsePermanentRedirect(iri_to_uri(url))


@hooks.register("insert_global_admin_js")
def admin_forms_js():
    # Not deferred: it must set the date picker's defaults before the form's widgets start.
    return format_html('<script src="{}"></script>', static("core/admin/forms.js"))


@hooks.register("insert_editor_js")
def preview_language_js():
    return format_html('<script src="{}" defer></script>', static("core/admin/preview.js"))


@hooks.register("insert_global_admin_css")
def admin_forms_css():
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin/forms.css"))
