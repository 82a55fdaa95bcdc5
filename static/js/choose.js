/* The static export's root: go to the reader's language (their last choice, kept by the
   service worker, wins offline); without JavaScript the page is a plain list of languages.
   The rule itself is matchLocale (locale-match.js, bundled before this file). */
(function () {
  "use strict";
  var main = document.getElementById("main");
  var rule = JSON.parse(main.getAttribute("data-rule"));
  var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  location.replace("/" + (matchLocale(rule, wanted) || rule.default) + "/");
})();
