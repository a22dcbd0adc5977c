"""Admin widgets for what editors type: a text area that counts its characters instead of
letting the browser cut a pasted text at its limit without a word."""

from django.utils.translation import gettext

from wagtail.admin.widgets import AdminAutoHeightTextInput


class LengthCountedTextarea(AdminAutoHeightTextInput):
    """Wagtail's auto-height text area, without the `maxlength` attribute (the browser would
    silently drop what a paste brings past it): a counter under it says how many characters
    there are out of how many, and turns into a warning past the limit. The form still
    refuses a text that is too long, with the field's own error (in the editor's language)."""

    template_name = "core/widgets/length_counted_textarea.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        max_length = widget_attrs.pop("maxlength", None)
        if max_length:
            count_id = f"{widget_attrs.get('id') or name}-length"
            widget_attrs["data-max-length"] = max_length
            widget_attrs["aria-describedby"] = " ".join(
                filter(None, [widget_attrs.get("aria-describedby"), count_id])
            )
            length = len(self.format_value(value) or "")
            # The JavaScript fills in __count__ as the editor types.
            text = gettext("%(count)s / %(max)s characters") % {
                "count": "__count__",
                "max": max_length,
            }
            context["length"] = {
                "id": count_id,
                "count": length,
                "max": int(max_length),
                "over": length > int(max_length),
                "text": text,
                "count_text": text.replace("__count__", str(length)),
                "too_long": gettext(
                    "Too long: at most %(max)s characters. Shorten the text before saving."
                )
                % {"max": max_length},
            }
        return context
