/* InfoMIE: progressive enhancement of what works without JavaScript.
   - a banner's "dismiss" button hides it at once (the same cookie the server reads);
   - the footer's "Show the email address" fetches the address and shows it as a link;
   - "Share…" opens the browser's own share sheet where it has one (Web Share API). */
(function () {
  "use strict";

  var COOKIE = "infomie_dismissed";

  function dismissedIds() {
    var match = document.cookie.match(new RegExp("(?:^|; )" + COOKIE + "=([^;]*)"));
    return match ? match[1].split(".").filter(function (id) { return /^\d+$/.test(id); }) : [];
  }

  document.querySelectorAll("form[data-notice-dismiss]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var id = form.getAttribute("data-notice-dismiss");
      var ids = dismissedIds();
      if (ids.indexOf(id) === -1) ids.push(id);
      document.cookie = COOKIE + "=" + ids.join(".") + "; path=/; max-age=31536000; samesite=lax" +
        (location.protocol === "https:" ? "; secure" : "");
      var notice = form.closest("[data-notice]");
      var region = notice.parentElement;
      notice.remove();
      if (!region.querySelector("[data-notice]")) region.remove();
      var main = document.getElementById("main");
      if (main) main.focus();
    });
  });

  document.querySelectorAll("form[data-reveal-email]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch(form.action, { method: "POST", headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response); })
        .then(function (data) {
          if (!data.email) { form.submit(); return; }
          var link = document.createElement("a");
          link.href = "mailto:" + data.email;
          link.textContent = data.email;
          form.replaceWith(link);
          link.focus();
        })
        .catch(function () { form.submit(); });
    });
  });

  if (navigator.share) {
    document.querySelectorAll("button[data-share]").forEach(function (button) {
      button.parentElement.hidden = false;
      button.addEventListener("click", function () {
        navigator.share({
          title: document.title,
          text: button.getAttribute("data-share-text") || "",
          url: button.getAttribute("data-share-url") || location.href
        }).catch(function () {});
      });
    });
  }
})();
