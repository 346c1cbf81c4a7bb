/**
 * ESLint flat config.
 * - TypeScript (lib/, test/, lab/): typescript-eslint's recommended rules.
 * - JavaScript (scripts/*.js and the root config files): ESLint's recommended rules, as
 *   CommonJS with Node's globals. The scripts are type-checked from their JSDoc
 *   (`// @ts-check`, tsconfig.scripts.json; `npm run typecheck:scripts`, part of `npm run lint`).
 * Prettier owns formatting (`prettier --check .` in `npm run lint`).
 */
const { defineConfig } = require("eslint/config");
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

/** Node.js globals used by CommonJS scripts (listed here rather than adding the `globals` package). */
const nodeGlobals = Object.fromEntries(
  [
    "AbortController",
    "Buffer",
    "__dirname",
    "__filename",
    "URL",
    "URLSearchParams",
    "clearInterval",
    "clearTimeout",
    "console",
    "fetch",
    "process",
    "queueMicrotask",
    "setImmediate",
    "setInterval",
    "setTimeout",
    "structuredClone",
  ].map((name) => [name, "readonly"]),
);

module.exports = defineConfig(
  { ignores: ["dist/", "build/", "coverage/", "node_modules/", "**/.ipynb_checkpoints/"] },
  {
    files: ["**/*.js", "**/*.cjs"],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: nodeGlobals },
  },
  {
    files: ["lib/**/*.ts", "test/**/*.ts", "scripts/**/*.ts", "lab/**/*.ts"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      // Numeric code quotes published constants (e.g. QUADPACK's Gauss–Kronrod nodes) and
      // high-precision reference values (mpmath, R) to their printed digits; rounding them to the
      // nearest double when parsed is intended, and truncating them by hand would lose provenance.
      "no-loss-of-precision": "off",
    },
  },
);
