// Builds the service's styles and scripts into wwwroot/dist: GOV.UK Frontend compiled with our settings.
import { compile } from "sass";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const out = join(root, "wwwroot", "dist");
mkdirSync(out, { recursive: true });

const css = compile(join(root, "Styles", "app.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "app.css"), css.css);

const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
cpSync(join(root, "Scripts", "app.js"), join(out, "app.js"));
console.log("Front-end assets built in wwwroot/dist");
