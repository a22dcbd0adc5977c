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
  });
})();
