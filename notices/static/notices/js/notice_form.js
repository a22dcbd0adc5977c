/* Notice form in the admin: the search-engine warning shows when the level is "suspension". */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var level = document.querySelector('form select[name="level"]');
  var warning = document.querySelector(".help-suspension");
  if (!level || !warning) return;
  var panel = warning.closest("[data-panel]") || warning;
  function update() { panel.hidden = level.value !== "suspension"; }
  level.addEventListener("change", update);
  update();
});
