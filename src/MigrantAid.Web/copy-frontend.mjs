// Copies the pinned npm packages that the pages use into wwwroot/lib (git-ignored), and writes the
// list of common passwords that the password rules refuse into generated/ (git-ignored, embedded).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

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

// zxcvbn-ts's maintained list of the most used passwords (MIT), one per line.
const common = "node_modules/@zxcvbn-ts/language-common";
const passwords = JSON.parse(readFileSync(`${common}/src/passwords.json`, "utf8"));
const { version } = JSON.parse(readFileSync(`${common}/package.json`, "utf8"));
mkdirSync("generated", { recursive: true });
writeFileSync("generated/common-passwords.txt", `# @zxcvbn-ts/language-common ${version}\n${passwords.join("\n")}\n`);
console.log(`front-end: wrote ${passwords.length} common passwords into generated/`);
