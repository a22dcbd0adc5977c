// An error on a field the editor does not see is shown: wagtail-modeltranslation's language
// picker hides the other language's fields (a slug already used in English while only the
// French fields show), so their language is switched on. Wagtail itself selects and counts
// the tab with errors.
(function () {
  "use strict";

  function showLanguagesWithErrors() {
    const hidden = document.querySelectorAll(".l10n-hidden");
    hidden.forEach(function (element) {
      if (!element.querySelector(".error-message, .w-field--error, [aria-invalid=true]")) return;
      const match = / \[([a-z-]+)\]/.exec(element.textContent);
      if (!match) return;
      document.querySelectorAll("button.locale-toggle").forEach(function (toggle) {
        if (toggle.textContent.trim() === match[1] && !toggle.classList.contains("showing-locale")) {
          toggle.click();
        }
      });
    });
  }

  // The picker is built once jQuery is ready, after this script has run.
  document.addEventListener("wagtail-modeltranslation:buildSets:done", function () {
    window.setTimeout(showLanguagesWithErrors, 0);
  });
})();
