/* Remove the guide from this phone, online or offline. First what a page can remove itself:
   every Cache Storage entry, every service worker registration of this site, local and session
   storage. Then the "removed" address (the form's action) is fetched: its answer carries
   `Clear-Site-Data`, which makes the browser remove the rest (its HTTP cache). Only when the
   browser did clear the site on that answer does the page say "Done". Offline, or when it did
   not (an error, a host that does not send the header), the page says what was removed
   and what is still there; offline, it finishes by itself when the phone is back online, as
   long as the page stays open. Without this file the form opens the address and the browser
   does the same from its header. */
(function () {
  "use strict";
  var form = document.getElementById("forget-form");
  var done = document.getElementById("forget-done");
  var partial = document.getElementById("forget-partial");
  if (!form || !done || !partial || !window.Promise || !window.fetch) return;

  /* Resolves true when everything a page can remove is gone. */
  function removeLocal() {
    var jobs = [];
    if (window.caches) {
      jobs.push(caches.keys().then(function (names) {
        return Promise.all(names.map(function (name) { return caches.delete(name); }));
      }));
    }
    if (navigator.serviceWorker && navigator.serviceWorker.getRegistrations) {
      jobs.push(navigator.serviceWorker.getRegistrations().then(function (registrations) {
        return Promise.all(registrations.map(function (r) { return r.unregister(); }));
      }));
    }
    var ok = true;
    try { localStorage.clear(); } catch (e) { ok = false; }
    try { sessionStorage.clear(); } catch (e) { ok = false; }
    return Promise.all(jobs.map(function (job) {
      return job.then(function () { return true; }, function () { return false; });
    })).then(function (results) { return ok && results.indexOf(false) === -1; });
  }

  /* "done" when the browser cleared the site's data on the "removed" address's answer;
     "refused" when the answer did not do that (an error, a host that does not send the
     header, a browser that ignores it); "offline" when it could not be reached. A page cannot
     read Clear-Site-Data itself (browsers hide it), so it looks at its effect: a mark left in
     local storage just before is gone only if the browser cleared the storage. */
  var PROBE = "guide-forget-probe";
  function askServer() {
    try { localStorage.setItem(PROBE, "1"); } catch (e) { /* then nothing can prove it */ }
    return fetch(form.action, { cache: "no-store", redirect: "error" }).then(function (response) {
      var cleared = false;
      try { cleared = localStorage.getItem(PROBE) === null; } catch (e) { /* not proven */ }
      return response.ok && cleared ? "done" : "refused";
    }, function () { return "offline"; }).then(function (state) {
      try { localStorage.removeItem(PROBE); } catch (e) { /* nothing was stored */ }
      return state;
    });
  }

  function show(template) {
    document.body.textContent = "";
    var wrap = document.createElement("main");
    wrap.id = "main";
    wrap.appendChild(template.content.cloneNode(true));
    document.body.appendChild(wrap);
    document.title = wrap.querySelector("h1").textContent;
    return wrap;
  }

  var busy = false;

  function run() {
    if (busy) return;
    busy = true;
    removeLocal().then(function (local) {
      return askServer().then(function (state) { report(state, local); });
    }).then(function () { busy = false; }, function () { busy = false; });
  }

  function report(state, local) {
    if (state === "done") {
      // Clear-Site-Data removed everything, what the page could not included.
      window.removeEventListener("online", run);
      show(done);
      document.body.setAttribute("data-forgotten", "");
      return;
    }
    var page = show(partial);
    page.querySelector("[data-removed]").hidden = !local;
    Array.prototype.forEach.call(page.querySelectorAll("[data-still]"), function (p) {
      p.hidden = p.getAttribute("data-still") !== state;
    });
    page.querySelector("[data-retry]").addEventListener("click", run);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    // Back online with this page still open: finish what needed the connection.
    window.addEventListener("online", run);
    run();
  });
})();
