// An error on a field the editor does not see is shown: wagtail-modeltranslation's language
// picker hides the other language's fields (a slug already used in English while only the
// French fields show), so their language is switched on. Wagtail itself selects and counts
// the tabs with errors; the first such tab is opened if the editor is on another one.
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

  function openFirstTabWithErrors() {
    const invalid = document.querySelector("form [aria-invalid=true], form .w-field--error");
    const panel = invalid && invalid.closest("[role=tabpanel][hidden]");
    if (!panel) return;
    const tab = document.querySelector('[role=tab][aria-controls="' + panel.id + '"]');
    if (tab) tab.click();
  }

  // The picker is built once jQuery is ready, after this script has run.
  document.addEventListener("wagtail-modeltranslation:buildSets:done", function () {
    window.setTimeout(function () {
      showLanguagesWithErrors();
      openFirstTabWithErrors();
    }, 0);
  });
})();
