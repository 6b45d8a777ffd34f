// sayso web: progressive enhancement only — every page works without it.
// Clicking a highlighted attribution marks its entry in the list and
// moves the keyboard focus there.
"use strict";
document.addEventListener("click", function (ev) {
  var el = ev.target.closest ? ev.target.closest("a.att") : null;
  if (!el) { return; }
  var item = document.getElementById("att-" + el.getAttribute("data-att"));
  if (!item) { return; }
  document.querySelectorAll(".attr-item.active").forEach(function (x) { x.classList.remove("active"); });
  item.classList.add("active");
  item.focus();
});
