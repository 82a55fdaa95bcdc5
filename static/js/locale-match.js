/* The language rule of webapp/locales.py (match_tag and negotiate), for the browser. The data
   (codes, aliases, listed locales, default) is generated from the Python registry; this file is
   the only browser copy of the rule: the chooser bundles it and the service worker inlines it. */
function matchLocale(rule, tags, among) {
  "use strict";
  var lower = {};
  rule.codes.forEach(function (code) { lower[code.toLowerCase()] = code; });
  function matchTag(tag) {
    tag = String(tag || "").trim().replace(/_/g, "-").toLowerCase();
    if (!tag || tag === "*") return null;
    if (lower[tag]) return lower[tag];
    var parts = tag.split("-");
    for (var n = parts.length; n > 0; n--) {
      var prefix = parts.slice(0, n).join("-");
      var alias = rule.aliases[prefix];
      if (alias && lower[alias.toLowerCase()]) return lower[alias.toLowerCase()];
      if (lower[prefix]) return lower[prefix];
    }
    return null;
  }
  var allowed = among || rule.listed;
  for (var i = 0; i < tags.length; i++) {
    var code = matchTag(tags[i]);
    if (code && rule.listed.indexOf(code) !== -1 && allowed.indexOf(code) !== -1) return code;
  }
  return null;
}
