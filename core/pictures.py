"""Images as pages show them: Wagtail renditions at a few widths in WebP with a JPEG
fallback, for `<picture>` with `srcset`, `sizes`, width and height (no layout shift).

Pages read plain values (URLs and sizes), kept until the next content change
(`pagecache.kept`: an image saved or deleted is one), never the image rows: once warm, an
article with its image or a listing of twenty pictures asks the database nothing more than
without them. Cold, a listing's images and their renditions are read in two queries
(`attach_pictures`), whatever their number."""

from wagtail.images import get_image_model

from .caching import kept

# WebP with a JPEG fallback. AVIF is smaller still, but encoding it took seconds per rendition
# on a loaded 2-core server: the first visitor of an article would wait for ten of them.
FORMATS = ("webp", "jpeg")
# widths (px), ratio (width, height), the `sizes` attribute: how wide the image is drawn.
PRESETS = {
    # The article's lead image, as wide as the text column (44rem at most).
    "lead": ((400, 800, 1200), (16, 9), "(min-width: 48em) 48rem, calc(100vw - 2rem)"),
    # The home page's featured story, in the main column.
    "feature": (
        (400, 800, 1200),
        (16, 9),
        "(min-width: 76rem) 53rem, (min-width: 64em) calc(100vw - 25rem), calc(100vw - 2rem)",
    ),
    # A card's picture, beside or above its text.
    "card": ((240, 480), (16, 9), "(min-width: 48em) 10rem, 7.5rem"),
}
# Link previews (Open Graph, Twitter, JSON-LD): 1200 px wide, the ratio they draw.
SOCIAL_SPEC = "fill-1200x630|format-jpeg"


def _specs(preset):
    widths, (rw, rh), _sizes = PRESETS[preset]
    return {fmt: [f"fill-{w}x{round(w * rh / rw)}|format-{fmt}" for w in widths] for fmt in FORMATS}


def _all_specs(preset):
    specs = [spec for per_format in _specs(preset).values() for spec in per_format]
    return [*specs, SOCIAL_SPEC] if preset == "lead" else specs


def _srcset(renditions):
    seen, parts = set(), []
    for rendition in renditions:
        if rendition.width not in seen:  # a small original gives the same size twice
            seen.add(rendition.width)
            parts.append(f"{rendition.url} {rendition.width}w")
    return ", ".join(parts)


def _picture_values(image, preset):
    """The plain values `components/picture.html` writes for `image`."""
    if image.is_svg():
        return {"src": image.file.url, "width": image.width, "height": image.height,
                "sources": [], "srcset": "", "sizes": "", "social": None}  # fmt: skip
    specs = _specs(preset)
    renditions = image.get_renditions(*_all_specs(preset))
    by_format = {fmt: [renditions[spec] for spec in specs[fmt]] for fmt in FORMATS}
    fallback = by_format["jpeg"][len(by_format["jpeg"]) // 2]
    values = {
        "src": fallback.url,
        "width": fallback.width,
        "height": fallback.height,
        "sources": [
            {"type": f"image/{fmt}", "srcset": _srcset(by_format[fmt])} for fmt in FORMATS[:-1]
        ],
        "srcset": _srcset(by_format["jpeg"]),
        "sizes": PRESETS[preset][2],
        "social": None,
    }
    if SOCIAL_SPEC in renditions:
        social = renditions[SOCIAL_SPEC]
        values["social"] = {"url": social.url, "width": social.width, "height": social.height}
    return values


def _key(image_id, preset):
    return f"images:picture:{image_id}:{preset}"


def picture(image_id, preset):
    """The values for image `image_id` in `preset`, or None without an image."""
    if image_id is None:
        return None

    def compute():
        image = get_image_model().objects.filter(pk=image_id).first()
        return _picture_values(image, preset) if image is not None else None

    return kept(_key(image_id, preset), compute)


def attach_pictures(items, preset, field="lead_image_id"):
    """Sets `item.picture` on each item of `items` (pages with an image field): the images
    not kept yet, and their renditions, read in two queries for all of them."""
    items = list(items)
    ids = {getattr(item, field) for item in items} - {None}
    found = {pk: kept(_key(pk, preset), lambda: None) for pk in ids}
    missing = [pk for pk, values in found.items() if values is None]
    if missing:
        images = get_image_model().objects.filter(pk__in=missing)
        for image in images.prefetch_renditions(*_all_specs(preset)):
            values = _picture_values(image, preset)
            found[image.pk] = kept(_key(image.pk, preset), lambda values=values: values)
    for item in items:
        item.picture = found.get(getattr(item, field))
    return items


def prepare_renditions(images):
    """Make now every rendition a page may draw of `images`, rather than on the first visit
    of a page that shows them (`load_demo`: the demo's first pages answer at once)."""
    specs = sorted({spec for preset in PRESETS for spec in _all_specs(preset)})
    for image in images:
        if not image.is_svg():
            image.get_renditions(*specs)
