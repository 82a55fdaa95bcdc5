/* Remove the guide from this phone, online or offline: every Cache Storage entry, every
   service worker registration of this site, local and session storage. Then the server is
   asked for `Clear-Site-Data` (which also empties the HTTP cache) when it can be reached,
   and the page shows the same neutral "Done" as the server's answer. Without this file the
   form is POSTed and the browser does the same from that header. */
(function () {
  "use strict";
  var form = document.getElementById("forget-form");
  var done = document.getElementById("forget-done");
  if (!form || !done || !window.Promise) return;

  function removeAll() {
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
    try { localStorage.clear(); } catch (e) { /* blocked storage holds nothing */ }
    try { sessionStorage.clear(); } catch (e) { /* blocked storage holds nothing */ }
    return Promise.all(jobs.map(function (job) { return job.catch(function () {}); }));
  }

  function showDone() {
    document.body.textContent = "";
    var wrap = document.createElement("main");
    wrap.id = "main";
    wrap.appendChild(done.content.cloneNode(true));
    document.body.appendChild(wrap);
    document.title = wrap.querySelector("h1").textContent;
    document.body.setAttribute("data-forgotten", "");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    removeAll().then(function () {
      // Online, the server's answer makes the browser clear what a page cannot (the HTTP cache).
      return fetch(form.action, { method: "POST", credentials: "omit", cache: "no-store" })
        .catch(function () { /* offline: what a page can remove is already gone */ });
    }).then(showDone, showDone);
  });
})();
