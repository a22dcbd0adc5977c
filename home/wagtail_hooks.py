from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks


@hooks.register("insert_global_admin_js")
def admin_forms_js():
    # Not deferred: it must set the date picker's defaults before the form's widgets start.
    return format_html('<script src="{}"></script>', static("home/admin/forms.js"))


@hooks.register("insert_global_admin_css")
def admin_forms_css():
    return format_html('<link rel="stylesheet" href="{}">', static("home/admin/forms.css"))
