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
