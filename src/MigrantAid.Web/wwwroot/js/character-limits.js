// Progressive enhancement: says, as the user types or pastes, how far a text is over its field's limit.
// Fields carry data-limit (never maxlength, with which browsers cut a paste in silence); the server refuses an
// over-long value with the same message at the field, keeping what was typed.
document.addEventListener("DOMContentLoaded", () => {
  for (const field of document.querySelectorAll("[data-limit]")) {
    const hint = document.querySelector(`[data-limit-for="${CSS.escape(field.id)}"]`);
    if (!hint) {
      continue;
    }
    const limit = Number(field.getAttribute("data-limit"));
    const usual = hint.textContent;
    const check = () => {
      // A form sends each line break as two characters (CR LF), and the server counts them so.
      const length = field.value.replace(/\r?\n/g, "\r\n").length;
      const over = length - limit;
      hint.classList.toggle("text-danger", over > 0);
      hint.textContent = over > 0
        ? hint.getAttribute("data-limit-over").replace("{0}", String(over)).replace("{1}", String(limit))
        : usual;
    };
    field.addEventListener("input", check);
    check();
  }
});
