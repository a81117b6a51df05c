// The organisation export page, while its export runs: every two seconds, fetches the page again and
// swaps in the fresh progress section (text localized by the server); when the export has ended,
// reloads the page, which then shows the download link or the error. Without JavaScript the page
// refreshes itself (<noscript> meta refresh).
(() => {
  const selector = "[data-testid=export-progress]";
  const poll = async () => {
    const section = document.querySelector(selector);
    if (!section || section.getAttribute("data-active") !== "true") {
      return;
    }
    try {
      const response = await fetch(window.location.href, { cache: "no-store" });
      if (response.ok) {
        const fresh = new DOMParser().parseFromString(await response.text(), "text/html").querySelector(selector);
        if (fresh) {
          if (fresh.getAttribute("data-active") !== "true") {
            window.location.reload();
            return;
          }
          for (const name of ["data-status", "data-percent"]) {
            section.setAttribute(name, fresh.getAttribute(name));
          }
          section.querySelector("progress").value = Number(fresh.getAttribute("data-percent"));
          const text = section.querySelector("[role=status]");
          const freshText = fresh.querySelector("[role=status]");
          if (text && freshText && text.textContent !== freshText.textContent) {
            text.textContent = freshText.textContent;
          }
        }
      }
    } catch {
      // A dropped request: the next poll tries again.
    }
    window.setTimeout(poll, 2000);
  };
  window.setTimeout(poll, 1000);
})();
