/* Find services on the site: each result is a copy of the page's <template id="directory-card">,
   which the server renders with its own card macro (services.html), so the two renderings of a
   card cannot drift: this file only fills in text and attributes from the index, and holds no
   markup. directory.js calls it for each result it shows. The guide as one file
   (webapp/file/) has every card in the page already and leaves this file out. */
(function () {
  "use strict";

  function remove(node) {
    if (node) node.parentNode.removeChild(node);
  }

  /* A <dt data-row> of the card's facts and its <dd>. */
  function row(card, name) {
    var dt = card.querySelector('[data-row="' + name + '"]');
    return dt && [dt, dt.nextElementSibling];
  }

  /* A phone link (or the element holding it) and its number, with its letters form or none. */
  function tel(node, phone) {
    var link = node.tagName === "A" ? node : node.querySelector("a");
    link.href = "tel:" + phone[0];
    link.querySelector("bdi").textContent = phone[1];
    var vanity = node.querySelector(".vanity");
    if (phone[3]) vanity.querySelector("bdi").textContent = phone[3];
    else remove(vanity);
  }

  /* "example.org/page" for "https://www.example.org/page/", as the server's source_label. */
  function sourceLabel(url) {
    var label = url.split("://").slice(1).join("://") || url;
    return (label.indexOf("www.") === 0 ? label.slice(4) : label).replace(/\/+$/, "");
  }

  /* One result: a copy of the server's card, filled from the index. The template has every
     optional part (one badge of each kind, one row per kind of other phone): parts this
     result lacks are removed, patterns it has several of are copied. */
  function card(index, i, template, strings, format) {
    var o = index.orgs;
    var sep = index.sep;
    var li = template.cloneNode(true);
    li.id = "org-" + o.id[i];
    if (o.police[i] === 1) li.classList.add("helpline--police");
    li.querySelector("h3").textContent = o.name[i];
    li.querySelector("summary .visually-hidden").textContent += o.name[i];

    var kinds = { 1: li.querySelector(".badge--police"), 0: li.querySelector(".badge--safe") };
    o.badges[i].forEach(function (b) {
      var badge = kinds[index.badges[b][1]].cloneNode(true);
      badge.textContent = index.badges[b][2];
      kinds[0].parentNode.insertBefore(badge, kinds[1]);
    });
    remove(kinds[0]);
    remove(kinds[1]);
    li.querySelector("p:not(.badge)").textContent = o.desc[i];

    var phones = o.phones[i];
    var voice = phones.filter(function (p) { return p[2] === "voice"; })[0];
    var call = li.querySelector(".button--call");
    if (voice) tel(call, voice);
    else remove(call);
    var text = o.text[i];
    var sms = li.querySelector(".button--text");
    if (text) {
      sms.href = "sms:" + text[0] + (text[2] ? "?body=" + text[2] : "");
      var words = sms.querySelector("span");
      words.textContent = text[2]
        ? format(strings.textKeyword, { keyword: text[2], number: text[1] })
        : format(strings.text, { number: text[1] });
      words.setAttribute("data-listen-number", text[1]);   // said digit by digit (Listen)
    } else remove(sms);
    var chat = li.querySelector(".button--chat");
    if (o.chat[i]) chat.href = o.chat[i];
    else remove(chat);

    var dl = li.querySelector(".facts");
    var patterns = {};
    ["tty", "video", "abroad"].forEach(function (kind) {
      patterns[kind] = row(li, kind);
      patterns[kind].forEach(remove);
    });
    var email = row(li, "email");
    phones.forEach(function (p) {
      if (p[2] === "voice") return;
      patterns[p[2]].forEach(function (part) {
        var copy = part.cloneNode(true);
        if (copy.tagName === "DD") tel(copy, p);
        dl.insertBefore(copy, email[0]);
      });
    });
    if (o.email[i]) {
      var mail = email[1].querySelector("a");
      mail.href = "mailto:" + o.email[i];
      mail.querySelector("bdi").textContent = o.email[i];
    } else email.forEach(remove);
    var hours = row(li, "hours");
    if (o.hours[i]) hours[1].textContent = o.hours[i];
    else hours.forEach(remove);
    var labels = function (vocab, positions) {
      return positions.map(function (p) { return vocab[p][1]; }).join(sep);
    };
    row(li, "services")[1].textContent = labels(index.services, o.services[i]);
    row(li, "populations")[1].textContent = labels(index.populations, o.populations[i]);
    var langs = row(li, "languages")[1];
    langs.firstElementChild.textContent = labels(index.languages, o.languages[i]);
    if (o.langnote[i] !== null) {
      langs.querySelector('[data-part="note"]').textContent = index.langnotes[o.langnote[i]];
    } else {
      remove(langs.querySelector("br"));
      remove(langs.querySelector('[data-part="note"]'));
    }
    var confidential = o.badges[i].some(function (b) { return index.badges[b][0] === "confidential"; });
    remove(row(li, "confidential")[1].querySelector(confidential ? '[data-value="no"]' : '[data-value="yes"]'));
    if (o.area[i] !== null) { // else the template's "Anywhere in the U.S."
      var states = {};
      index.states.forEach(function (s) { states[s[0]] = s[1]; });
      row(li, "area")[1].textContent = o.area[i].map(function (code) { return states[code]; }).join(sep);
    }

    var source = li.querySelector(".source");
    var checked = source.lastElementChild;
    if (o.web[i]) source.querySelector("a").href = o.web[i];
    else while (source.firstChild !== checked) source.removeChild(source.firstChild);
    checked.firstChild.nodeValue = format(checked.firstChild.nodeValue, { date: index.dates[o.checked[i]] });
    var link = checked.querySelector("a");
    var url = index.sources[o.source[i]];
    link.href = url;
    link.querySelector("bdi").textContent = sourceLabel(url);
    return li;
  }

  /* card(index, i, template, strings, format): strings are #directory's data-* messages,
     format fills in their %(name)s placeholders. */
  window.GuideDirectoryCard = card;
})();
