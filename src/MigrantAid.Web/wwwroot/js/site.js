// Progressive enhancement only: every form works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // The language selector submits on change; its button stays for users without JavaScript.
  for (const select of document.querySelectorAll("select[data-auto-submit]")) {
    select.addEventListener("change", () => select.form.requestSubmit());
  }
  // Buttons that need a second thought ask for it.
  for (const button of document.querySelectorAll("[data-confirm]")) {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  }
});
