// Progressive enhancement of the people filters ([data-people-suggest] around a <select>). Without JavaScript
// the select offers the viewer's office only; here it becomes a text box (an ARIA 1.2 combobox) that asks the
// portal for at most ten people whose name contains what is typed, and puts the chosen person's id into a
// hidden field of the select's name. Keyboard: arrows move through the suggestions, Enter picks, Escape closes.
(() => {
  "use strict";

  const enhance = (box) => {
    const select = box.querySelector("select");
    if (!select) {
      return;
    }

    const listId = `${select.id}-suggestions`;
    const hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = select.name;
    hidden.value = select.value;

    const input = document.createElement("input");
    input.type = "text";
    input.id = select.id;
    input.className = select.classList.contains("is-invalid") ? "form-control is-invalid" : "form-control";
    input.autocomplete = "off";
    input.placeholder = box.dataset.placeholder || "";
    input.value = select.value && select.selectedIndex >= 0 ? select.options[select.selectedIndex].text : "";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    if (select.getAttribute("aria-describedby")) {
      input.setAttribute("aria-describedby", select.getAttribute("aria-describedby"));
    }

    const list = document.createElement("ul");
    list.id = listId;
    list.hidden = true;
    list.className = "list-group position-absolute start-0 end-0 z-3 shadow-sm mx-1";
    list.setAttribute("role", "listbox");
    const label = box.querySelector("label");
    if (label) {
      list.setAttribute("aria-label", label.textContent.trim());
    }

    const status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");

    select.replaceWith(hidden, input, list, status);

    let people = [];
    let active = -1;
    let asked = 0;
    let timer = 0;

    const close = () => {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    };

    const highlight = (next) => {
      const items = list.querySelectorAll("[role=option]");
      active = items.length === 0 ? -1 : (next + items.length) % items.length;
      items.forEach((item, i) => {
        item.classList.toggle("active", i === active);
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      if (active >= 0) {
        input.setAttribute("aria-activedescendant", items[active].id);
        items[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    };

    const pick = (i) => {
      const person = people[i];
      if (!person) {
        return;
      }

      input.value = person.name;
      hidden.value = person.id;
      close();
    };

    const show = (found) => {
      people = found;
      list.replaceChildren(...found.map((person, i) => {
        const item = document.createElement("li");
        item.id = `${listId}-${i}`;
        item.className = "list-group-item list-group-item-action";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.setAttribute("data-testid", "people-suggestion");
        item.textContent = person.office ? `${person.name} (${person.office})` : person.name;
        item.addEventListener("mousedown", (event) => {
          event.preventDefault();
          pick(i);
        });
        return item;
      }));
      status.textContent = found.length === 0 ? (box.dataset.none || "") : (box.dataset.found || "{0}").replace("{0}", String(found.length));
      list.hidden = found.length === 0;
      input.setAttribute("aria-expanded", found.length === 0 ? "false" : "true");
      active = -1;
      input.removeAttribute("aria-activedescendant");
    };

    const ask = async () => {
      const text = input.value.trim();
      const mine = ++asked;
      if (text.length === 0) {
        show([]);
        return;
      }

      try {
        const separator = box.dataset.peopleSuggest.includes("?") ? "&" : "?";
        const response = await fetch(`${box.dataset.peopleSuggest}${separator}q=${encodeURIComponent(text)}`, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        const found = response.ok ? await response.json() : [];
        if (mine === asked) {
          show(found);
        }
      } catch {
        if (mine === asked) {
          show([]);
        }
      }
    };

    input.addEventListener("input", () => {
      // What is typed no longer names the person chosen: no filter until one is picked.
      hidden.value = "";
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 200);
    });

    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden && people.length > 0) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        const down = event.key === "ArrowDown";
        highlight(active < 0 ? (down ? 0 : people.length - 1) : active + (down ? 1 : -1));
      } else if (event.key === "Enter" && !list.hidden) {
        event.preventDefault();
        pick(active >= 0 ? active : people.length === 1 ? 0 : -1);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", close);
  };

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-people-suggest]").forEach(enhance);
  });
})();
