// Progressive enhancement: a "select all on this page" box ticks or clears every box of its group.
// Without JavaScript the box stays hidden and each case is ticked by hand.
document.addEventListener("DOMContentLoaded", () => {
  for (const all of document.querySelectorAll("input[data-select-all]")) {
    const boxes = () => Array.from(document.querySelectorAll("input." + all.getAttribute("data-select-all")));
    all.hidden = false;
    const sync = () => {
      const list = boxes();
      const ticked = list.filter((box) => box.checked).length;
      all.checked = list.length > 0 && ticked === list.length;
      all.indeterminate = ticked > 0 && ticked < list.length;
    };
    all.addEventListener("change", () => {
      for (const box of boxes()) {
        box.checked = all.checked;
      }
      sync();
    });
    for (const box of boxes()) {
      box.addEventListener("change", sync);
    }
    sync();
  }
});
