"""Listings that say their model's name in good French.

Wagtail builds "Add %(model_name)s" and "There are no %(model_name)s to display" from a
model's verbose name; in French that gives "Ajouter un(e) avis" and "Il n'y a pas de avis":
the article and the elision depend on the noun. A viewset with this mixin says the two
sentences whole ("Ajouter un avis", "Il n'y a pas encore d'avis.")."""

from django.utils.functional import cached_property

from wagtail.snippets.views.snippets import IndexView as SnippetIndexView


class NamedIndexViewMixin:
    # "Il n'y a pas encore d'avis." when the listing is empty and nothing is searched.
    no_items_message = None

    @cached_property
    def no_results_message(self):
        if self.no_items_message and not (self.is_searching or self.is_filtering):
            return self.no_items_message
        return super().no_results_message


class NamedSnippetIndexView(NamedIndexViewMixin, SnippetIndexView):
    pass


class NamedListingMixin:
    """For a viewset: `add_item_label` and `no_items_message`, each a whole sentence."""

    add_item_label = None
    no_items_message = None
    index_view_class = NamedSnippetIndexView
    index_results_template_name = "admin/named_index_results.html"

    def get_index_view_kwargs(self, **kwargs):
        view_kwargs = super().get_index_view_kwargs(**kwargs)
        if self.add_item_label:
            view_kwargs["add_item_label"] = self.add_item_label
        if self.no_items_message:
            view_kwargs["no_items_message"] = self.no_items_message
        return view_kwargs
