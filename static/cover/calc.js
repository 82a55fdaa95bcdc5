/* A working immediate-execution calculator. Typing the return code followed by "=" clears the
   flags this tab keeps after a quick exit and goes back to the start page. Opened as the
   installed calculator app (its start address carries a marker), it records that for the
   window, so the pages opened from it keep its neutral title. The code, the flags and the
   marker are the quick exit's settings (webapp/components/quick_exit), in data-config. In the
   guide as one file the calculator is in the page (config.inline): the code shows the guide
   again where the reader left it, and the keys work only while the calculator is shown. */
(function () {
  "use strict";
  var root = document.querySelector(".calc");
  var display = document.getElementById("display");
  var config = JSON.parse(root.getAttribute("data-config"));
  var code = config.code;
  var mode = config.flag;
  if (root.hasAttribute("data-app")) {
    var marker = new RegExp("[?&]" + config.appMarker + "(=|&|$)");
    var standalone = window.matchMedia && window.matchMedia("(display-mode: standalone)").matches;
    if (marker.test(location.search) || standalone) {
      try { sessionStorage.setItem(config.appFlag, location.pathname); } catch (e) {}
    }
  }
  var current = "0", stored = null, op = null, fresh = true, typed = "";

  function show(value) { display.textContent = value; }
  function num(text) { return parseFloat(text); }
  function format(n) {
    if (!isFinite(n)) return "Error";
    var s = String(parseFloat(n.toPrecision(12)));
    return s.length > 14 ? n.toExponential(8) : s;
  }
  function apply(a, b, o) {
    if (o === "+") return a + b;
    if (o === "-") return a - b;
    if (o === "*") return a * b;
    if (o === "/") return a / b;
    return b;
  }
  function goBack() {
    try { sessionStorage.removeItem(mode); localStorage.removeItem(mode); } catch (e) {}
    if (config.inline) {
      document.documentElement.classList.remove(config.inline);
      press("C");   // nothing typed stays on the display for the next exit
      return;
    }
    location.replace("/");
  }
  function press(k) {
    if (/^[0-9]$/.test(k)) {
      typed = (typed + k).slice(-12);
      current = fresh || current === "0" ? k : (current + k).slice(0, 15);
      fresh = false;
    } else if (k === ".") {
      if (fresh) { current = "0."; fresh = false; } else if (current.indexOf(".") < 0) current += ".";
    } else if (k === "C") {
      current = "0"; stored = null; op = null; fresh = true; typed = "";
    } else if (k === "±") {
      current = format(-num(current));
    } else if (k === "%") {
      current = format(num(current) / 100);
    } else if (k === "=") {
      if (code && typed === code) { goBack(); return; }
      if (op !== null) { current = format(apply(stored, num(current), op)); stored = null; op = null; }
      fresh = true; typed = "";
    } else {
      if (op !== null && !fresh) current = format(apply(stored, num(current), op));
      stored = num(current); op = k; fresh = true; typed = "";
    }
    show(current);
  }
  root.addEventListener("click", function (e) {
    var b = e.target.closest("button[data-k]");
    if (b) press(b.getAttribute("data-k"));
  });
  document.addEventListener("keydown", function (e) {
    if (!root.getClientRects().length) return;   // the file's calculator, while the guide shows
    var map = { Enter: "=", Escape: "C", Backspace: "C", "x": "*", "X": "*" };
    var k = map[e.key] || e.key;
    if (/^[0-9.+\-*/=%]$/.test(k) || k === "C") { e.preventDefault(); press(k); }
  });
})();
