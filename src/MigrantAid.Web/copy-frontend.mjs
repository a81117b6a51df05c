// Copies the pinned npm packages that the pages use into wwwroot/lib (git-ignored).
import { cpSync, mkdirSync } from "node:fs";

const copies = [
  ["node_modules/bootstrap/dist/css/bootstrap.min.css", "wwwroot/lib/bootstrap/css/bootstrap.min.css"],
  ["node_modules/bootstrap/dist/css/bootstrap.min.css.map", "wwwroot/lib/bootstrap/css/bootstrap.min.css.map"],
  ["node_modules/bootstrap/dist/js/bootstrap.bundle.min.js", "wwwroot/lib/bootstrap/js/bootstrap.bundle.min.js"],
  ["node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map", "wwwroot/lib/bootstrap/js/bootstrap.bundle.min.js.map"],
  ["node_modules/bootstrap/LICENSE", "wwwroot/lib/bootstrap/LICENSE"],
];
for (const [from, to] of copies) {
  mkdirSync(to.substring(0, to.lastIndexOf("/")), { recursive: true });
  cpSync(from, to);
}
console.log(`front-end: copied ${copies.length} files into wwwroot/lib`);
