// Saves the sheet with the reviewer's answers written into it: a file that opens again with
// the answers in place and that `flask translate approve` reads. Answers become attributes and
// text of the copy (escaped by the browser's serializer), never markup.
(function () {
  "use strict";
  var rows = document.querySelectorAll("tr.msg");
  var progress = document.getElementById("progress");

  function count() {
    var done = document.querySelectorAll("tr.msg input[type=radio]:checked").length;
    progress.textContent = done + " of " + rows.length + " marked";
  }

  function snapshot() {
    document.querySelectorAll("input").forEach(function (input) {
      if (input.type === "radio") {
        if (input.checked) input.setAttribute("checked", ""); else input.removeAttribute("checked");
      } else {
        input.setAttribute("value", input.value);
      }
    });
    document.querySelectorAll("textarea").forEach(function (area) { area.textContent = area.value; });
    return "<!DOCTYPE html>\n" + document.documentElement.outerHTML;
  }

  function save() {
    var lang = document.querySelector('meta[name="guide-review-language"]').content;
    var blob = new Blob([snapshot()], { type: "text/html;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "review-" + lang + "-answers.html";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  }

  document.getElementById("save").addEventListener("click", save);
  document.getElementById("print").addEventListener("click", function () { window.print(); });
  document.addEventListener("change", count);
  count();
})();
