/* The guide as one file (webapp/file/): what only JavaScript uses (the search, its index, the
   self-check's script and its result's template) travels packed, a third of its size for MMS
   and slow Bluetooth: #file-packed holds it as base64 of deflate (zlib) data, JSON of
   { fill: { id: the content of that element }, run: [ scripts, in order ] }, each element
   being empty in the file (the search's form, its index, the self-check's result template). This unpacks it
   with the browser's DecompressionStream and nothing else: no request, and the scripts it runs
   are allowed by their hashes in the file's policy. The quick exit, the calculator and the
   sections' script are not packed, so they work in any browser. Where a browser cannot unpack
   it, the file shows what it shows without JavaScript (the <noscript> parts: the controls only
   a script can make work hidden, what each self-check answer means). Old browsers must parse
   this file: ES5 only. */
(function () {
  "use strict";

  var packed = document.getElementById("file-packed");
  if (!packed) return;

  function withoutScript() {
    var hidden = document.querySelectorAll("noscript");
    for (var i = 0; i < hidden.length; i++) hidden[i].insertAdjacentHTML("afterend", hidden[i].textContent);
  }

  function unpacked(text) {
    var parts = JSON.parse(text);
    Object.keys(parts.fill).forEach(function (id) {
      var element = document.getElementById(id);
      if (element.tagName === "SCRIPT") element.textContent = parts.fill[id];   // data
      else element.innerHTML = parts.fill[id];    // markup (of a <template>: its content)
    });
    parts.run.forEach(function (code) {
      var script = document.createElement("script");
      script.textContent = code;
      document.body.appendChild(script);
    });
  }

  try {
    var base64 = atob(packed.textContent);
    var bytes = new Uint8Array(base64.length);
    for (var i = 0; i < base64.length; i++) bytes[i] = base64.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new window.DecompressionStream("deflate"));
    new Response(stream).text().then(unpacked).then(null, withoutScript);
  } catch (e) {
    withoutScript();   // no DecompressionStream, Blob streams or Promises: an older browser
  }
})();
