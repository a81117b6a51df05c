// Progressive enhancement only: every form works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // The language selector submits on change; its button stays for users without JavaScript.
  for (const select of document.querySelectorAll("select[data-auto-submit]")) {
    select.addEventListener("change", () => select.form.requestSubmit());
  }
  // A removal (or any form whose button or form carries data-confirm) asks first, in the page's own
  // <dialog>: keyboard and screen-reader friendly, unlike window.confirm. Without JavaScript the form
  // simply submits.
  const dialog = document.getElementById("confirm-dialog");
  if (dialog) {
    const message = document.getElementById("confirm-dialog-message");
    let pending = null;
    document.addEventListener("submit", (event) => {
      const form = event.target;
      const submitter = event.submitter;
      const text = (submitter && submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
      if (!text) {
        return;
      }
      if (form.dataset.confirmed === "true") {
        delete form.dataset.confirmed;
        return;
      }
      event.preventDefault();
      pending = { form, submitter };
      message.textContent = text;
      dialog.returnValue = "";
      dialog.showModal();
    });
    dialog.addEventListener("close", () => {
      const chosen = dialog.returnValue === "confirm" ? pending : null;
      pending = null;
      if (chosen) {
        chosen.form.dataset.confirmed = "true";
        chosen.form.requestSubmit(chosen.submitter || undefined);
      }
    });
  }
  // A print button (the browser's own print command works too, without JavaScript).
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.print());
  }
  // A file over the size limit is refused at its field before minutes of uploading end in an error page.
  for (const input of document.querySelectorAll("input[type=file][data-max-bytes]")) {
    input.form.addEventListener("submit", (event) => {
      const max = Number(input.getAttribute("data-max-bytes"));
      const file = input.files && input.files[0];
      if (file && file.size > max) {
        event.preventDefault();
        input.classList.add("is-invalid");
        const message = document.getElementById(input.id + "-error");
        if (message) {
          message.textContent = input.getAttribute("data-too-large");
        }
        input.focus();
      }
    });
  }
});
