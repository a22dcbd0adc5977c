/* The page editor's preview panel, in the language the editor picked. When the editor picks
   the other language while the preview is still reloading, Wagtail 8.0 finishes that reload
   in the language it started it in and drops the choice: a volunteer who switches to English
   just after typing sees the French page under "Anglais". Once that reload is shown, the
   choice is sent again (tests/browser/test_editing.py holds a reload back to check it). */
(function () {
  "use strict";

  document.addEventListener("w-preview:loaded", function (event) {
    var select = event.target.querySelector("[data-w-preview-target='mode']");
    var iframe = event.target.querySelector("#w-preview-iframe");
    if (!select || !iframe || !iframe.src) return;
    var shown = new URL(iframe.src, window.location.href).searchParams.get("mode");
    if (shown === select.value) return;
    /* Once Wagtail has marked the reload finished, which it does just after this event. */
    window.setTimeout(function () {
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }, 0);
  });
})();
