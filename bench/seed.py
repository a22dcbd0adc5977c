"""Fill the benchmark database fast: 20 themes and 10,000 articles in both languages,
written in bulk (tree paths computed here, one INSERT per batch) instead of one
`add_child()` per article, so seeding takes seconds, not an hour.

Run inside a configured Django (bench/run.py does it): `seed(articles=10_000, themes=20)`."""

import datetime
import random
import uuid

from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from wagtail.models import Locale, Page

BATCH = 1000
WORDS_FR = (
    "mineurs isolés étrangers protection enfance accueil département évaluation âge asile "
    "hébergement scolarisation tutelle juge avocat association rapport frontière"
).split()
WORDS_EN = (
    "unaccompanied minors child protection reception county age assessment asylum housing "
    "schooling guardianship judge lawyer charity report border trafficking"
).split()


def sentence(words, rng, count):
    return " ".join(rng.choice(words) for _ in range(count)).capitalize()


def body(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}]


def seed(articles=10_000, themes=20, stdout=print):
    from articles.models import ArticlePage, Theme
    from articles.search import update_search_vectors
    from home.site_tree import ensure_site_tree

    rng = random.Random(6)
    with translation.override("fr"):
        home, index = ensure_site_tree()
    existing = ArticlePage.objects.count()
    if existing >= articles:
        stdout(f"Benchmark database already holds {existing} articles.")
        return
    with transaction.atomic():
        theme_rows = Theme.objects.bulk_create(
            [
                Theme(
                    name_fr=f"Thème {n} {WORDS_FR[n % len(WORDS_FR)]}",
                    name_en=f"Theme {n} {WORDS_EN[n % len(WORDS_EN)]}",
                    slug_fr=slugify(f"theme-{n}-{WORDS_FR[n % len(WORDS_FR)]}"),
                    slug_en=slugify(f"theme-{n}-{WORDS_EN[n % len(WORDS_EN)]}"),
                    name=f"Thème {n}",
                    slug=f"theme-{n}",
                    description_fr=sentence(WORDS_FR, rng, 12),
                    description_en=sentence(WORDS_EN, rng, 12),
                )
                for n in range(Theme.objects.count(), themes)
            ]
        )
        all_themes = list(Theme.objects.all())
        stdout(f"{len(theme_rows)} themes added.")

        content_type_id = ArticlePage().content_type_id or _content_type_id(ArticlePage)
        locale = Locale.get_default()
        index = Page.objects.get(pk=index.pk)
        last_child = index.get_last_child()
        next_step = Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1
        now = timezone.now()
        today = timezone.localdate()
        through = ArticlePage.themes.through
        columns = list(ArticlePage._meta.local_concrete_fields)
        insert = "INSERT INTO {table} ({cols}) VALUES ({params})".format(
            table=connection.ops.quote_name(ArticlePage._meta.db_table),
            cols=", ".join(connection.ops.quote_name(f.column) for f in columns),
            params=", ".join(["%s"] * len(columns)),
        )
        to_add = articles - existing
        for start in range(0, to_add, BATCH):
            pages, details, links = [], [], []
            for offset in range(start, min(start + BATCH, to_add)):
                n = existing + offset
                title_fr = f"{sentence(WORDS_FR, rng, 7)} {n}"
                title_en = f"{sentence(WORDS_EN, rng, 7)} {n}" if n % 5 else ""
                slug_fr, slug_en = f"article-{n}-fr", f"article-{n}-en" if title_en else ""
                published = today - datetime.timedelta(days=n % 3000)
                page = Page(
                    content_type_id=content_type_id,
                    path=Page._get_path(index.path, index.depth + 1, next_step + offset),
                    depth=index.depth + 1,
                    numchild=0,
                    title=title_fr,
                    title_fr=title_fr,
                    title_en=title_en or None,
                    draft_title=title_fr,
                    slug=slug_fr,
                    slug_fr=slug_fr,
                    slug_en=slug_en or None,
                    url_path=f"{index.url_path}{slug_fr}/",
                    url_path_fr=f"{index.url_path_fr}{slug_fr}/",
                    url_path_en=f"{index.url_path_en}{slug_en or slug_fr}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                )
                pages.append(page)
                lead_fr = sentence(WORDS_FR, rng, 30)[:290]
                lead_en = sentence(WORDS_EN, rng, 30)[:290] if title_en else ""
                details.append(
                    ArticlePage(
                        lead=lead_fr,
                        lead_fr=lead_fr,
                        lead_en=lead_en or None,
                        body=body(sentence(WORDS_FR, rng, 120)),
                        body_fr=body(sentence(WORDS_FR, rng, 120)),
                        body_en=body(sentence(WORDS_EN, rng, 120)) if title_en else [],
                        published_date=published,
                        source_name=rng.choice(["Le Monde", "The Guardian", "InfoMigrants"]),
                        source_url=f"https://example.org/{n}",
                        source_url_fr=f"https://example.org/fr/{n}",
                        source_url_en=f"https://example.org/en/{n}" if title_en else None,
                        authors="Camille Martin",
                        authors_fr="Camille Martin",
                        original_date=published,
                        original_language="fr",
                    )
                )
                links.append(rng.sample(all_themes, rng.randint(1, 3)))
            Page.objects.bulk_create(pages, batch_size=BATCH)
            rows = []
            for page, detail in zip(pages, details, strict=True):
                detail.page_ptr_id = page.pk
                detail.id = page.pk
                rows.append(
                    [f.get_db_prep_save(f.pre_save(detail, True), connection) for f in columns]
                )
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
            through.objects.bulk_create(
                [
                    through(articlepage_id=page.pk, theme_id=theme.pk)
                    for page, chosen in zip(pages, links, strict=True)
                    for theme in chosen
                ],
                batch_size=BATCH * 3,
            )
            stdout(f"  {start + len(pages)} / {to_add} articles")
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + to_add)
        # What saving each would have done (articles.search): the search vectors, in one UPDATE.
        update_search_vectors()
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum would give a real database after a while: without
        # them the planner guesses one row per table and ignores the listing index.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    stdout(f"Benchmark database: {ArticlePage.objects.count()} articles.")


def _content_type_id(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk
