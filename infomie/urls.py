from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import pgettext_lazy
from django.views.i18n import JavaScriptCatalog

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from association import views as association_views
from core import views as core_views
from core.search import search_view

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("favicon.ico", association_views.favicon, name="favicon"),
    path("apple-touch-icon.png", association_views.apple_touch, name="apple_touch_icon"),
    path("feed-icon.png", association_views.feed_icon_png, name="feed_icon"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every visitor-facing URL lives under /fr/ or /en/; "/" redirects by Accept-Language
# (LocaleMiddleware), French by default.
urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path(
        pgettext_lazy("URL", "contact/email/"),
        association_views.contact_email,
        name="contact_email",
    ),
    path("", include("notices.urls")),
    path(pgettext_lazy("URL", "search/"), search_view, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
