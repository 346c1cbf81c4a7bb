#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: build the library, then open the workbook in Jupyter.
 *
 * 1. Rebuilds dist/ with `npm run build` when dist/index.js is missing or older
 *    than anything in lib/ or the tsconfigs (notebooks import the compiled
 *    library, STYLE.md C.6).
 * 2. Finds a Python with Jupyter (scripts/jupyter.js); if there is none, sets
 *    one up with the same steps as `npm run setup` (scripts/setup-jupyter.js:
 *    Debian's packages with apt-get as root, else pip --user, printing what it
 *    installs), or, where it cannot, prints exactly what to run and exits 1.
 * 3. Runs JupyterLab if that Python can import `jupyterlab`, else the classic
 *    Notebook, on 127.0.0.1 without opening a browser, rooted at notebooks/,
 *    with JUPYTER_PATH including the project's jupyter/ folder so the kernel
 *    `tslab` ("TypeScript (ttc-workbook)") is found. Adds --allow-root as root.
 * 4. Echoes Jupyter's output (which includes the URL with its token) and, once
 *    the URL appears, prints a one-line hint.
 *
 * Options: every argument is passed on to Jupyter (e.g. `npm start -- --port 9999`).
 * Environment: TTC_PORT sets --port; TTC_TOKEN sets the access token (as
 * JUPYTER_TOKEN, which both Notebook and JupyterLab read); TTC_PYTHON picks the Python.
 *
 * Jupyter runs in its own process group with stdin closed, so a Ctrl-C in the
 * terminal reaches only this script, which forwards SIGINT and SIGTERM to Jupyter
 * (SIGHUP as SIGTERM); Jupyter then shuts its kernels down and exits, and so do we.
 */
"use strict";

const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { REPO_ROOT, KERNEL_DISPLAY_NAME, findPython, kernelEnv, canImport } = require("./jupyter");
const { setupJupyter } = require("./setup-jupyter");

const NOTEBOOK_DIR = path.join(REPO_ROOT, "notebooks");

/**
 * Newest modification time (ms) of the files under `dir`, recursively; 0 when there are none.
 * @param {string} dir
 * @returns {number}
 */
function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

/** True when dist/index.js is missing or older than the library sources or build settings. */
function distIsStale() {
  const built = path.join(REPO_ROOT, "dist", "index.js");
  if (!fs.existsSync(built)) return true;
  const inputs = [
    newestMtime(path.join(REPO_ROOT, "lib")),
    ...["tsconfig.json", "tsconfig.build.json"]
      .map((f) => path.join(REPO_ROOT, f))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.statSync(f).mtimeMs),
  ];
  return Math.max(...inputs) > fs.statSync(built).mtimeMs;
}

/** Builds dist/ when stale. Returns false only when there is no usable dist/ afterwards. */
function ensureBuilt() {
  if (!distIsStale()) {
    console.log("start: dist/ is up to date.");
    return true;
  }
  console.log("start: dist/ is missing or older than lib/; running `npm run build`.");
  const result = spawnSync("npm", ["run", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
  if (result.status === 0) return true;
  if (fs.existsSync(path.join(REPO_ROOT, "dist", "index.js"))) {
    console.warn("start: WARNING: the build failed (see above); notebooks will use the previous dist/.");
    return true;
  }
  console.error("start: the build failed and there is no dist/ to fall back on.");
  return false;
}

/**
 * Chooses JupyterLab when installed, else classic Notebook; returns the argv after `python`.
 * @param {string} python
 * @param {string[]} extraArgs
 * @param {NodeJS.ProcessEnv} env
 * @returns {{app: string, args: string[]}}
 */
function jupyterArgs(python, extraArgs, env) {
  const lab = canImport(python, "jupyterlab", env);
  const args = [
    "-m",
    lab ? "jupyterlab" : "notebook",
    "--ip=127.0.0.1",
    "--no-browser",
    `--notebook-dir=${NOTEBOOK_DIR}`,
  ];
  if (typeof process.getuid === "function" && process.getuid() === 0) args.push("--allow-root");
  const hasPort = extraArgs.some((a) => a === "--port" || a.startsWith("--port="));
  if (env.TTC_PORT && !hasPort) args.push(`--port=${env.TTC_PORT}`);
  return { app: lab ? "JupyterLab" : "classic Notebook", args: [...args, ...extraArgs] };
}

/**
 * Copies a child's output stream to ours, calling `onUrl` for each http://127.0.0.1 URL it prints.
 * @param {import("node:stream").Readable} stream
 * @param {NodeJS.WriteStream} target
 * @param {(url: string) => void} onUrl
 */
function echo(stream, target, onUrl) {
  let pending = "";
  stream.on("data", (/** @type {Buffer} */ chunk) => {
    target.write(chunk);
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const match = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(line);
      if (match) onUrl(match[0]);
    }
  });
}

function main() {
  if (!ensureBuilt()) return 1;

  let found = findPython();
  if (!found) {
    console.log(
      "start: no Python with Jupyter found; setting it up first (the same steps as `npm run setup`).",
    );
    found = setupJupyter({ prefix: "start: setup" });
    if (!found) {
      console.error(
        "start: Jupyter is not set up, so the workbook cannot start (see above for what to run).",
      );
      return 1;
    }
  }
  const python = found.python;

  fs.mkdirSync(NOTEBOOK_DIR, { recursive: true });
  const env = kernelEnv(process.env);
  if (process.env.TTC_TOKEN) env.JUPYTER_TOKEN = process.env.TTC_TOKEN;
  const { app, args } = jupyterArgs(python, process.argv.slice(2), env);
  console.log(`start: launching ${app}: ${python} ${args.join(" ")}`);
  console.log(`start: JUPYTER_PATH=${env.JUPYTER_PATH}`);

  const child = spawn(python, args, {
    cwd: NOTEBOOK_DIR, // kernels started without a notebook path (REST clients) get notebooks/ as cwd
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // own process group: a terminal Ctrl-C reaches only us, and we forward it once
  });

  let hinted = false;
  const onUrl = (/** @type {string} */ url) => {
    if (hinted) return;
    hinted = true;
    // Jupyter masks a token it was given (`?token=...`); show the real one we passed.
    if (env.JUPYTER_TOKEN)
      url = url.replace(/token=[^&\s]*/, `token=${encodeURIComponent(env.JUPYTER_TOKEN)}`);
    // A moment later, so the hint comes after the rest of Jupyter's start-up banner.
    setTimeout(() => {
      console.log(
        `\nstart: open ${url} in a browser; pick the kernel "${KERNEL_DISPLAY_NAME}". Ctrl-C stops Jupyter.\n`,
      );
    }, 300).unref();
  };
  echo(child.stdout, process.stdout, onUrl);
  echo(child.stderr, process.stderr, onUrl);

  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
    process.on(signal, () => {
      console.log(`start: received ${signal}; stopping Jupyter (it shuts its kernels down).`);
      // Jupyter has no SIGHUP handler (it would die without stopping its kernels): send SIGTERM instead.
      if (child.exitCode === null && child.signalCode === null)
        child.kill(signal === "SIGHUP" ? "SIGTERM" : signal);
    });
  }

  child.on("error", (err) => {
    console.error(`start: could not run ${python}: ${err.message}`);
    process.exitCode = 1;
  });
  child.on("exit", (code, signal) => {
    console.log(`start: Jupyter exited (${signal ?? `code ${code}`}).`);
    process.exitCode = code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1);
  });
  return undefined;
}

const rc = main();
if (rc !== undefined) process.exitCode = rc;
