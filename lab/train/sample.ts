/**
 * `npm run lab:sample`: builds the lab study's caches from the committed
 * models, on both cores (one process samples solutions and revision chains, the
 * other runs the searches and samples the larger model), and writes
 * `lab/cache/*.json`. The chapter reads these and answers at once.
 *
 *   npm run lab:sample -- [--seed S] [--models DIR] [--out DIR] [--questions N]
 *
 * `--questions N` keeps the first N benchmark questions (a smoke run).
 */
import { fork } from "child_process";
import * as fs from "fs";
import * as path from "path";
import {
  collectLarge,
  collectLargeGreedy,
  collectRevisions,
  collectSamples,
  collectSearch,
  labBenchmark,
  loadLabModels,
} from "../../lib/lab/collect";
import { LAB_CACHE_SETTINGS, type LabCacheManifest } from "../../lib/lab/cache";
import { labModelCard } from "../../lib/lab/store";
import { readFlags } from "./args";
import { findingsTable } from "../../lib/experiment/findings";
import { runSearchExperiment } from "../../lib/experiment/search-experiment";
import { runRevisionExperiment } from "../../lib/experiment/revision-experiment";

interface Args {
  seed: string;
  models: string;
  out: string;
  questions: number;
  worker: string | undefined;
}

function parseArgs(argv: string[]): Args {
  const f = readFlags("lab:sample", argv, ["seed", "models", "out", "questions", "worker"]);
  const questions = Number(f.get("questions") ?? Infinity);
  if (!(questions >= 1))
    throw new Error(`lab:sample: --questions must be a number >= 1, got ${f.get("questions")}`);
  return {
    seed: f.get("seed") ?? "lab-study-v1",
    models: path.resolve(f.get("models") ?? "lab/models"),
    out: path.resolve(f.get("out") ?? "lab/cache"),
    questions,
    worker: f.get("worker"),
  };
}

function worker(a: Args): void {
  const models = loadLabModels(a.models);
  const bench = labBenchmark().slice(0, a.questions);
  const c = LAB_CACHE_SETTINGS;
  const t0 = Date.now();
  const result: Record<string, unknown[]> = {};
  const send = (i: number): void => void process.send?.({ lane: a.worker, done: i + 1, of: bench.length });
  if (a.worker === "samples") {
    result["samples"] = [];
    result["revisions"] = [];
    bench.forEach((p, i) => {
      result["samples"]!.push(collectSamples(models, p, a.seed, i, c.samples));
      result["revisions"]!.push(collectRevisions(models, p, a.seed, i, c.chains, c.chainLength));
      send(i);
    });
  } else {
    result["search"] = [];
    result["large"] = [];
    result["large-greedy"] = [];
    bench.forEach((p, i) => {
      result["search"]!.push(collectSearch(models, p, a.seed, i, c.searchTrials));
      result["large"]!.push(collectLarge(models, p, a.seed, i, c.largeSamples));
      result["large-greedy"]!.push(collectLargeGreedy(models, p, a.seed, i));
      send(i);
    });
  }
  fs.writeFileSync(
    path.join(a.out, `.part-${a.worker}.json`),
    JSON.stringify({ seconds: (Date.now() - t0) / 1000, result }),
  );
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  if (a.worker !== undefined) return worker(a);
  fs.mkdirSync(a.out, { recursive: true });
  const t0 = Date.now();
  const progress: Record<string, string> = {};
  const lanes = ["samples", "search"];
  await Promise.all(
    lanes.map(
      (lane) =>
        new Promise<void>((resolve, reject) => {
          const args = ["--seed", a.seed, "--models", a.models, "--out", a.out, "--worker", lane];
          if (Number.isFinite(a.questions)) args.push("--questions", String(a.questions));
          const child = fork(__filename, args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
          child.on("message", (m: { lane: string; done: number; of: number }) => {
            const n = Math.round((20 * m.done) / m.of);
            progress[m.lane] =
              `${m.lane.padEnd(8)} [${"#".repeat(n)}${".".repeat(20 - n)}] ${m.done}/${m.of} questions`;
            process.stderr.write(
              `${((Date.now() - t0) / 1000).toFixed(0)} s  ${Object.values(progress).join("   ")}\n`,
            );
          });
          child.on("exit", (code) =>
            code === 0 ? resolve() : reject(new Error(`lab:sample: ${lane} exited with ${code}`)),
          );
        }),
    ),
  );
  const parts = lanes.map(
    (l) =>
      JSON.parse(fs.readFileSync(path.join(a.out, `.part-${l}.json`), "utf8")) as {
        seconds: number;
        result: Record<string, unknown[]>;
      },
  );
  const bench = labBenchmark().slice(0, a.questions);
  const merged = Object.assign({}, ...parts.map((p) => p.result)) as Record<string, unknown[]>;
  for (const [name, data] of Object.entries(merged)) {
    fs.writeFileSync(path.join(a.out, `${name}.json`), JSON.stringify(data) + "\n");
  }
  const manifest: LabCacheManifest = {
    seed: a.seed,
    questions: bench.map((p) => p.question),
    settings: LAB_CACHE_SETTINGS,
    models: Object.fromEntries(
      (["base", "large", "prm", "revision"] as const).map((n) => {
        const card = labModelCard(n, a.models);
        return [
          n,
          {
            parameters: card.parameters,
            trainingTokens: card.trainingTokens,
            commit: card.commit,
            trainedAt: card.trainedAt,
          },
        ];
      }),
    ),
    seconds: { samples: parts[0]!.seconds, search: parts[1]!.seconds, wall: (Date.now() - t0) / 1000 },
    builtAt: new Date().toISOString(),
  };
  fs.writeFileSync(path.join(a.out, "manifest.json"), JSON.stringify(manifest, null, 1) + "\n");
  // The synthetic study's verdicts at its defaults, for the chapter's three-column table
  // (a test checks that they still match a live run).
  const synthetic = findingsTable(runSearchExperiment(), runRevisionExperiment()).map((r) => ({
    id: r.id,
    finding: r.finding,
    paperSays: r.paperSays,
    reproduced: r.reproduced,
  }));
  fs.writeFileSync(path.join(a.out, "synthetic-findings.json"), JSON.stringify(synthetic, null, 1) + "\n");
  for (const l of lanes) fs.unlinkSync(path.join(a.out, `.part-${l}.json`));
  process.stderr.write(
    `lab:sample done in ${manifest.seconds.wall.toFixed(0)} s (samples lane ${manifest.seconds.samples.toFixed(0)} s, search lane ${manifest.seconds.search.toFixed(0)} s)\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
