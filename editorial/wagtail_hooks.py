import django_filters

from django.db.models import Q
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from articles.models import ArticlePage

from .interchange_views import (
    ConfirmImportView,
    ExportView,
    ImportView,
    can_exchange_articles,
)
from .library_interchange_views import (
    TITLES,
    ConfirmLibraryImportView,
    LibraryExportView,
    LibraryImportView,
)
from .translation_status import status_of
from .views import TranslationStatusView


def translation_label(article):
    status = status_of(article)
    if status.is_complete:
        return _("French and English")
    if status.french_only:
        return _("French only")
    parts = []
    if status.missing_en:
        parts.append(_("English missing: %s") % _labels(status.missing_en))
    if status.missing_fr:
        parts.append(_("French missing: %s") % _labels(status.missing_fr))
    return "; ".join(str(part) for part in parts)


def _labels(labels):
    return ", ".join(str(label) for label in labels)


def untranslated(code):
    return Q(**{f"title_{code}__isnull": True}) | Q(**{f"title_{code}": ""})


class ArticleFilterSet(PageFilterSet):
    translation = django_filters.ChoiceFilter(
        label=_("Languages"),
        empty_label=_("All"),
        choices=[("fr-only", _("French only")), ("both", _("French and English"))],
        method="filter_translation",
    )

    class Meta:
        model = ArticlePage
        fields = []

    def filter_translation(self, queryset, name, value):
        if value == "fr-only":
            return queryset.filter(untranslated("en"))
        if value == "both":
            return queryset.exclude(untranslated("en")).exclude(untranslated("fr"))
        return queryset


class ArticleListingViewSet(PageListingViewSet):
    """ "Articles" in the admin menu: every article, with the languages it is written in."""

    model = ArticlePage
    icon = "doc-full"
    menu_label = _("Articles")
    # Wagtail would say "Ajouter un(e) article" (core/listings.py).
    add_item_label = _("Add an article")
    menu_order = 150
    add_to_admin_menu = True
    name = "articles"
    filterset_class = ArticleFilterSet
    columns = [
        *IndexView.base_columns,
        Column("languages", label=_("Languages"), accessor=translation_label, width="20%"),
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(add_item_label=self.add_item_label, **kwargs)


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticleListingViewSet()


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path(
            "translations/",
            TranslationStatusView.as_view(),
            name="editorial_translation_status",
        )
    ]


@hooks.register("register_admin_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("To translate"),
        reverse("editorial_translation_status"),
        icon_name="globe",
        order=160,
    )


@hooks.register("insert_editor_js")
def show_errors_in_hidden_languages():
    return format_html('<script src="{}"></script>', static("editorial/js/errors_in_view.js"))


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return can_exchange_articles(request.user)


@hooks.register("register_admin_urls")
def register_import_export_urls():
    return [
        path("articles-import/", ImportView.as_view(), name="editorial_import"),
        path(
            "articles-import/confirm/",
            ConfirmImportView.as_view(),
            name="editorial_import_confirm",
        ),
        path("articles-export/", ExportView.as_view(), name="editorial_export"),
        path(
            "library-import/<slug:section>/",
            LibraryImportView.as_view(),
            name="editorial_library_import",
        ),
        path(
            "library-import/<slug:section>/confirm/",
            ConfirmLibraryImportView.as_view(),
            name="editorial_library_import_confirm",
        ),
        path(
            "library-export/<slug:section>/",
            LibraryExportView.as_view(),
            name="editorial_library_export",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_import_export_menu_item():
    """ "Import and export", for moderators only (writers do not see it)."""
    items = [
        ModeratorMenuItem(
            _("Import articles"), reverse("editorial_import"), icon_name="upload", order=10
        ),
        ModeratorMenuItem(
            _("Export articles"), reverse("editorial_export"), icon_name="download", order=20
        ),
    ]
    for order, section in enumerate(("decisions", "documents"), start=3):
        import_title, export_title = TITLES[section]
        url = reverse("editorial_library_import", args=[section])
        items.append(ModeratorMenuItem(import_title, url, icon_name="upload", order=order * 10))
        url = reverse("editorial_library_export", args=[section])
        items.append(
            ModeratorMenuItem(export_title, url, icon_name="download", order=order * 10 + 1)
        )
    return SubmenuMenuItem(_("Import and export"), Menu(items=items), icon_name="table", order=170)
