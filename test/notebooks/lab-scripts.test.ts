/**
 * The lab's command-line scripts end to end, at a tiny scale: `npm run lab:train -- --scale …`
 * trains all four models into a throwaway folder (both lanes, real TensorFlow.js training on the
 * wasm backend), and `npm run lab:sample -- --models … --questions 2` builds caches from them
 * that the library reads back. The committed models and caches are not touched.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../../scripts/jupyter";
import { labParameterCount } from "../../lib/lab/transformer";
import { labCache } from "../../lib/lab/cache";
import { labStudy } from "../../lib/lab/study";
import { loadLabModel, LAB_MODEL_NAMES } from "../../lib/lab/store";

const npm = (args: string[]) =>
  spawnSync("npm", ["run", "--silent", ...args], { cwd: REPO_ROOT, encoding: "utf8", timeout: 600_000 });

describe("the lab's scripts", () => {
  const dir = mkdtempSync(join(tmpdir(), "ttc-lab-"));
  const models = join(dir, "models");
  const cache = join(dir, "cache");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("lab:train trains the four models from a seed into the folder it is given", () => {
    const r = npm(["lab:train", "--", "--scale", "0.004", "--out", models, "--seed", "smoke"]);
    expect({ status: r.status, stderr: r.status === 0 ? "" : r.stderr.slice(-2000) }).toEqual({
      status: 0,
      stderr: "",
    });
    for (const name of LAB_MODEL_NAMES) {
      const card = JSON.parse(readFileSync(join(models, `${name}.json`), "utf8"));
      expect(card.seed).toBe("smoke");
      expect(card.parameters).toBe(labParameterCount(card.config));
      expect(card.losses.length).toBeGreaterThan(0);
      expect(loadLabModel(name, models).parameters).toBe(card.parameters);
    }
    const log = readFileSync(join(models, "training-log.txt"), "utf8");
    expect(log).toMatch(/seed=smoke scale=0.004/);
    expect(log).toMatch(/all done in \d+ s/);
    expect(npm(["lab:train", "--", "--bogus", "1"]).status).not.toBe(0);
  }, 600_000);

  test("lab:sample builds caches from those models that the study reads", () => {
    const r = npm([
      "lab:sample",
      "--",
      "--models",
      models,
      "--out",
      cache,
      "--questions",
      "2",
      "--seed",
      "smoke",
    ]);
    expect({ status: r.status, stderr: r.status === 0 ? "" : r.stderr.slice(-2000) }).toEqual({
      status: 0,
      stderr: "",
    });
    for (const f of [
      "manifest",
      "samples",
      "large",
      "large-greedy",
      "revisions",
      "search",
      "synthetic-findings",
    ]) {
      expect(existsSync(join(cache, `${f}.json`))).toBe(true);
    }
    const c = labCache(cache);
    expect(c.problems).toHaveLength(2);
    expect(c.manifest.seed).toBe("smoke");
    expect(c.samples[0]!.answers).toHaveLength(c.manifest.settings.samples);
    // Two questions cannot fill five difficulty levels with two folds each: the study says so.
    expect(() => labStudy(c)).toThrow(/labStudy: cache must be caches of at least 10 questions/);
  }, 600_000);
});
