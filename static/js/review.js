// Keyboard operation of the review queue: j/k move, v verify, r reject, e edit.
(function () {
  "use strict";
  const queue = document.getElementById("review-queue");
  if (!queue) return;
  const items = () => Array.from(queue.querySelectorAll(".queue-item"));
  const current = () => document.activeElement && document.activeElement.closest(".queue-item");
  function move(step) {
    const all = items();
    if (!all.length) return;
    const at = all.indexOf(current());
    const next = all[Math.min(all.length - 1, Math.max(0, at + step))] || all[0];
    next.focus();
    next.scrollIntoView({ block: "nearest" });
  }
  function press(item, selector) {
    const control = item && item.querySelector(selector);
    if (control) control.click();
  }
  document.addEventListener("keydown", function (event) {
    const tag = (event.target.tagName || "").toLowerCase();
    if (["input", "select", "textarea"].includes(tag) || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const item = current();
    switch (event.key) {
      case "j": case "ArrowDown": move(item ? 1 : 0); break;
      case "k": case "ArrowUp": move(-1); break;
      case "v": press(item, "input[value=verified] ~ button, form:has(input[value=verified]) button"); break;
      case "r": press(item, "form:has(input[value=rejected]) button"); break;
      case "e": press(item, ".fact-actions a.action"); break;
      default: return;
    }
    event.preventDefault();
  });
  // keep focus on the item after htmx swaps its row
  document.body.addEventListener("htmx:afterSwap", function (event) {
    const item = event.target.closest && event.target.closest(".queue-item");
    if (item && !item.querySelector("form.inline-edit")) item.focus();
    const field = item && item.querySelector("form.inline-edit select, form.inline-edit input:not([type=hidden])");
    if (field) field.focus();
  });
})();
