"""The demo articles' illustrations, drawn here with Pillow (gradients, shapes and the figure
each article reports), never downloaded; credited "InfoMIE, illustration générée"."""

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ILLUSTRATION_SIZE = WIDTH, HEIGHT = 1600, 900
FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]
CREDIT = {"fr": "InfoMIE, illustration générée", "en": "InfoMIE, generated illustration"}


def _font(size):
    for path in FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def _gradient(top, bottom):
    """A vertical gradient from colour `top` to `bottom` ((r, g, b) tuples)."""
    column = Image.new("RGB", (1, HEIGHT))
    for y in range(HEIGHT):
        t = y / (HEIGHT - 1)
        column.putpixel(
            (0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    return column.resize((WIDTH, HEIGHT))


def _figure(draw, text, colour="#ffffff"):
    """The article's figure, large, on the left: the only text, the same in both languages."""
    draw.text((110, 560), text, font=_font(190), fill=colour, anchor="ls")
    draw.line((116, 610, 560, 610), fill=colour, width=8)


def _dots(seed, faded):
    """100 dots in a grid on deep blue, `faded` of them almost gone: children who went
    missing."""
    image = _gradient((11, 61, 92), (8, 38, 56))
    draw = ImageDraw.Draw(image)
    gone = set(random.Random(seed).sample(range(100), faded))  # noqa: S311 (a drawing)
    for number in range(100):
        x, y = 960 + (number % 10) * 56, 170 + (number // 10) * 56
        fill = (36, 84, 112) if number in gone else (255, 217, 122)
        draw.ellipse((x, y, x + 36, y + 36), fill=fill)
    return image, draw


def one_in_four():
    image, draw = _dots(4, 28)
    _figure(draw, "1 / 4")
    return image


def ten_thousand():
    image, draw = _dots(10, 0)
    _figure(draw, "10 000")
    return image


def bar_chart():
    """Bars rising then falling, the year's one marked: asylum applications by minors."""
    image = _gradient((246, 239, 226), (226, 214, 190))
    draw = ImageDraw.Draw(image)
    heights = [120, 150, 210, 620, 470, 300]
    for number, height in enumerate(heights):
        x = 880 + number * 110
        colour = (11, 85, 99) if number == 3 else (138, 160, 166)
        draw.rounded_rectangle((x, 780 - height, x + 80, 780), radius=10, fill=colour)
    draw.line((860, 782, 1540, 782), fill=(29, 36, 48), width=4)
    _figure(draw, "88 300", colour="#1d2430")
    return image


def closing_door():
    """A path across the sea towards a door left ajar: a scheme that closes."""
    image = _gradient((180, 64, 10), (90, 30, 8))
    draw = ImageDraw.Draw(image)
    for number in range(9):
        y = 520 + number * 40
        draw.arc((700, y - 300, 1600, y + 300), 200, 340, fill=(255, 255, 255), width=3)
    draw.rectangle((1250, 180, 1450, 620), outline=(255, 255, 255), width=10)
    draw.polygon([(1260, 190), (1380, 240), (1380, 660), (1260, 610)], fill=(255, 217, 122))
    _figure(draw, "350")
    return image


# The article (by its key in demo_content.json), its drawing, its alternative text.
ILLUSTRATIONS = {
    "ecpat-missing-children-2016": (
        one_in_four,
        {
            "fr": "Cent points jaunes sur fond bleu, dont vingt-huit presque effacés, et le "
            "chiffre « 1 / 4 » : un enfant victime de traite sur quatre a disparu.",
            "en": "A hundred yellow dots on blue, twenty-eight of them almost faded, and the "
            "figure “1 / 4”: one trafficked child in four went missing.",
        },
    ),
    "europol-10000-missing-2016": (
        ten_thousand,
        {
            "fr": "Une grille de cent points jaunes sur fond bleu et le chiffre « 10 000 ».",
            "en": "A grid of a hundred yellow dots on blue and the figure “10,000”.",
        },
    ),
    "eurostat-2015-88300": (
        bar_chart,
        {
            "fr": "Un histogramme dont la quatrième barre, bien plus haute, est mise en "
            "valeur, et le chiffre « 88 300 ».",
            "en": "A bar chart whose much taller fourth bar is highlighted, and the figure "
            "“88,300”.",
        },
    ),
    "dubs-scheme-350-2017": (
        closing_door,
        {
            "fr": "Des vagues stylisées menant à une porte entrouverte sur fond orangé, et le "
            "chiffre « 350 ».",
            "en": "Stylised waves leading to a half-open door on orange, and the figure “350”.",
        },
    ),
}


def illustration_jpeg(key):
    """The JPEG bytes of the illustration of the demo article `key`."""
    image = ILLUSTRATIONS[key][0]()
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=85, optimize=True, progressive=True)
    return output.getvalue()
