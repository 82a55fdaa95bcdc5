/* The guide as one file (webapp/file/): its pages are sections of one document, shown one at
   a time like the site's pages. A link to a section, or to something inside one, shows that
   section; Back and Forward move between the sections read, as between pages. The address
   never names a section: history entries carry it in their state, not in the URL, so the
   browser's history shows only the file's neutral name. After a quick exit (the class named
   by the quick exit's config.inline on <html>), Back and Forward show nothing of the guide.
   Without this script every section shows, one after the other, and links jump within it; the
   "Need help now?" box, under each section with this script, ends the guide. */
(function () {
  "use strict";

  var sections = Array.prototype.slice.call(document.querySelectorAll("[data-file-section]"));
  if (!sections.length || !history.pushState || !Element.prototype.closest) return;
  /* "Need help now?", once in the file: under each section but those that show the hotline's
     buttons at their top, as under the site's pages. */
  var help = document.querySelector("[data-file-help]");
  var bar = document.getElementById("quick-exit");
  var exitClass = bar ? JSON.parse(bar.getAttribute("data-config")).inline : null;
  var root = document.documentElement;
  var here = location.pathname + location.search;

  function exited() {
    return !!exitClass && root.classList.contains(exitClass);
  }

  function target(id) {
    var node = null;
    try { node = id ? document.getElementById(id) : null; } catch (e) { /* a malformed id */ }
    return node && node.closest("[data-file-section]") ? node : null;
  }

  /* Show the section holding `node` (the first section for none): scrolled to its top when
     the node is the section, else to the node, with a folded answer around it opened. */
  function show(node, moved) {
    var section = node ? node.closest("[data-file-section]") : sections[0];
    sections.forEach(function (s) { s.hidden = s !== section; });
    if (help) help.hidden = section.hasAttribute("data-shows-hotline");
    if (!moved) return;
    var details = node && node !== section ? node.closest("details") : null;
    if (details) details.open = true;
    var heading = section.querySelector("h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
    if (node && node !== section) node.scrollIntoView();
    else window.scrollTo(0, 0);
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (!link) return;
    var node = target(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (!node) return;   // the skip link and the like: the browser's own jump
    event.preventDefault();
    history.pushState({ section: node.id }, "", here);
    show(node, true);
  });

  window.addEventListener("popstate", function (event) {
    if (exited()) return;
    show(target(event.state && event.state.section), true);
  });

  // A link into the file (file.html#s-rights) opens that section; the address drops its name.
  var first = target(location.hash.slice(1)) || target(history.state && history.state.section);
  if (location.hash) history.replaceState({ section: first ? first.id : null }, "", here);
  show(first, !!first);
})();
