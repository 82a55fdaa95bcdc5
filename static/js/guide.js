/* Progressive enhancement only: every page works without this file.
   Every user-facing string comes from the page (data-* attributes), so it is translated.
   The quick exit is a component of its own (webapp/components/quick_exit/quick_exit.js),
   bundled with this file. */
(function () {
  "use strict";

  var sw = navigator.serviceWorker;

  /* On an iPhone every browser is WebKit, and Safari deletes what a site saved after days of use
     without a visit, unless the site is on the Home Screen: the lines that say so ([data-iphone])
     show there, outside a Home Screen app, and those that would promise more ([data-not-iphone])
     do not. Blink's user agents also name AppleWebKit, with
     Chrome/ (Chrome on iPhone says CriOS/, and is WebKit). */
  var ua = navigator.userAgent;
  var onHomeScreen = navigator.standalone === true ||
    !!(window.matchMedia && window.matchMedia("(display-mode: standalone)").matches);
  if (/AppleWebKit\//.test(ua) && !/Chrome\/|Chromium\/|Android/.test(ua) && !onHomeScreen) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-iphone]"), function (el) { el.hidden = false; });
    Array.prototype.forEach.call(document.querySelectorAll("[data-not-iphone]"), function (el) { el.hidden = true; });
  }

  /* A link to an answer folded in a <details> (/questions/#some-id) opens it. */
  function openLinkedDetails() {
    var id = location.hash.slice(1);
    if (!id) return;
    var target;
    try { target = document.getElementById(decodeURIComponent(id)); } catch (e) { return; }
    var details = target && target.closest("details");
    if (!details || details.open) return;
    details.open = true;
    target.scrollIntoView();
  }
  openLinkedDetails();
  window.addEventListener("hashchange", openLinkedDetails);

  function showUpdateNotice() {
    var notice = document.getElementById("update-notice");
    if (!notice) return;
    notice.hidden = false;
    var button = notice.querySelector("[data-reload]");
    if (button) button.addEventListener("click", function () { location.reload(); });
  }

  function ask(message, onReply) {
    // Talk to the active worker over a private channel; replies may come several times.
    return sw.ready.then(function (registration) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { onReply(event.data); };
      registration.active.postMessage(message, [channel.port2]);
    });
  }

  function formatSize(bytes, lang) {
    try {
      return new Intl.NumberFormat(lang, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 })
        .format(Math.max(1, Math.round(bytes / 1024)));
    } catch (e) {
      return Math.round(bytes / 1024) + " KB";
    }
  }

  function formatDay(time, lang) {
    try {
      return new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", day: "numeric" }).format(new Date(time));
    } catch (e) {
      return new Date(time).toISOString().slice(0, 10);
    }
  }

  function formatSpace(bytes, lang) {
    if (bytes < 1024 * 1024) return formatSize(bytes, lang);
    try {
      return new Intl.NumberFormat(lang, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 })
        .format(bytes / 1024 / 1024);
    } catch (e) {
      return (bytes / 1024 / 1024).toFixed(1) + " MB";
    }
  }

  /* Ask the browser to keep the offline copy through storage pressure (Chrome decides; it says
     yes more readily for an installed app). Resolves to whether the copy is protected. */
  function keepCopy() {
    if (!navigator.storage || !navigator.storage.persist) return Promise.resolve(null);
    return navigator.storage.persist().catch(function () { return null; });
  }
  window.addEventListener("appinstalled", keepCopy);

  /* Pages served from the saved copy say when it was saved, and after a while that facts may
     have changed. The date is the server's, recorded when the version was saved. */
  function savedOnLine(line) {
    var lang = document.documentElement.lang;
    ask({ type: "page", path: location.pathname }, function (reply) {
      if (reply.type !== "page" || !reply.saved || !reply.savedOn) return;
      line.querySelector("[data-date]").textContent = line.getAttribute("data-text").replace("%(date)s", formatDay(reply.savedOn, lang));
      var days = Number(line.getAttribute("data-stale-days"));
      var stale = Date.now() - reply.savedOn > days * 24 * 3600 * 1000;
      var staleLine = line.querySelector("[data-stale-line]");
      if (stale) staleLine.textContent = line.getAttribute("data-stale");
      staleLine.hidden = !stale;
      line.hidden = false;
      if (stale && navigator.onLine) {
        // Perhaps nothing changed since: if the server has no newer version, the copy is current.
        sw.ready.then(function (registration) {
          return registration.update().then(function () {
            if (!registration.installing && !registration.waiting) ask({ type: "checked" }, function () {});
          });
        }).catch(function () {});
      }
    });
  }

  function offlineManager(root) {
    var lang = document.documentElement.lang;
    var progress = document.getElementById("save-progress");
    var message = document.getElementById("save-message");
    var text = root.dataset;
    function fact(name, value) {
      var item = root.querySelector('[data-fact="' + name + '"]');
      item.textContent = value;
      item.hidden = !value;
    }
    function storageFacts(state) {
      if (state && state.savedOn) fact("saved-on", text.savedOn.replace("%(date)s", formatDay(state.savedOn, lang)));
      if (!navigator.storage) return;
      if (navigator.storage.estimate) {
        navigator.storage.estimate().then(function (estimate) {
          fact("space", text.space.replace("%(size)s", formatSpace(estimate.usage || 0, lang)));
        }).catch(function () {});
      }
      if (navigator.storage.persisted) {
        navigator.storage.persisted().then(function (kept) {
          fact("persisted", kept ? text.persisted : text.notPersisted);
        }).catch(function () {});
      }
    }

    function render(state) {
      root.querySelectorAll("tr[data-locale]").forEach(function (row) {
        var code = row.getAttribute("data-locale");
        var saved = state.saved.indexOf(code) !== -1;
        row.querySelector("[data-status]").textContent = saved ? text.saved : text.notSaved;
        row.querySelector("[data-size]").textContent = formatSize(state.sizes[code] || 0, lang);
        row.querySelector("[data-save]").hidden = saved;
        row.querySelector("[data-remove]").hidden = !saved;
      });
      renderPairs(state.saved);
    }
    // Every two saved languages make a two-language self-check that works offline.
    function renderPairs(saved) {
      var list = root.querySelector(".saved-pairs");
      if (!list) return;
      var rows = Array.prototype.filter.call(root.querySelectorAll("tr[data-locale]"), function (row) {
        return saved.indexOf(row.getAttribute("data-locale")) !== -1;
      });
      list.textContent = "";
      rows.forEach(function (a, i) {
        rows.slice(i + 1).forEach(function (b) {
          var link = document.createElement("a");
          link.href = "/" + a.getAttribute("data-locale") + "/self-check/" + b.getAttribute("data-locale") + "/";
          [a, b].forEach(function (row, j) {
            var name = row.querySelector("th").cloneNode(true);
            var span = document.createElement("span");
            span.lang = name.lang; span.dir = name.dir; span.textContent = name.textContent;
            if (j) link.appendChild(document.createTextNode(" + "));
            link.appendChild(span);
          });
          var item = document.createElement("li");
          item.appendChild(link);
          list.appendChild(item);
        });
      });
      root.querySelector("[data-pairs-none]").hidden = list.children.length > 0;
    }
    var sizes = {};
    function refresh() {
      ask({ type: "status" }, function (reply) { sizes = reply.sizes; render(reply); storageFacts(reply); });
    }
    function onReply(reply) {
      if (reply.type === "progress") {
        progress.max = reply.total;
        progress.value = reply.done;
      } else if (reply.type === "saved" || reply.type === "removed") {
        message.textContent = text.done;
        render({ saved: reply.saved, sizes: sizes });
        storageFacts(null);
      } else if (reply.type === "error") {
        message.textContent = reply.reason === "quota" ? text.quota : text.failed;
        render({ saved: reply.saved || [], sizes: sizes });
        storageFacts(null);
      }
    }
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var save = button.getAttribute("data-save");
      var remove = button.getAttribute("data-remove");
      if (save) {
        message.textContent = text.saving;
        progress.value = 0;
        keepCopy().then(function () { storageFacts(null); });
        ask({ type: "save", locale: save }, onReply);
      } else if (remove) {
        ask({ type: "remove", locale: remove }, onReply);
      }
    });
    root.hidden = false;
    refresh();
  }

  // Share panel (home page): the phone's own share sheet, where the browser has one.
  if (navigator.share) {
    document.querySelectorAll("[data-share]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.share({ title: button.getAttribute("data-share-title"), url: button.getAttribute("data-share") })
          .catch(function () { /* closed by the reader */ });
      });
    });
  }

  // "Share as a file" (home page, "Saved for offline"): the guide in one language as one file,
  // read from the saved copy when there is no signal and handed to the phone's share sheet,
  // where the browser can share files. Elsewhere the link downloads the file.
  function shareFile(link) {
    var status = document.querySelector("[data-share-status]");
    fetch(link.href).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.blob();
    }).then(function (blob) {
      var file = new File([blob], link.getAttribute("download"), { type: "text/html" });
      if (status) status.textContent = "";
      return navigator.share({ files: [file] });
    }).catch(function (error) {
      if (error && error.name === "AbortError") return;   // the reader closed the share sheet
      if (status) status.textContent = status.getAttribute("data-failed");
    });
  }
  var canShareFiles = false;
  try {
    canShareFiles = !!(navigator.canShare && navigator.share && window.File &&
      navigator.canShare({ files: [new File(["<!doctype html>"], "a.html", { type: "text/html" })] }));
  } catch (e) { /* no share sheet for files */ }
  if (canShareFiles) {
    document.querySelectorAll("[data-share-file]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        shareFile(link);
      });
    });
  }

  if (!sw) return;
  sw.addEventListener("message", function (event) {
    if (event.data && event.data.type === "updated") showUpdateNotice();
  });
  function register() {
    sw.register("/sw.js", { scope: "/" }).then(function (registration) {
      // Back online: look for a new version at once rather than at the next navigation.
      window.addEventListener("online", function () { registration.update(); });
      // A page that loaded while the first worker was activating is not among the pages it
      // claimed (Chromium claims only those already running), so it would read nothing saved
      // until the next page: asked, the worker claims it.
      if (!sw.controller) {
        sw.ready.then(function (ready) {
          if (!sw.controller && ready.active) ready.active.postMessage({ type: "claim" });
        });
      }
    }).catch(function () { /* the pages work without a worker */ });
  }
  // Register after the page has loaded, so saving the language for offline use never competes
  // with the first page on a slow connection.
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);

  var manager = document.getElementById("offline-manager");
  if (manager) offlineManager(manager);
  var savedOn = document.getElementById("saved-on");
  if (savedOn && sw.controller) savedOnLine(savedOn);
})();
