/* Find services, in the browser: the directory's search index for this language (saved by the
   service worker, so this works offline) searched per keystroke, with results rendered like the
   server's. What the reader types never leaves the page: not in the address, the history, a
   request or storage. Without this file the same form is POSTed to the server. The search is the specification in webapp/directory/search.py, implemented a
   second time; tests compare the two on the same index and inputs.
   Every user-facing string comes from the data-* attributes of #directory (translated). */
(function () {
  "use strict";

  var MARKS, NON_WORD;
  try {
    MARKS = new RegExp("\\p{M}+", "gu");
    NON_WORD = new RegExp("[^\\p{L}\\p{N}]+", "gu");
  } catch (e) {
    return; // an old browser: the form still searches on the server
  }
  if (!String.prototype.normalize || !Array.from || !window.fetch) return;

  var FILTERS = ["state", "service", "population", "language"];
  var PAGE = /^[1-9][0-9]{0,3}$/;

  /* -- The specification (see search.py) ---------------------------------------------------- */
  function normalize(text) {
    return String(text).normalize("NFKD").toLowerCase().normalize("NFKD")
      .replace(MARKS, "").replace(/ς/g, "σ").replace(NON_WORD, " ").trim();
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
    var norm = normalize(q);
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
    var found = [];
    index.pages.forEach(function (page, i) {
      if (query.terms.every(function (t) { return page[2].indexOf(t) !== -1; })) found.push(i);
    });
    return found;
  }

  function asksForEnforcement(index, terms) {
    return terms.some(function (term) {
      return index.intent.some(function (word) {
        return term === word || (Array.from(term).length >= 4 && word.indexOf(term) === 0);
      });
    });
  }

  function search(index, query) {
    var o = index.orgs;
    var police = o.police;
    var policeGroup = asksForEnforcement(index, query.terms) ? 0 : 1;
    var hay = o.hay, services = o.services, populations = o.populations;
    var languages = o.languages, area = o.area;
    var service = position(index.services, query.service);
    var population = position(index.populations, query.population);
    var language = position(index.languages, query.language);
    var everyone = position(index.populations, "everyone");
    var interpreters = position(index.services, "interpretation");
    var hits = query.terms.map(function (term) {
      var svc = index.services.map(function (s) { return s[2].indexOf(term) !== -1; });
      var lang = index.languages.map(function (l) { return l[2].indexOf(term) !== -1; });
      return { term: term, svc: svc, anySvc: svc.indexOf(true) !== -1,
               lang: lang, anyLang: lang.indexOf(true) !== -1 };
    });
    var tiers = [[], [], [], [], [], [], [], []]; // (enforcement group, broad matches)
    orgs: for (var i = 0; i < hay.length; i++) {
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
        if (hay[i].indexOf(hit.term) !== -1) continue;
        if (hit.anySvc && someIn(services[i], hit.svc)) continue;
        if (hit.anyLang && someIn(languages[i], hit.lang)) continue;
        continue orgs;
      }
      var group = police[i] ? policeGroup : 1 - policeGroup;
      tiers[4 * group + broad].push(i);
    }
    return [].concat.apply([], tiers);
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
               language: query.language, page: query.page };
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

  function format(template, values) {
    return template.replace(/%\((\w+)\)s|%%/g, function (match, key) {
      if (!key) return "%";
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function icon(name) {
    // The page carries each icon once, inline (no sprite request); results get copies.
    var source = document.querySelector('#directory-icons [data-icon="' + name + '"] svg');
    return source ? source.cloneNode(true) : document.createElement("span");
  }

  function ltr(text) {
    var bdi = el("bdi", null, text);
    bdi.setAttribute("dir", "ltr");
    return bdi;
  }

  function external(link) {
    link.setAttribute("rel", "noopener noreferrer");
    link.setAttribute("data-external", "");
    return link;
  }

  function fact(dl, term, value) {
    dl.appendChild(el("dt", null, term));
    var dd = el("dd");
    if (typeof value === "string") dd.textContent = value;
    else dd.appendChild(value);
    dl.appendChild(dd);
    return dd;
  }

  /* One result, as the server's org_card macro renders it: a compact card, its details in a
     <details> (tests/directory/test_browser.py compares the two). */
  function card(index, i) {
    var o = index.orgs;
    var sep = index.sep;
    var police = o.police[i] === 1;
    var li = el("li", "card org" + (police ? " helpline--police" : ""));
    li.id = "org-" + o.id[i];
    li.appendChild(el("h3", null, o.name[i]));
    o.badges[i].forEach(function (b) {
      var badge = index.badges[b];
      li.appendChild(el("p", badge[1] ? "badge badge--police" : "badge badge--safe", badge[2]));
    });
    li.appendChild(el("p", null, o.desc[i]));

    var actions = el("div", "actions");
    var phones = o.phones[i];
    var voice = phones.filter(function (p) { return p[2] === "voice"; })[0];
    if (voice) {
      var call = el("a", "button button--call");
      call.href = "tel:" + voice[0];
      call.appendChild(icon("phone"));
      var label = el("span", null, strings.call + " ");
      label.appendChild(ltr(voice[1]));
      if (voice[3]) {
        var vanity = el("span", "vanity", "(");
        vanity.appendChild(ltr(voice[3]));
        vanity.appendChild(document.createTextNode(")"));
        label.appendChild(document.createTextNode(" "));
        label.appendChild(vanity);
      }
      call.appendChild(label);
      actions.appendChild(call);
    }
    var text = o.text[i];
    if (text) {
      var sms = el("a", "button button--text");
      sms.href = "sms:" + text[0] + (text[2] ? "?body=" + text[2] : "");
      sms.appendChild(icon("message"));
      sms.appendChild(el("span", null, text[2]
        ? format(strings.textKeyword, { keyword: text[2], number: text[1] })
        : format(strings.text, { number: text[1] })));
      actions.appendChild(sms);
    }
    if (o.chat[i]) {
      var chat = external(el("a", "button button--chat"));
      chat.href = o.chat[i];
      chat.appendChild(icon("chat"));
      var chatLabel = el("span");
      chatLabel.appendChild(el("span", null, strings.chat));
      chatLabel.appendChild(document.createTextNode(" "));
      chatLabel.appendChild(el("span", "needs-internet", strings.needsInternet));
      chat.appendChild(chatLabel);
      actions.appendChild(chat);
    }
    li.appendChild(actions);

    var dl = el("dl", "facts");
    phones.forEach(function (p) {
      if (p[2] === "voice") return;
      var tel = el("a", "tel");
      tel.href = "tel:" + p[0];
      tel.appendChild(ltr(p[1]));
      fact(dl, strings["kind" + p[2].charAt(0).toUpperCase() + p[2].slice(1)], tel);
    });
    if (o.email[i]) {
      var mail = el("a");
      mail.href = "mailto:" + o.email[i];
      mail.appendChild(ltr(o.email[i]));
      fact(dl, strings.email, mail);
    }
    if (o.hours[i]) fact(dl, strings.hours, o.hours[i]);
    var labels = function (vocab, positions) {
      return positions.map(function (p) { return vocab[p][1]; }).join(sep);
    };
    fact(dl, strings.services, labels(index.services, o.services[i]));
    fact(dl, strings.populations, labels(index.populations, o.populations[i]));
    fact(dl, strings.languages, labels(index.languages, o.languages[i])).setAttribute("data-i18n", "babel");
    var states = {};
    index.states.forEach(function (s) { states[s[0]] = s[1]; });
    fact(dl, strings.area, o.area[i] === null ? strings.national
      : o.area[i].map(function (code) { return states[code]; }).join(sep));
    var details = el("details", "more");
    var summary = el("summary");
    summary.appendChild(el("span", null, strings.details));
    summary.appendChild(el("span", "visually-hidden", ": " + o.name[i]));
    details.appendChild(summary);
    details.appendChild(dl);

    var source = el("p", "source");
    if (o.web[i]) {
      var web = external(el("a", null, strings.website));
      web.href = o.web[i];
      source.appendChild(web);
      source.appendChild(document.createTextNode(" "));
      source.appendChild(el("span", "needs-internet", strings.needsInternet));
      source.appendChild(document.createTextNode(" · "));
    }
    source.appendChild(document.createTextNode(format(strings.checked, { date: index.dates[o.checked[i]] })));
    details.appendChild(source);
    li.appendChild(details);
    return li;
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
      var a = el("a", null, api.index.pages[i][1]);
      a.href = api.index.pages[i][0];
      li.appendChild(a);
      listed.appendChild(li);
    });
    box.hidden = found.length === 0;
  }

  function moreButton(more) {
    var wrap = document.getElementById("directory-more-wrap");
    if (!more) {
      if (wrap) wrap.parentNode.removeChild(wrap);
      return;
    }
    if (!wrap) {
      wrap = el("p");
      wrap.id = "directory-more-wrap";
      var button = el("button", "button button--text", strings.more);
      button.id = "directory-more";
      button.type = "button";
      wrap.appendChild(button);
      list.parentNode.insertBefore(wrap, list.nextSibling);
    }
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
    notes.textContent = "";
    if (query.truncated) notes.appendChild(el("p", "note", format(strings.truncated, { num: index.max })));
    if (query.noTerms) notes.appendChild(el("p", "note", strings.noTerms));
    if (!shown.length) notes.appendChild(el("p", "note", strings.none));
    if (fallback) fallback.hidden = shown.length > 0;
    showPages(pages(index, query));
    moreButton(more);

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

  fetch(strings.index, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(enhance)
    .catch(function () { /* no index: the form still searches on the server */ });
})();
