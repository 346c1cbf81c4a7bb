// @ts-check
/**
 * The book's API reference: TypeDoc (configured by typedoc.json at the repo
 * root: entry point lib/index.ts, internal helpers excluded) renders the
 * library's TSDoc into <book>/api/. TSDoc warnings do not fail the build;
 * their number is reported. Errors (a library that does not compile, say) do.
 *
 * `apiLinks` then maps each exported name to its TypeDoc page, read from the
 * pages themselves (TypeDoc 0.28 writes functions/NAME.html, variables/,
 * interfaces/, types/, classes/, enums/, namespaces/, and suffixes a file
 * name when two names differ only in case, so the page <title> is what counts).
 */
"use strict";

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { REPO_ROOT } = require("../jupyter");

/** TypeDoc 0.28's folders, in the order a `ttc.<name>` in code is looked up (values first). */
const KIND_DIRS = ["functions", "variables", "classes", "enums", "namespaces", "interfaces", "types"];

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/**
 * Runs TypeDoc with typedoc.json, writing to `outDir`.
 * @param {string} outDir
 * @returns {Promise<{warnings: number, errors: number, warningLines: string[], seconds: number}>}
 *   rejects (with TypeDoc's output) when TypeDoc reports errors or exits non-zero
 */
function runTypedoc(outDir) {
  const bin = path.join(path.dirname(require.resolve("typedoc/package.json")), "bin", "typedoc");
  const args = [bin, "--options", path.join(REPO_ROOT, "typedoc.json"), "--out", outDir];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      stdio: "pipe",
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (c) => (output += c));
    child.stderr.setEncoding("utf8").on("data", (c) => (output += c));
    child.on("error", (err) => reject(new Error(`could not start TypeDoc: ${err.message}`)));
    child.on("close", (code) => {
      const text = output.replace(ANSI, "");
      const found = /Found (\d+) errors? and (\d+) warnings?/.exec(text);
      const errors = found ? Number(found[1]) : 0;
      const warnings = found ? Number(found[2]) : (text.match(/\[warning\]/g) ?? []).length;
      const warningLines = text
        .split("\n")
        .filter((l) => l.includes("[warning]") && !/Found \d+ errors?/.test(l))
        .map((l) => l.trim());
      if (code !== 0 || errors > 0) {
        reject(new Error(`TypeDoc failed (exit ${code}, ${errors} error(s)):\n${text.trim()}`));
        return;
      }
      resolve({ warnings, errors, warningLines, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/**
 * Makes TypeDoc's pages open cleanly from file://. TypeDoc points each icon at
 * the sprite file (`<use href="../assets/icons.svg#icon-x">`) and its
 * assets/icons.js later inlines the sprite and, on file: pages, rewrites the
 * references to `#icon-x`; but Chromium has by then refused the file: sprite
 * (a file: URL is a unique origin) and logged an error per icon. Pointing the
 * references at `#icon-x` from the start gives the same icons with no failed load.
 * @param {string} apiDir
 * @returns {number} how many references were rewritten
 */
function inlineIconReferences(apiDir) {
  let count = 0;
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".html")) {
        const html = fs.readFileSync(file, "utf8");
        const fixed = html.replace(/href="(?:\.\.\/)*assets\/icons\.svg#/g, () => {
          count += 1;
          return 'href="#';
        });
        if (fixed !== html) fs.writeFileSync(file, fixed);
      }
    }
  };
  walk(apiDir);
  return count;
}

/**
 * Name → URL of its page, relative to the book's root (e.g. "api/functions/coverage.html").
 * @param {string} apiDir the TypeDoc output folder
 * @param {string} [prefix] the folder's URL relative to the pages ("api")
 * @returns {Map<string, string>}
 */
function apiLinks(apiDir, prefix = "api") {
  /** @type {Map<string, string>} */
  const links = new Map();
  for (const kind of KIND_DIRS) {
    const dir = path.join(apiDir, kind);
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      if (!file.endsWith(".html")) continue;
      const head = fs.readFileSync(path.join(dir, file), "utf8").slice(0, 4000);
      const title = /<title>([^<|]+?)\s*\|/.exec(head);
      const name = title?.[1] ? title[1].trim() : file.replace(/\.html$/, "");
      if (!links.has(name)) links.set(name, `${prefix}/${kind}/${file}`);
    }
  }
  return links;
}

module.exports = { runTypedoc, inlineIconReferences, apiLinks, KIND_DIRS };
