/* The outreach kit, as progressive enhancement: the self-check one question per screen with
   its result shown in the page (nothing is sent, stored or put in the address), and the cards'
   print button. Every string is in the page already, rendered and translated by the server. */
(function () {
  "use strict";

  var printButton = document.querySelector("[data-print]");
  if (printButton) {
    printButton.closest("[data-print-wrap]").hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }

  var form = document.getElementById("sc-form");
  var templates = Array.prototype.slice.call(document.querySelectorAll("template[data-sc-result]"));
  if (!form || !templates.length || !("content" in templates[0])) return;

  // Offline, the service worker answers /a/self-check/b/ with the page of language a: add the
  // words of language b from its saved page, each block in its own lang and dir.
  var pair = /^\/([^\/]+)\/self-check\/([^\/]+)\/$/.exec(location.pathname);
  if (pair && !form.querySelector(".sc-text--second")) {
    fetch("/" + pair[2] + "/self-check/").then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(function (html) {
      addSecondLanguage(new DOMParser().parseFromString(html, "text/html"));
      start();
    }).catch(start);
  } else {
    start();
  }

  function inLanguage(element, doc) {
    element.setAttribute("lang", doc.documentElement.getAttribute("lang"));
    element.setAttribute("dir", doc.documentElement.getAttribute("dir") || "ltr");
    return element;
  }

  function addSecondLanguage(doc) {
    var code = doc.documentElement.getAttribute("lang");
    form.querySelectorAll(".sc-q").forEach(function (step) {
      var other = doc.getElementById(step.id);
      if (!other) return;
      var text = inLanguage(document.createElement("span"), doc);
      text.className = "sc-text sc-text--second";
      text.textContent = other.querySelector(".sc-text").textContent;
      step.querySelector("legend").appendChild(text);
      var labels = other.querySelectorAll(".sc-answer > span");
      step.querySelectorAll(".sc-answer > span").forEach(function (span, i) {
        var word = inLanguage(document.createElement("span"), doc);
        word.className = "sc-second";
        word.textContent = labels[i] ? labels[i].textContent.trim() : "";
        span.appendChild(document.createTextNode(" "));
        span.appendChild(word);
      });
    });
    var privacy = doc.querySelector(".sc-privacy");
    var intro = document.querySelector(".sc-privacy");
    if (privacy && intro) intro.parentNode.insertBefore(inLanguage(privacy.cloneNode(true), doc), intro.nextSibling);
    var template = doc.querySelector("template[data-sc-result]");
    if (template) {
      var copy = document.createElement("template");
      copy.setAttribute("data-sc-result", "");
      copy.content.appendChild(document.importNode(template.content, true));
      copy.content.querySelectorAll("[id]").forEach(function (el) { el.id += "-" + code; });
      copy.content.querySelectorAll("[aria-labelledby]").forEach(function (el) {
        el.setAttribute("aria-labelledby", el.getAttribute("aria-labelledby") + "-" + code);
      });
      var block = inLanguage(document.createElement("div"), doc);
      block.setAttribute("data-sc-block", "");
      block.appendChild(copy);
      var last = templates[templates.length - 1];
      last.parentNode.insertBefore(block, last.nextSibling);
      templates.push(copy);
    }
  }

  function start() {
  var steps = Array.prototype.slice.call(form.querySelectorAll(".sc-q"));
  var back = form.querySelector("[data-back]");
  var next = form.querySelector("[data-next]");
  var submit = form.querySelector("[data-submit]");
  var intro = document.querySelectorAll("[data-sc-intro]");
  var current = 0;
  var results = [];

  function show(index, focus) {
    current = Math.max(0, Math.min(index, steps.length - 1));
    steps.forEach(function (step, i) { step.hidden = i !== current; });
    back.hidden = current === 0;
    next.hidden = current === steps.length - 1;
    submit.hidden = current !== steps.length - 1;
    if (focus) {
      var step = steps[current];
      (step.querySelector("input:checked") || step.querySelector("input")).focus({ preventScroll: true });
      form.scrollIntoView({ block: "start" });
    }
  }

  function answeredYes() {
    return steps.filter(function (step) {
      return step.querySelector('input[value="yes"]:checked');
    }).map(function (step) { return step.id.replace(/^sc-q-/, ""); });
  }

  // Keep from the full result only what the answers call for (the same rule as
  // webapp/outreach/selfcheck.py applies on the server).
  function fill(template, yes) {
    var node = template.content.querySelector(".sc-result").cloneNode(true);
    var said = function (id) { return yes.indexOf(id) !== -1; };
    node.querySelectorAll("[data-sign]").forEach(function (item) {
      if (!said(item.getAttribute("data-sign"))) item.remove();
    });
    node.querySelectorAll("[data-for]").forEach(function (box) {
      if (!box.getAttribute("data-for").split(" ").some(said)) box.remove();
    });
    var any = false;
    ["trafficking", "labor"].forEach(function (kind) {
      var section = node.querySelector('[data-section="' + kind + '"]');
      if (section && !section.querySelector("[data-sign]")) section.remove();
      else if (section) any = true;
    });
    if (any) node.querySelector('[data-section="none"]').remove();
    node.querySelectorAll("[data-restart]").forEach(function (link) {
      link.addEventListener("click", function (event) { event.preventDefault(); restart(); });
    });
    return node;
  }

  function clearResults() {
    results.forEach(function (node) { node.remove(); });
    results = [];
  }

  function showResult() {
    var yes = answeredYes();
    clearResults();
    var anchor = form;
    templates.forEach(function (template) {
      var node = fill(template, yes);
      var wrap = template.parentNode.hasAttribute("data-sc-block") ? template.parentNode.cloneNode(false) : null;
      if (wrap) { wrap.appendChild(node); node = wrap; }
      anchor.parentNode.insertBefore(node, anchor.nextSibling);
      anchor = node;
      results.push(node);
    });
    form.hidden = true;
    intro.forEach(function (el) { el.hidden = true; });
    var first = results[0].querySelector(".sc-result") || results[0];
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: "start" });
  }

  function restart() {
    clearResults();
    form.reset();
    form.hidden = false;
    intro.forEach(function (el) { el.hidden = false; });
    show(0, true);
  }

  form.classList.add("sc-form--stepped");
  show(0, false);
  back.addEventListener("click", function () { show(current - 1, true); });
  next.addEventListener("click", function () { show(current + 1, true); });
  // A tap on Yes or No moves on to the next question. Keys do not (arrow keys move within a
  // radio group and also "click" it): the keyboard reader moves on with Next.
  var byKeyboard = false;
  form.addEventListener("keydown", function () { byKeyboard = true; });
  form.addEventListener("pointerdown", function () { byKeyboard = false; });
  form.addEventListener("click", function (event) {
    var input = event.target;
    if (byKeyboard || !input.matches || !input.matches("input[type=radio]")) return;
    if (current < steps.length - 1) show(current + 1, true);
    else submit.focus();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    showResult();
  });
  // Leaving the page (the quick exit, a link, closing the tab) takes the answers with it, so
  // Back or the back-forward cache cannot bring them back.
  window.addEventListener("pagehide", function () {
    clearResults();
    form.reset();
  });
  }
})();
