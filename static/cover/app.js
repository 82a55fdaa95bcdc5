/* The calculator as an app of its own (/calculator/<lang>/, not the quick exit's cover): its
   address may be all a reader was ever given, so it registers the site's worker itself (after
   load, so it never slows the page), which saves this app and the rest in its language. */
(function () {
  "use strict";
  var container = navigator.serviceWorker;
  var script = document.querySelector(".calc").getAttribute("data-sw");
  if (!container || !script) return;
  function register() { container.register(script, { scope: "/" }).catch(function () {}); }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
  // Installed, ask the browser to keep the saved copy through storage pressure.
  if (navigator.storage && navigator.storage.persist) {
    window.addEventListener("appinstalled", function () { navigator.storage.persist().catch(function () {}); });
  }
})();
