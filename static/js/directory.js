/* Find services, in the browser: the directory's search index for this language (saved by the
   service worker, so this works offline) searched per keystroke. What the reader types never
   leaves the page: not in the address, the history, a request or storage. Without this file the
   same form is POSTed to the server. The search is the specification in
   webapp/directory/search.py, implemented a second time; tests compare the two on the same
   index and inputs. On the site each result is a copy of the page's card template, filled in by
   directory-card.js (bundled before this file); the guide as one file has every card in the page
   already, and this file shows, hides and orders them. Every other user-facing string comes
   from the data-* attributes of #directory (translated). */
(function () {
  "use strict";

  var NON_WORD;
  try {
    NON_WORD = new RegExp("[^\\p{L}\\p{N}\\p{M}]+", "gu");
  } catch (e) {
    return; // an old browser: the form still searches on the server
  }
  if (!String.prototype.normalize || !Array.from) return;

  var FILTERS = ["state", "service", "population", "language"];
  var PAGE = /^[1-9][0-9]{0,3}$/;
  var INTENT_PREFIX = 4;

  /* -- The specification (see search.py) ---------------------------------------------------- */
  /* The patterns of the index's text rules (its Unicode ranges, written once in search.py),
     compiled once for each distinct set of rules. */
  var compiled = { rules: null, key: null, patterns: null };
  function patterns(rules) {
    if (compiled.rules === rules) return compiled.patterns;
    var key = JSON.stringify(rules);
    if (compiled.key === key) {
      compiled.rules = rules;
      return compiled.patterns;
    }
    var cls = function (ranges) {
      return ranges.map(function (r) {
        return "\\u{" + r[0].toString(16) + "}-\\u{" + r[1].toString(16) + "}";
      }).join("");
    };
    var keep = cls(rules.keep), unspaced = cls(rules.unspaced);
    compiled = { rules: rules, key: key, patterns: {
      marks: new RegExp("(?![" + keep + "])\\p{M}", "gu"),
      boundary: new RegExp("[" + unspaced + "](?=[^ " + unspaced + "])|[^ " + unspaced + "](?=[" + unspaced + "])", "gu"),
      unspaced: new RegExp("^[" + unspaced + "]", "u")
    } };
    return compiled.patterns;
  }

  function normalize(text, rules) {
    var p = patterns(rules);
    return String(text).normalize("NFKD").toLowerCase().normalize("NFKD")
      .replace(p.marks, "").replace(/ς/g, "σ").replace(/đ/g, "d").replace(NON_WORD, " ")
      .replace(p.boundary, "$& ").trim();
  }

  function isUnspaced(rules, term) {
    return patterns(rules).unspaced.test(term);
  }

  /* A term as matching needs it (see "A term matches" in the specification). */
  function term(rules, text) {
    return { text: text, unspaced: isUnspaced(rules, text), wordStart: " " + text };
  }

  function matches(t, hay) {
    if (t.unspaced) return hay.indexOf(t.text) !== -1;
    return hay.lastIndexOf(t.text, 0) === 0 || hay.indexOf(t.wordStart) !== -1;
  }

  function position(vocab, id) {
    if (id === null) return -1;
    for (var i = 0; i < vocab.length; i++) if (vocab[i][0] === id) return i;
    return -1;
  }

  function parse(index, params) {
    var get = function (name) {
      var value = params[name];
      return typeof value === "string" ? value : "";
    };
    var raw = get("q");
    var chars = Array.from(raw);
    var q = chars.length > index.max ? chars.slice(0, index.max).join("") : raw;
    var norm = normalize(q, index.text);
    var terms = norm ? norm.split(" ") : [];
    var vocab = { state: index.states, service: index.services, population: index.populations,
                  language: index.languages };
    var query = { q: q, terms: terms, truncated: chars.length > index.max,
                  noTerms: q.length > 0 && terms.length === 0,
                  page: PAGE.test(get("page")) ? parseInt(get("page"), 10) : 1 };
    FILTERS.forEach(function (name) {
      var value = get(name);
      query[name] = value && position(vocab[name], value) !== -1 ? value : null;
    });
    return query;
  }

  function someIn(list, hits) {
    for (var i = 0; i < list.length; i++) if (hits[list[i]]) return true;
    return false;
  }

  function pages(index, query) {
    if (!query.terms.length) return [];
    var terms = query.terms.map(function (t) { return term(index.text, t); });
    var found = [];
    index.pages.forEach(function (page, i) {
      if (terms.every(function (t) { return matches(t, page[2]); })) found.push(i);
    });
    return found;
  }

  /* Whether a term of the query names an intent word (see the specification). */
  function names(rules, t, word) {
    if (isUnspaced(rules, word)) return t.indexOf(word) !== -1;
    return t === word || (Array.from(t.normalize("NFC")).length >= INTENT_PREFIX && word.indexOf(t) === 0);
  }

  function asksForEnforcement(index, terms) {
    return index.intent.some(function (entry) {
      var words = entry.split(" ");
      for (var k = 0; k + words.length <= terms.length; k++) {
        var all = words.every(function (word, j) { return names(index.text, terms[k + j], word); });
        if (all) return true;
      }
      return false;
    });
  }

  function search(index, query) {
    var o = index.orgs;
    var police = o.police;
    var asked = asksForEnforcement(index, query.terms);
    var always = {};
    index.always.forEach(function (i) { always[i] = true; });
    var hay = o.hay, services = o.services, populations = o.populations;
    var languages = o.languages, area = o.area;
    var service = position(index.services, query.service);
    var population = position(index.populations, query.population);
    var language = position(index.languages, query.language);
    var everyone = position(index.populations, "everyone");
    var interpreters = position(index.services, "interpretation");
    var hits = query.terms.map(function (text) {
      var t = term(index.text, text);
      var svc = index.services.map(function (s) { return matches(t, s[2]); });
      var lang = index.languages.map(function (l) { return matches(t, l[2]); });
      return { term: t, svc: svc, anySvc: svc.indexOf(true) !== -1,
               lang: lang, anyLang: lang.indexOf(true) !== -1 };
    });
    var enforcement = {}, help = {}; // positions by how many broad matches they have
    orgs: for (var i = 0; i < hay.length; i++) {
      if (always[i]) continue;
      var broad = 0;
      if (query.state !== null) {
        if (area[i] === null) broad += 1;
        else if (area[i].indexOf(query.state) === -1) continue;
      }
      if (service >= 0 && services[i].indexOf(service) === -1) continue;
      if (population >= 0 && populations[i].indexOf(population) === -1) {
        if (populations[i].indexOf(everyone) !== -1) broad += 1;
        else continue;
      }
      if (language >= 0 && languages[i].indexOf(language) === -1) {
        if (services[i].indexOf(interpreters) !== -1) broad += 1;
        else continue;
      }
      for (var k = 0; k < hits.length; k++) {
        var hit = hits[k];
        if (matches(hit.term, hay[i])) continue;
        if (hit.anySvc && someIn(services[i], hit.svc)) continue;
        if (hit.anyLang && someIn(languages[i], hit.lang)) continue;
        if (hit.anyLang && services[i].indexOf(interpreters) !== -1) {
          broad += 1;
          continue;
        }
        continue orgs;
      }
      var groups = police[i] ? enforcement : help;
      (groups[broad] = groups[broad] || []).push(i);
    }
    var order = function (groups) {
      return Object.keys(groups).map(Number).sort(function (a, b) { return a - b; })
        .reduce(function (all, broad) { return all.concat(groups[broad]); }, []);
    };
    var named = order(enforcement);
    return (asked ? named : []).concat(index.always, order(help), asked ? [] : named);
  }

  function othersFound(index, order) {
    return order.some(function (i) { return index.always.indexOf(i) === -1; });
  }

  var api = {
    normalize: normalize,
    parse: parse,
    search: search,
    /* parse + search, answering with organization ids (what the tests compare). */
    run: function (index, params) {
      var query = parse(index, params);
      var order = search(index, query);
      return { ids: order.map(function (i) { return index.orgs.id[i]; }), terms: query.terms,
               pages: pages(index, query).map(function (i) { return index.pages[i][0]; }),
               truncated: query.truncated, noTerms: query.noTerms, q: query.q,
               state: query.state, service: query.service, population: query.population,
               language: query.language, page: query.page, others: othersFound(index, order) };
    },
    index: null
  };
  window.GuideDirectory = api;

  /* -- The page ---------------------------------------------------------------------------- */
  var root = document.getElementById("directory");
  if (!root) return;
  var form = root.querySelector("form");
  var input = form.elements.q;
  var status = document.getElementById("directory-status");
  var notes = document.getElementById("directory-notes");
  var list = document.getElementById("directory-results");
  var strings = root.dataset;
  var page = 1;
  var rendered = null;
  var fallback = document.getElementById("directory-fallback");
  var moreWrap = document.getElementById("directory-more-wrap");
  /* The guide as one file carries its index in the page (it has no server to ask). */
  var inline = document.getElementById("directory-index");

  function format(message, values) {
    return message.replace(/%\((\w+)\)s|%%/g, function (match, key) {
      if (!key) return "%";
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* One result's <li>. In the guide as one file the server has rendered every card into the
     list (its index carries only what the search reads): the search moves those. On the site,
     a copy of the card template filled from the index. */
  var card;
  if (inline) {
    var cards = {};
    Array.prototype.forEach.call(list.children, function (li) { cards[li.id] = li; });
    card = function (index, i) { return cards["org-" + index.orgs.id[i]]; };
  } else {
    var template = document.getElementById("directory-card").content.firstElementChild;
    card = function (index, i) { return window.GuideDirectoryCard(index, i, template, strings, format); };
  }

  function formParams() {
    var params = { q: input.value, page: String(page) };
    FILTERS.forEach(function (name) { params[name] = form.elements[name].value; });
    return params;
  }

  /* Pages of the guide the words find, as the server lists them. */
  function showPages(found) {
    var box = document.getElementById("directory-pages");
    if (!box) return;
    var listed = box.querySelector("ul");
    listed.textContent = "";
    found.forEach(function (i) {
      var li = el("li");
      var a = el("a", api.index.pages[i][1]);
      a.href = api.index.pages[i][0];
      li.appendChild(a);
      listed.appendChild(li);
    });
    box.hidden = found.length === 0;
  }

  /* Search with the form's values and show the results; `from` is the first result to focus
     (after "Show more"). */
  function update(from) {
    var index = api.index;
    var query = parse(index, formParams());
    var order = search(index, query);
    page = Math.min(query.page, Math.max(1, Math.ceil(order.length / index.page)));
    var shown = order.slice(0, page * index.page);

    var key = shown.join(",");
    if (key !== rendered) { // typing on often keeps the same results: leave them in place
      var fragment = document.createDocumentFragment();
      shown.forEach(function (i) { fragment.appendChild(card(index, i)); });
      list.textContent = "";
      list.appendChild(fragment);
      rendered = key;
    }

    var more = order.length > shown.length;
    status.textContent = format(strings.found, { num: order.length })
      + (more ? " " + format(strings.showing, { num: shown.length }) : "");
    notes.querySelector('[data-note="truncated"]').hidden = !query.truncated;
    notes.querySelector('[data-note="no-terms"]').hidden = !query.noTerms;
    var others = othersFound(index, order);
    notes.querySelector('[data-note="none"]').hidden = others;
    if (fallback) fallback.hidden = others;
    showPages(pages(index, query));
    moreWrap.hidden = !more;

    if (from !== undefined && list.children[from]) {
      var target = list.children[from];
      target.setAttribute("tabindex", "-1");
      target.focus();
    }
  }

  function enhance(index) {
    api.index = index;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      page = 1;
      update();
    });
    var changed = function () {
      page = 1;
      update();
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    root.addEventListener("click", function (event) {
      var link = event.target.closest("a, button");
      if (!link) return;
      if (link.id === "directory-more") {
        event.preventDefault();
        var from = list.children.length;
        page += 1;
        update(from);
      } else if (link.hasAttribute("data-clear")) {
        event.preventDefault();
        input.value = "";
        FILTERS.forEach(function (name) { form.elements[name].value = ""; });
        page = 1;
        update();
        input.focus();
      }
    });
    update();
    root.setAttribute("data-ready", "");
  }

  if (inline) {
    enhance(JSON.parse(inline.textContent));
    return;
  }
  if (!window.fetch) return;   // an old browser: the form still searches on the server
  /* Twice more after a failure: a worker stopped or restarted under the request (WebKit does
     this to busy workers) fails the fetch once, and offline the server cannot stand in. */
  function load(left) {
    fetch(strings.index, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(enhance, function () {
        if (left > 0) setTimeout(function () { load(left - 1); }, 1000);
        /* else no index: the form still searches on the server */
      });
  }
  load(2);
})();
