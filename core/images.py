"""Images editors upload: SVG files are cleaned before they are stored, and every image is
served as Wagtail renditions in modern formats (`{% picture %}`, core/templatetags).

An SVG is a document that can carry scripts and links: opened on its own at its media address
it would run them with the site's origin. Only drawing elements and their presentation
attributes are kept; scripts, event handlers, foreign content, styles and links outside the
file are dropped, and a file that is not plain SVG is refused."""

import re
from xml.etree import ElementTree

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _

from wagtail.images.forms import BaseImageForm
from wagtail.models import Collection

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ALLOWED_ELEMENTS = {
    "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text",
    "tspan", "title", "desc", "defs", "lineargradient", "radialgradient", "stop", "clippath",
    "mask", "use", "symbol", "pattern",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "id", "class", "viewbox", "width", "height", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy",
    "r", "rx", "ry", "d", "points", "fill", "fill-opacity", "fill-rule", "clip-rule", "stroke",
    "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
    "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity", "transform",
    "offset", "stop-color", "stop-opacity", "gradientunits", "gradienttransform", "fx", "fy",
    "spreadmethod", "clip-path", "mask", "clippathunits", "maskunits", "patternunits",
    "preserveaspectratio", "font-family", "font-size", "font-weight", "font-style",
    "text-anchor", "dominant-baseline", "letter-spacing", "textlength", "lengthadjust", "dx",
    "dy", "href", "role", "aria-label", "aria-hidden", "version", "lang", "xml:space",
    "visibility", "display",
}  # fmt: skip
# url(#id) points inside the file; any other url() would fetch or run something.
_OUTSIDE_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


class UnsafeSVG(ValueError):
    pass


def _local_name(name):
    return name.rsplit("}", 1)[-1].lower()


def _attribute_name(name):
    if name.startswith(f"{{{XLINK_NS}}}"):
        return "href"
    if name.startswith("{http://www.w3.org/XML/1998/namespace}"):
        return "xml:" + _local_name(name)
    if name.startswith("{"):
        return None  # another namespace: an editor's tool's metadata
    return name.lower()


def _clean(element):
    for child in list(element):
        if not isinstance(child.tag, str) or _local_name(child.tag) not in ALLOWED_ELEMENTS:
            element.remove(child)
        else:
            _clean(child)
    for name, value in list(element.attrib.items()):
        kept_name = _attribute_name(name)
        unsafe = (
            kept_name not in ALLOWED_ATTRIBUTES
            or (kept_name == "href" and not value.strip().startswith("#"))
            or _OUTSIDE_URL.search(value)
        )
        if unsafe:
            del element.attrib[name]


def sanitise_svg(data):
    """The SVG in `data` (bytes) with only what draws, as bytes; UnsafeSVG when it is not an
    SVG document or declares entities (defusedxml refuses them)."""
    if b"<!ENTITY" in data or b"<!DOCTYPE" in data.upper():
        raise UnsafeSVG("DTD")
    try:
        root = fromstring(data, forbid_dtd=True)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as error:
        raise UnsafeSVG(str(error)) from error
    if _local_name(root.tag) != "svg":
        raise UnsafeSVG("not an SVG document")
    _clean(root)
    ElementTree.register_namespace("", SVG_NS)
    ElementTree.register_namespace("xlink", XLINK_NS)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def is_svg_upload(uploaded):
    name = (getattr(uploaded, "name", "") or "").lower()
    return name.endswith(".svg")


class SanitisedImageForm(BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), storing SVG files cleaned."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or not is_svg_upload(uploaded) or uploaded is self.original_file:
            return uploaded
        uploaded.seek(0)
        try:
            cleaned = sanitise_svg(uploaded.read())
        except UnsafeSVG as error:
            raise forms.ValidationError(
                _("This SVG file cannot be used: save it again as plain SVG from your tool.")
            ) from error
        return SimpleUploadedFile(uploaded.name, cleaned, content_type="image/svg+xml")


def root_collection():
    """The collection images go in by default; created when missing (a flushed database)."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")
