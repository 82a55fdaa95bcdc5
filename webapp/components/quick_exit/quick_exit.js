/* Quick exit (webapp/components/quick_exit): the bar, the skip link, or Shift pressed three
   times hide the page at once, remember the exit for this tab (and for the installed app),
   then replace this history entry with the cover. Inside the app installed as a calculator
   (the calculator recorded its own address for this window), the exit goes back to that
   calculator and counts as an installed app.
   In the guide as one file the calculator is in the page: the exit puts the class named by
   config.inline on <html>, which shows it and nothing else (see __init__.py).
   Settings come from the component's Python side (data-config, the same JSON the calculator
   reads); every string from data-i18n-* attributes, so it is translated. */
(function () {
  "use strict";

  var PRESSES = 3;
  var PAUSE = 5000;   // ms allowed between two Shift presses

  function QuickExit(link, status) {
    var config = JSON.parse(link.getAttribute("data-config"));
    var disguise = null;
    try { disguise = sessionStorage.getItem(config.appFlag); } catch (e) {}
    this.link = link;
    this.status = status;
    this.flag = config.flag;
    this.external = config.external;
    this.inline = config.inline || null;
    this.cover = disguise && disguise.indexOf(config.cover) === 0 ? disguise : config.cover;
    this.installed = !!disguise || !!(window.matchMedia && window.matchMedia("(display-mode: standalone)").matches);
    this.presses = 0;
    this.timer = null;
    this.combined = false;

    var exit = this.exit.bind(this);
    [link].concat(Array.prototype.slice.call(document.querySelectorAll("[data-quick-exit]")))
      .forEach(function (el) { el.addEventListener("click", exit); });
    // The capture phase, so Shift counts inside text fields too.
    document.addEventListener("keydown", this.keydown.bind(this), true);
    document.addEventListener("keyup", this.keyup.bind(this), true);
    // The back-forward cache (see __init__.py): every page listens on one channel, so that the
    // exit's message takes the pages of the guide kept in the cache out of it; a page that
    // still comes back from it was hidden as it went in, and is shown again only if no exit
    // happened meanwhile.
    try {
      this.channel = new BroadcastChannel(this.flag);
      this.channel.onmessage = function () {};
    } catch (e) { this.channel = null; }
    window.addEventListener("pagehide", function (event) {
      if (event.persisted) document.documentElement.hidden = true;
    });
    window.addEventListener("pageshow", this.guard.bind(this));
  }

  QuickExit.prototype.text = function (name) {
    return this.link.getAttribute("data-i18n-" + name);
  };

  QuickExit.prototype.announce = function (text) {
    if (this.status) this.status.textContent = text;
  };

  QuickExit.prototype.exit = function (event) {
    if (event) event.preventDefault();
    // Silence before anything else: the page reading aloud (the Listen component) hears it
    // first and stops its queue, then any speech of this page is cancelled, before the page
    // hides and the cover loads. Nothing here can keep the exit from going on.
    try { document.dispatchEvent(new Event("quick-exit")); } catch (e) {}
    try { if (window.speechSynthesis) window.speechSynthesis.cancel(); } catch (e) {}
    if (this.inline) this.showCover();
    else {
      document.documentElement.hidden = true;
      document.title = "";
    }
    if (this.channel) this.channel.postMessage("");
    try {
      sessionStorage.setItem(this.flag, "1");
      if (this.installed) localStorage.setItem(this.flag, "1");
    } catch (e) { /* storage blocked: the exit itself still works */ }
    if (!this.inline) location.replace(this.external && navigator.onLine && !this.installed ? this.external : this.cover);
  };

  /* The file's calculator, in the page: shown instead of everything else. This history entry
     keeps no part of the guide in its address (a link into the file may have brought one). */
  QuickExit.prototype.showCover = function () {
    var root = document.documentElement;
    root.classList.add(this.inline);
    root.hidden = false;
    if (location.hash && history.replaceState) history.replaceState(null, "", location.pathname + location.search);
    window.scrollTo(0, 0);
  };

  QuickExit.prototype.reset = function () {
    this.presses = 0;
    clearTimeout(this.timer);
    this.timer = null;
  };

  // Shift used with another key does not count, and any other key starts again.
  QuickExit.prototype.keydown = function (event) {
    if (event.key === "Shift") {
      this.combined = false;
      return;
    }
    if (event.shiftKey) this.combined = true;
    if (this.presses > 0) this.announce("");
    this.reset();
  };

  QuickExit.prototype.keyup = function (event) {
    if (event.key !== "Shift") return;
    if (this.combined) {
      this.combined = false;
      this.reset();
      return;
    }
    this.presses += 1;
    clearTimeout(this.timer);
    if (this.presses >= PRESSES) {
      this.announce(this.text("exiting"));
      this.reset();
      this.exit();
      return;
    }
    this.announce(this.text("press-" + (PRESSES - this.presses)));
    var self = this;
    this.timer = setTimeout(function () {
      self.reset();
      self.announce(self.text("timed-out"));
    }, PAUSE);
  };

  QuickExit.prototype.guard = function (event) {
    var exited = false;
    try { exited = sessionStorage.getItem(this.flag) || localStorage.getItem(this.flag); } catch (e) {}
    if (exited && this.inline) {
      this.showCover();
    } else if (exited) {
      document.documentElement.hidden = true;
      location.replace(this.cover);
    } else if (event && event.persisted) {
      document.documentElement.hidden = false;
    }
  };

  var link = document.getElementById("quick-exit");
  if (link) new QuickExit(link, document.getElementById("quick-exit-status"));
})();
