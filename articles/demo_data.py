"""Demo content for `manage.py load_demo`, kept as data in demo_content.json: our own short
press-review summaries (facts and figures are the sources'; the wording is ours). THEMES and
ARTICLES are lists of field values; an article's themes are the keys of THEMES, its dates
ISO strings in the file and dates here."""

import datetime
import json
from pathlib import Path

DATE_FIELDS = ("published_date", "original_date")

_content = json.loads(Path(__file__).with_name("demo_content.json").read_text(encoding="utf-8"))
THEMES = _content["themes"]
ARTICLES = [
    {
        **article,
        **{
            name: datetime.date.fromisoformat(article[name])
            for name in DATE_FIELDS
            if article.get(name)
        },
    }
    for article in _content["articles"]
]
