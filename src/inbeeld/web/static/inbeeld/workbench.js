// Keyboard coding for the workbench (vanilla JS, no framework, nothing loaded from outside).
// The page works without it: the form is pre-filled and the buttons submit.
(function () {
  "use strict";
  var form = document.getElementById("codes");
  if (!form) { return; }
  var vars = Array.prototype.slice.call(form.querySelectorAll("fieldset.var"));
  var current = -1;

  function highlight(name) {
    document.querySelectorAll("mark.ev").forEach(function (mark) {
      var on = (mark.getAttribute("data-ev") || "").split(" ").indexOf(name) >= 0;
      mark.classList.toggle("on", on);
    });
    var first = document.querySelector("mark.ev.on");
    if (first) { first.scrollIntoView({block: "nearest"}); }
  }

  function focusVar(i) {
    if (!vars.length) { return; }
    current = Math.max(0, Math.min(vars.length - 1, i));
    vars.forEach(function (v, j) { v.classList.toggle("focus", j === current); });
    var fs = vars[current];
    fs.focus({preventScroll: true});
    fs.scrollIntoView({block: "nearest"});
    highlight(fs.getAttribute("data-variable"));
  }

  function inputsOf(fs) {
    return Array.prototype.slice.call(fs.querySelectorAll("input[name^='v-']"));
  }

  function touched(fs) { fs.classList.add("touched"); }

  function choose(n) {
    var fs = vars[current];
    if (!fs) { return; }
    var kind = fs.getAttribute("data-kind");
    var boxes = inputsOf(fs).filter(function (el) { return el.type === "radio" || el.type === "checkbox"; });
    if (n === 0) { return unknown(); }
    var target = boxes.filter(function (el) { return el.value !== "unknown"; })[n - 1];
    if (!target) { return; }
    if (kind === "multi") { target.checked = !target.checked; } else { target.checked = true; }
    touched(fs);
  }

  // Variables with ten or more values take two quick digits ("1" then "0" is value 10).
  var pending = null;
  function digit(d) {
    var fs = vars[current];
    var many = fs && fs.querySelectorAll("input[type='checkbox'], input[type='radio']:not([value='unknown'])").length >= 10;
    if (pending !== null) {
      clearTimeout(pending.timer);
      var first = pending.value;
      pending = null;
      return choose(first * 10 + d);
    }
    if (many && d === 1) {
      pending = {value: d, timer: setTimeout(function () { pending = null; choose(d); }, 600)};
      return;
    }
    choose(d);
  }

  function unknown() {
    var fs = vars[current];
    if (!fs) { return; }
    inputsOf(fs).forEach(function (el) {
      if (el.type === "checkbox") { el.checked = false; }
      else if (el.type === "radio") { el.checked = el.value === "unknown"; }
      else { el.value = ""; }
    });
    touched(fs);
  }

  function accept() {
    var fs = vars[current];
    if (!fs) { return; }
    var data = document.getElementById("sug-" + fs.getAttribute("data-variable"));
    if (data) {
      var value = JSON.parse(data.textContent);
      var chosen = Array.isArray(value) ? value.map(String) : [String(value)];
      inputsOf(fs).forEach(function (el) {
        if (el.type === "checkbox" || el.type === "radio") { el.checked = chosen.indexOf(el.value) >= 0; }
        else { el.value = value === "unknown" ? "" : chosen.join(", "); }
      });
    }
    touched(fs);
    focusVar(current + 1);
  }

  function editField() {
    var fs = vars[current];
    if (!fs) { return; }
    var field = fs.querySelector("input[type='number'], input[type='text']");
    if (field) { field.focus(); field.select(); }
  }

  function submit(go) {
    var button = form.querySelector("button[name='go'][value='" + go + "']");
    if (form.requestSubmit) { form.requestSubmit(button); } else { button.click(); }
  }

  vars.forEach(function (fs, i) {
    fs.addEventListener("focusin", function () {
      if (current !== i) { current = i; vars.forEach(function (v, j) { v.classList.toggle("focus", j === i); });
        highlight(fs.getAttribute("data-variable")); }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var t = event.target;
    var typing = t && t.tagName === "INPUT" && (t.type === "text" || t.type === "number");
    if (typing) {
      if (event.key === "Escape" || event.key === "Enter") {
        event.preventDefault();
        touched(vars[current]);
        t.blur();
        focusVar(event.key === "Enter" ? current + 1 : current);
      }
      return;
    }
    if (t && (t.tagName === "TEXTAREA" || t.tagName === "SELECT")) { return; }
    // Enter on a focused button, link or summary keeps its usual meaning
    if (event.key === "Enter" && t && /^(BUTTON|A|SUMMARY)$/.test(t.tagName)) { return; }
    var key = event.key;
    var handled = true;
    if (key === "j" || key === "ArrowDown") { focusVar(current + 1); }
    else if (key === "k" || key === "ArrowUp") { focusVar(current - 1); }
    else if (/^[0-9]$/.test(key)) { digit(parseInt(key, 10)); }
    else if (key === "u") { unknown(); }
    else if (key === "a") { accept(); }
    else if (key === "c" || key === "Enter") { editField(); }
    else if (key === "s") { submit("stay"); }
    else if (key === "n") { submit("next"); }
    else if (key === "x") { window.location.href = document.getElementById("next-link").href; }
    else if (key === "?") { var d = document.getElementById("shortcuts"); d.open = !d.open; }
    else { handled = false; }
    if (handled) { event.preventDefault(); }
  });

  var initial = vars.findIndex(function (v) { return v.classList.contains("focus"); });
  focusVar(initial >= 0 ? initial : 0);
})();
