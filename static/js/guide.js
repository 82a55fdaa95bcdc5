/* Progressive enhancement only: every page works without this file.
   Every user-facing string comes from the page (data-* attributes), so it is translated. */
(function () {
  "use strict";

  var sw = navigator.serviceWorker;

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

  function offlineManager(root) {
    var lang = document.documentElement.lang;
    var progress = document.getElementById("save-progress");
    var message = document.getElementById("save-message");
    var text = root.dataset;

    function render(state) {
      root.querySelectorAll("tr[data-locale]").forEach(function (row) {
        var code = row.getAttribute("data-locale");
        var saved = state.saved.indexOf(code) !== -1;
        row.querySelector("[data-status]").textContent = saved ? text.saved : text.notSaved;
        row.querySelector("[data-size]").textContent = formatSize(state.sizes[code] || 0, lang);
        row.querySelector("[data-save]").hidden = saved;
        row.querySelector("[data-remove]").hidden = !saved;
      });
    }
    var sizes = {};
    function refresh() {
      ask({ type: "status" }, function (reply) { sizes = reply.sizes; render(reply); });
    }
    function onReply(reply) {
      if (reply.type === "progress") {
        progress.max = reply.total;
        progress.value = reply.done;
      } else if (reply.type === "saved" || reply.type === "removed") {
        message.textContent = text.done;
        render({ saved: reply.saved, sizes: sizes });
      } else if (reply.type === "error") {
        message.textContent = text.failed;
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
        ask({ type: "save", locale: save }, onReply);
      } else if (remove) {
        ask({ type: "remove", locale: remove }, onReply);
      }
    });
    root.hidden = false;
    refresh();
  }

  if (!sw) return;
  sw.addEventListener("message", function (event) {
    if (event.data && event.data.type === "updated") showUpdateNotice();
  });
  sw.register("/sw.js", { scope: "/" }).then(function (registration) {
    // Back online: look for a new version at once rather than at the next navigation.
    window.addEventListener("online", function () { registration.update(); });
  }).catch(function () { /* the pages work without a worker */ });

  var manager = document.getElementById("offline-manager");
  if (manager) offlineManager(manager);
})();
