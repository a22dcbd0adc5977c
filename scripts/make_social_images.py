"""Draw the default link-preview images (Open Graph, 1200x630): `static/img/social-fr.png`
and `static/img/social-en.png`, the site's name and its tagline in each language (the
tagline from the .po files). Not run by the setup: the PNGs are committed; run it again
after changing the tagline or the colours.

    .venv/bin/python scripts/make_social_images.py
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WIDTH, HEIGHT = 1200, 630
ACCENT = "#0b5563"  # --accent in static/css/site.css
ACCENT_DARK = "#083f49"  # --accent-dark
PAPER = "#fbfaf7"  # --paper
FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


def font(size, bold=True):
    from PIL import ImageFont

    for path in FONTS if bold else [p.replace("-Bold", "") for p in FONTS]:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def wrap(draw, text, face, width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=face) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def draw(tagline, path):
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), ACCENT)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, HEIGHT - 24, WIDTH, HEIGHT), fill=ACCENT_DARK)
    margin = 96
    pen.text((margin, 170), "InfoMIE", font=font(150), fill=PAPER)
    face = font(50, bold=False)
    for index, line in enumerate(wrap(pen, tagline, face, WIDTH - 2 * margin)):
        pen.text((margin, 380 + index * 66), line, font=face, fill=PAPER)
    image.save(path, optimize=True)


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infomie.settings.test")
    import django

    django.setup()
    from django.utils import translation
    from django.utils.translation import gettext

    for lang in ("fr", "en"):
        with translation.override(lang):
            tagline = gettext("Resource centre on unaccompanied foreign minors")
        path = ROOT / "static" / "img" / f"social-{lang}.png"
        draw(tagline, path)
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
