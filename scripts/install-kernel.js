#!/usr/bin/env node
// @ts-check
/**
 * `npm run kernel:install`: register the kernelspec `tslab` with the user's
 * Jupyter, so JupyterLab, classic Notebook and VS Code started anywhere offer
 * "TypeScript (ttc-workbook)".
 *
 * Unlike the committed, portable jupyter/kernels/tslab/kernel.json (which
 * walks up from the notebook's folder to the nearest node_modules/.bin/tslab and
 * is only seen when JUPYTER_PATH includes jupyter/, as `npm start` arranges),
 * the installed spec holds ABSOLUTE paths into this checkout: the Node binary
 * running this script and <repo>/node_modules/.bin/tslab. Naming Node
 * explicitly means the kernel starts even where `node` is not on the PATH of
 * the editor (e.g. VS Code launched from a desktop with nvm). Re-run this script
 * after moving the checkout or changing Node.
 *
 * It runs `<python> -m jupyter_client.kernelspecapp install --user --name tslab <dir>`,
 * which is `jupyter kernelspec install` (Debian ships the `jupyter-kernelspec`
 * entry point in a separate package, so `python -m jupyter kernelspec` may be
 * missing while the module is always there). JUPYTER_DATA_DIR, if set, chooses
 * where `--user` installs go (the tests use this). We don't use `tslab install`:
 * it shells out to whatever `python3` is on PATH (ecosystem.md §3).
 */
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const {
  REPO_ROOT,
  KERNEL_NAME,
  KERNEL_DISPLAY_NAME,
  MISSING_JUPYTER_HELP,
  findPython,
} = require("./jupyter");

/** The kernel.json that points at this checkout's tslab. */
function absoluteKernelSpec() {
  const tslab = path.join(REPO_ROOT, "node_modules", ".bin", "tslab");
  if (!fs.existsSync(tslab)) {
    throw new Error(`${tslab} is missing: run \`npm install\` first`);
  }
  return {
    argv: [process.execPath, tslab, "kernel", "--config-path", "{connection_file}"],
    display_name: KERNEL_DISPLAY_NAME,
    language: "typescript",
    metadata: { debugger: false },
  };
}

function main() {
  const found = findPython();
  if (!found) {
    console.error(MISSING_JUPYTER_HELP);
    return 1;
  }
  let spec;
  try {
    spec = absoluteKernelSpec();
  } catch (err) {
    console.error(`kernel:install: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }

  const staging = fs.mkdtempSync(path.join(os.tmpdir(), "ttc-kernelspec-"));
  try {
    fs.writeFileSync(path.join(staging, "kernel.json"), JSON.stringify(spec, null, 2) + "\n");
    const args = ["-m", "jupyter_client.kernelspecapp", "install", "--user", "--name", KERNEL_NAME, staging];
    console.log(`kernel:install: $ ${found.python} ${args.join(" ")}`);
    const result = spawnSync(found.python, args, { encoding: "utf8" });
    // kernelspecapp logs "Installed kernelspec tslab in <dir>" on stderr.
    const log = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
    if (result.status !== 0) {
      console.error(`kernel:install: jupyter kernelspec install failed:\n${log}`);
      return 1;
    }
    const match = /Installed kernelspec \S+ in (.+)$/m.exec(log);
    const installedIn = match?.[1]?.trim() ?? "(see the Jupyter output above)";
    if (!match) console.log(log);
    console.log(
      `kernel:install: kernelspec "${KERNEL_NAME}" (${KERNEL_DISPLAY_NAME}) installed in ${installedIn}`,
    );
    console.log(`kernel:install: it runs ${spec.argv.slice(0, 2).join(" ")}`);
    return 0;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

process.exitCode = main();
