/* The static export's root: go to the reader's language (their last choice, kept by the
   service worker, wins offline); without JavaScript the page is a plain list of languages. */
(function () {
  "use strict";
  var main = document.getElementById("main");
  var aliases = JSON.parse(main.getAttribute("data-aliases") || "{}");
  var codes = Array.prototype.map.call(document.querySelectorAll("[data-locale]"), function (a) {
    return a.getAttribute("data-locale");
  });
  function match(tag) {
    var lower = tag.toLowerCase().replace(/_/g, "-");
    var parts = lower.split("-");
    for (var n = parts.length; n > 0; n--) {
      var prefix = parts.slice(0, n).join("-");
      if (aliases[prefix]) prefix = aliases[prefix].toLowerCase();
      for (var i = 0; i < codes.length; i++) if (codes[i].toLowerCase() === prefix) return codes[i];
    }
    return null;
  }
  var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  for (var i = 0; i < wanted.length; i++) {
    var code = match(wanted[i] || "");
    if (code) { location.replace("/" + code + "/"); return; }
  }
  location.replace("/" + main.getAttribute("data-default") + "/");
})();
