/* InfoMIE's admin forms, loaded in the head of every admin page (before the forms). */
(function () {
  "use strict";

  /* Dates: Wagtail's date picker replaces a value it cannot read with today's date when the
     field loses focus. Keep what the editor typed: the form says it is wrong, in French. */
  if (window.jQuery && jQuery.fn.datetimepicker && jQuery.fn.datetimepicker.defaults) {
    jQuery.fn.datetimepicker.defaults.validateOnBlur = false;
  }

  /* Length limits: the counter under a text area (core/widgets.py) follows what is typed
     or pasted, and warns past the limit; the form refuses the text on saving. */
  function update(field) {
    var counter = document.getElementById(field.id + "-length");
    if (!counter) return;
    var max = parseInt(field.getAttribute("data-max-length"), 10);
    var length = field.value.length;
    var over = length > max;
    counter.querySelector("[data-infomie-length-count]").textContent =
      counter.getAttribute("data-text").replace("__count__", length);
    counter.querySelector("[data-infomie-length-warning]").hidden = !over;
    counter.classList.toggle("infomie-length--over", over);
    if (over) field.setAttribute("aria-invalid", "true");
    else if (!field.closest(".w-field--error")) field.removeAttribute("aria-invalid");
  }

  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field && field.hasAttribute && field.hasAttribute("data-max-length")) update(field);
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-max-length]").forEach(update);
    /* No autosave while a page is being created. Wagtail's autosave would create the page
       as soon as a title is typed, then rebuild the form as the new page's edit form: a click
       during that rebuild is lost, and "Soumettre" clicked before it ends creates the page a
       second time, refused as "slug already in use" on a tab the editor is not looking at.
       Once the page exists (its edit form), autosave keeps the draft as Wagtail intends;
       leaving the creation form with unsaved changes still asks first. */
    document
      .querySelectorAll('form[data-controller~="w-autosave"][action*="/pages/add/"]')
      .forEach(function (form) {
        form.setAttribute("data-w-autosave-active-value", "false");
      });
  });
})();
