/* Listen (webapp/components/listen): the page read aloud with the phone's own voices, a
   sentence or list item at a time, with the part being read marked on the page.
   The control stays hidden unless the phone has a voice of its own (localService) for the page's
   language; the voices may arrive late, so voiceschanged is awaited. What may read which
   language comes from the component's Python side (data-config); every string is in the
   control's own buttons, rendered by the page. Nothing is fetched and nothing is stored. */
(function () {
  "use strict";

  var synth = window.speechSynthesis;
  var root = document.getElementById("listen");
  if (!root || !synth || typeof window.SpeechSynthesisUtterance !== "function") return;

  // Never read: navigation, the control itself, what is there only for the eye or only for
  // scripts, form fields, and whatever the page marks data-listen-skip (a number's letters
  // form, read already as digits).
  var SKIP = "nav, template, script, style, noscript, svg, select, textarea, input, " +
    "[aria-hidden='true'], [data-listen-skip], [data-module='listen']";
  // A page may name the parts worth reading (the self-check: the question on screen, or the
  // result); the others read all of <main>.
  var PARTS = "[data-listen-part]";
  // Text worth saying has a letter or a digit. (Built at run time: a browser that cannot
  // parse a Unicode property escape would otherwise refuse the whole bundle, quick exit and all.)
  var WORDS;
  try { WORDS = new RegExp("[\\p{L}\\p{N}]", "u"); } catch (e) { WORDS = /[^\s!-\/:-@\[-`{-~\u00a0-\u00bf\u2000-\u206f]/; }

  /* "1-888-373-7888" as "1 8 8 8, 3 7 3, 7 8 8 8": every digit on its own, so no voice reads
     a number as an amount, in the groups the number is printed in (a lone leading digit, the
     1 of a long-distance number, goes with the group after it). */
  function sayNumber(display) {
    var groups = display.match(/[0-9]+/g) || [];
    if (groups.length > 1 && groups[0].length === 1) groups.splice(0, 2, groups[0] + groups[1]);
    return groups.map(function (group) { return group.split("").join(" "); }).join(", ");
  }

  /* An element marked data-listen-number says its number digit by digit: the attribute holds
     the number as printed inside the element's text, or is empty when the text is the number. */
  function spokenText(element) {
    var text = element.textContent;
    var number = element.getAttribute("data-listen-number") || text.trim();
    return number ? text.split(number).join(sayNumber(number)) : text;
  }

  /* Whether a reader can see the element: laid out, larger than a point, not hidden or folded
     away in a closed <details>, and not parked above the page as a skip link is. */
  function shown(element) {
    var style = getComputedStyle(element);
    if (style.display === "contents") return true;
    if (style.visibility === "hidden") return false;
    var parent = element.parentElement;
    if (parent && parent.tagName === "DETAILS" && !parent.open && element.tagName !== "SUMMARY") return false;
    if (!element.getClientRects().length) return false;
    var box = element.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) return false;
    return box.bottom + window.scrollY > 0;
  }

  function langOf(element) {
    var holder = element.closest("[lang]");
    return (holder && holder.getAttribute("lang")) || document.documentElement.lang;
  }

  /* The page's text in reading order, as runs of inline text ("chunks"): a chunk ends where a
     block (paragraph, list item, heading, button, cell) starts or ends, where the language
     changes, and at a separator shown only to the eye. Each chunk keeps where its text came
     from (text nodes, or a number's element), to mark a sentence of it on the page. */
  function Collector() {
    this.chunks = [];
    this.open = null;
  }

  Collector.prototype.flush = function () {
    if (this.open && WORDS.test(this.open.text)) this.chunks.push(this.open);
    this.open = null;
  };

  Collector.prototype.add = function (node, text, whole, lang) {
    if (this.open && this.open.lang !== lang) this.flush();
    if (!this.open) this.open = { text: "", pieces: [], lang: lang };
    var chunk = this.open;
    chunk.pieces.push({ node: node, start: chunk.text.length, end: chunk.text.length + text.length, whole: whole });
    chunk.text += text;
  };

  Collector.prototype.walk = function (parent) {
    for (var node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        if (node.data) this.add(node, node.data, false, langOf(parent));
        continue;
      }
      if (node.nodeType !== 1) continue;
      if (node.tagName === "BR") { this.flush(); continue; }
      var inline = getComputedStyle(node).display === "inline";
      if (node.matches(SKIP) || !shown(node)) {
        if (inline && /\S/.test(node.textContent)) this.flush();
        continue;
      }
      if (!inline) this.flush();
      if (node.hasAttribute("data-listen-number")) this.add(node, spokenText(node), true, langOf(node));
      else this.walk(node);
      if (!inline) this.flush();
    }
  };

  // Initials with dots ("U.S.", "e.g."): the sentence goes on after them, whatever the
  // segmenter thinks ("the U.S. Department of Labor" is one sentence).
  var INITIALS = /(^|[\s(])([A-Za-z]\.){2,}\s*$/;

  function sentences(text, lang) {
    var spans = [[0, text.length]];
    if (window.Intl && Intl.Segmenter) {
      try {
        spans = Array.from(new Intl.Segmenter(lang, { granularity: "sentence" }).segment(text), function (s) {
          return [s.index, s.index + s.segment.length];
        });
      } catch (e) { /* an unknown language tag: read the chunk whole */ }
    }
    return spans.reduce(function (kept, span) {
      var last = kept[kept.length - 1];
      if (last && INITIALS.test(text.slice(last[0], last[1]))) last[1] = span[1];
      else kept.push(span);
      return kept;
    }, []);
  }

  /* What to say, in order: one item per sentence of each chunk, with its text (white space
     collapsed), its language and its place on the page (a Range). */
  function readingOrder(main) {
    var parts = Array.prototype.filter.call(main.querySelectorAll(PARTS), shown);
    var collector = new Collector();
    (parts.length ? parts : [main]).forEach(function (part) {
      collector.walk(part);
      collector.flush();
    });
    var items = [];
    collector.chunks.forEach(function (chunk) {
      sentences(chunk.text, chunk.lang).forEach(function (span) {
        var raw = chunk.text.slice(span[0], span[1]);
        var text = raw.replace(/\s+/g, " ").trim();
        if (!WORDS.test(text)) return;
        var start = span[0] + (raw.length - raw.replace(/^\s+/, "").length);
        var end = span[1] - (raw.length - raw.replace(/\s+$/, "").length);
        items.push({ text: text, lang: chunk.lang, range: rangeOf(chunk.pieces, start, end) });
      });
    });
    return items;
  }

  function rangeOf(pieces, start, end) {
    var range = document.createRange();
    var first = pieces.filter(function (p) { return p.end > start; })[0];
    var last = pieces.filter(function (p) { return p.start < end; }).pop();
    if (first.whole) range.setStartBefore(first.node);
    else range.setStart(first.node, start - first.start);
    if (last.whole) range.setEndAfter(last.node);
    else range.setEnd(last.node, end - last.start);
    return range;
  }

  /* The best voice of the phone's own for a language: the rule's tags in order (a voice's tag
     is one of them, or starts with one and a hyphen), the phone's default voice first among
     equals. A network voice (localService false) is never used: it would send the page's
     words to another company. */
  function matches(tag, prefix) {
    return tag === prefix || tag.indexOf(prefix + "-") === 0;
  }

  function bestVoice(voices, rule) {
    var accept = rule[0];
    var refuse = rule[1];
    var best = null;
    var bestScore = Infinity;
    voices.forEach(function (voice) {
      var tag = String(voice.lang || "").replace(/_/g, "-").toLowerCase();
      if (!voice.localService || refuse.some(function (p) { return matches(tag, p); })) return;
      for (var i = 0; i < accept.length; i++) {
        if (matches(tag, accept[i])) {
          var score = 2 * i + (voice.default ? 0 : 1);
          if (score < bestScore) { best = voice; bestScore = score; }
          return;
        }
      }
    });
    return best;
  }

  function Listen(root) {
    var config = JSON.parse(root.getAttribute("data-config"));
    var self = this;
    this.root = root;
    this.rules = config.voices;
    this.slowerRate = config.slower;
    this.lang = document.documentElement.lang;
    this.buttons = {};
    root.querySelectorAll("[data-listen]").forEach(function (button) {
      self.buttons[button.getAttribute("data-listen")] = button;
    });
    this.voices = {};
    this.items = [];
    this.index = 0;
    this.state = "idle";
    this.slow = false;
    // Each utterance carries the turn it was spoken in; stopping or pausing starts a new turn,
    // so the end (or error) of a cancelled utterance never moves the reading on.
    this.turn = 0;
    this.utterance = null;

    this.findVoices = this.findVoices.bind(this);
    synth.addEventListener("voiceschanged", this.findVoices);
    this.findVoices();

    this.buttons.start.addEventListener("click", function () { self.start(); });
    this.buttons.pause.addEventListener("click", function () { self.pause(); });
    this.buttons.resume.addEventListener("click", function () { self.resume(); });
    this.buttons.stop.addEventListener("click", function () { self.stop(true); });
    this.buttons.slower.addEventListener("click", function () { self.toggleSlower(); });

    // Safety first: the quick exit (quick_exit.js) tells the page before it hides it; a page
    // hidden (another app, a locked screen, another tab) or left stops reading.
    document.addEventListener("quick-exit", function () { self.stop(false); });
    document.addEventListener("visibilitychange", function () { if (document.hidden) self.stop(false); });
    window.addEventListener("pagehide", function () { self.stop(false); });
    // The part being read went away (the self-check moved to its next question or its
    // result, a <details> was closed): stop rather than read what is no longer there.
    if (window.MutationObserver) {
      new MutationObserver(function () {
        var item = self.items[self.index];
        if (self.state !== "idle" && item && !self.onScreen(item)) self.stop(false);
      }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ["hidden", "open"] });
    }
  }

  Listen.prototype.voiceFor = function (lang) {
    if (!(lang in this.voices)) {
      var code = lang.toLowerCase();
      var rule = this.rules[lang] || [[code, code.split("-")[0]], []];
      this.voices[lang] = bestVoice(synth.getVoices(), rule);
    }
    return this.voices[lang];
  };

  /* Show the control only while the phone has a voice for the page's language. */
  Listen.prototype.findVoices = function () {
    this.voices = {};
    var voice = this.voiceFor(this.lang);
    if (!voice) this.stop(false);
    this.root.hidden = !voice;
  };

  Listen.prototype.onScreen = function (item) {
    var node = item.range.startContainer;
    var element = node.nodeType === 1 ? node.childNodes[item.range.startOffset] || node : node.parentElement;
    return element.nodeType === 1 && element.isConnected && shown(element);
  };

  Listen.prototype.start = function () {
    this.items = readingOrder(document.querySelector("main") || document.body);
    this.index = 0;
    this.play();
  };

  Listen.prototype.play = function () {
    this.state = "playing";
    this.turn += 1;
    synth.cancel();
    this.update("pause");
    this.speak();
  };

  Listen.prototype.speak = function () {
    var item;
    var voice = null;
    for (; this.index < this.items.length; this.index++) {
      item = this.items[this.index];
      voice = this.onScreen(item) && this.voiceFor(item.lang);
      if (voice) break;
    }
    if (!voice) { this.stop(true); return; }
    var self = this;
    var turn = this.turn;
    var utterance = new SpeechSynthesisUtterance(item.text);
    utterance.lang = item.lang;
    utterance.voice = voice;
    utterance.rate = this.slow ? this.slowerRate : 1;
    utterance.onend = function () {
      if (turn !== self.turn || self.state !== "playing") return;
      self.index += 1;
      self.speak();
    };
    utterance.onerror = function (event) {
      if (turn !== self.turn || event.error === "interrupted" || event.error === "canceled") return;
      self.stop(false);
    };
    // Kept until it ends: an utterance nothing refers to may be collected before its end event.
    this.utterance = utterance;
    this.mark(item);
    synth.speak(utterance);
  };

  /* Pausing cancels the sentence and Resume says it again from its start: Chrome on Android
     ends an utterance on pause(), so pause() and resume() cannot be relied on. */
  Listen.prototype.pause = function () {
    if (this.state !== "playing") return;
    this.state = "paused";
    this.turn += 1;
    synth.cancel();
    this.update("resume");
  };

  Listen.prototype.resume = function () {
    if (this.state === "paused") this.play();
  };

  Listen.prototype.stop = function (byReader) {
    if (this.state === "idle") return;
    this.state = "idle";
    this.turn += 1;
    this.utterance = null;
    synth.cancel();
    this.unmark();
    this.update(byReader ? "start" : null);
  };

  Listen.prototype.toggleSlower = function () {
    this.slow = !this.slow;
    this.buttons.slower.setAttribute("aria-pressed", String(this.slow));
    if (this.state === "playing") this.play();   // the sentence again, at the new speed
  };

  /* The buttons for the state, and the keyboard's focus kept on the one that replaces the
     button just pressed. */
  Listen.prototype.update = function (focus) {
    var state = this.state;
    var b = this.buttons;
    var hadFocus = this.root.contains(document.activeElement);
    b.start.hidden = state !== "idle";
    b.pause.hidden = state !== "playing";
    b.resume.hidden = state !== "paused";
    b.stop.hidden = state === "idle";
    b.slower.hidden = state === "idle";
    this.root.classList.toggle("listen--active", state !== "idle");
    if (focus && hadFocus) b[focus].focus({ preventScroll: true });
  };

  /* Mark the sentence being read (the CSS Custom Highlight API; without it, the block that
     holds it) and bring it into view between the quick exit above and the control below. */
  Listen.prototype.mark = function (item) {
    this.unmark();
    if (window.CSS && CSS.highlights && window.Highlight) {
      CSS.highlights.set("listen", new Highlight(item.range));
    } else {
      var node = item.range.commonAncestorContainer;
      this.marked = node.nodeType === 1 ? node : node.parentElement;
      this.marked.classList.add("listen-reading");
    }
    var box = item.range.getBoundingClientRect();
    var top = window.innerHeight / 5;
    var bottom = window.innerHeight - this.root.getBoundingClientRect().height - 16;
    if (box.top < top || box.bottom > bottom) window.scrollBy(0, box.top - top);
  };

  Listen.prototype.unmark = function () {
    if (window.CSS && CSS.highlights) CSS.highlights.delete("listen");
    if (this.marked) this.marked.classList.remove("listen-reading");
    this.marked = null;
  };

  try {
    new Listen(root);
  } catch (e) {
    root.hidden = true;   // never a broken control
  }
})();
