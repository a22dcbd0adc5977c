"""The association's logo as every page uses it, and the favicons made from it.

Pages read plain values (URLs and sizes) kept in the shared cache until an editor changes the
settings or the image (association/signals.py), never an ORM instance. The favicons are drawn
here with Pillow: from the logo when it is a PNG or JPEG, else the default mark (the one in
static/favicon.svg: "iM" in white on the site's accent colour)."""

import io
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from core.caching import cached

from .models import AssociationSettings

# The logo's height in the header, in CSS pixels; its rendition is twice as tall (sharp on
# high-density screens).
LOGO_HEIGHT = 48
ACCENT = "#0b5563"  # --accent in static/css/site.css
PAPER = "#fbfaf7"  # --paper
FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]
ICO_SIZES = [(16, 16), (32, 32), (48, 48)]
APPLE_TOUCH_SIZE = 180
FEED_ICON_SIZE = 144
LOGO_KEYS = (
    "association:logo",
    "association:favicon:ico",
    "association:favicon:apple",
    "association:favicon:feed",
)


def logo():
    """{"url", "width", "height", "svg"} of the logo at header size (URL relative to the
    site), or {} when editors have not chosen one (the name is written instead)."""
    return cached("association:logo", _load_logo)


def _logo_image():
    logo_id = AssociationSettings.cached().logo_id
    if logo_id is None:
        return None
    image_model = AssociationSettings._meta.get_field("logo").related_model
    return image_model.objects.filter(pk=logo_id).first()


def _load_logo():
    image = _logo_image()
    if image is None:
        return {}
    if image.is_svg():
        url, width, height = image.file.url, image.width, image.height
    else:
        rendition = image.get_rendition(f"height-{LOGO_HEIGHT * 2}")
        url, width, height = rendition.url, rendition.width, rendition.height
    if not width or not height:
        width, height = LOGO_HEIGHT * 4, LOGO_HEIGHT
    return {
        "url": url,
        "width": round(width * LOGO_HEIGHT / height),
        "height": LOGO_HEIGHT,
        "svg": image.is_svg(),
    }


def _font(size):
    for path in FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def default_mark(size):
    """The default square mark, `size` pixels wide, as a Pillow image."""
    scale = 4  # drawn larger, then reduced: smooth edges
    big = size * scale
    mark = PILImage.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(mark)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 6 // 32, fill=ACCENT)
    draw.text((big / 2, big * 0.52), "iM", font=_font(big // 2), fill="#ffffff", anchor="mm")
    return mark.resize((size, size), PILImage.LANCZOS)


def _logo_mark(size):
    """The logo centred on a square of the page's colour, or None when it is not a raster
    image Pillow reads."""
    image = _logo_image()
    if image is None or image.is_svg():
        return None
    try:
        with image.open_file() as file:
            source = PILImage.open(file)
            source.load()
    except (OSError, ValueError):
        return None
    source = source.convert("RGBA")
    square = PILImage.new("RGBA", (size, size), PAPER)
    inner = round(size * 0.9)
    source.thumbnail((inner, inner), PILImage.LANCZOS)
    offset = ((size - source.width) // 2, (size - source.height) // 2)
    square.alpha_composite(source, offset)
    return square


def _mark(size):
    return _logo_mark(size) or default_mark(size)


def _ico(mark):
    output = io.BytesIO()
    mark.save(output, format="ICO", sizes=ICO_SIZES)
    return output.getvalue()


def _png(mark):
    opaque = PILImage.new("RGB", mark.size, PAPER)
    opaque.paste(mark, mask=mark)
    output = io.BytesIO()
    opaque.save(output, format="PNG", optimize=True)
    return output.getvalue()


def default_icon(size=48, ico=False):
    """The default mark as an icon, asking neither the database nor the cache."""
    return _ico(default_mark(48)) if ico else _png(default_mark(size))


def favicon_ico():
    """favicon.ico (16, 32 and 48 px), as bytes."""
    return cached("association:favicon:ico", lambda: _ico(_mark(48)))


def apple_touch_icon():
    """apple-touch-icon.png (180 px, opaque: iOS draws transparency black), as bytes."""
    return cached("association:favicon:apple", lambda: _png(_mark(APPLE_TOUCH_SIZE)))


def feed_icon():
    """The feeds' channel image (144 px PNG), as bytes."""
    return cached("association:favicon:feed", lambda: _png(_mark(FEED_ICON_SIZE)))
