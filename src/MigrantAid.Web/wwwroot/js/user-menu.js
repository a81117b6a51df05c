// Progressive enhancement of the user menu (a <details> that works without this file):
// Escape closes it and gives the focus back to its button; a click elsewhere closes it.
document.addEventListener("DOMContentLoaded", () => {
  for (const menu of document.querySelectorAll("details.user-menu")) {
    menu.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", (event) => {
      if (menu.open && !menu.contains(event.target)) {
        menu.open = false;
      }
    });
  }
});
