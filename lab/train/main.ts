/**
 * `npm run lab:train`: trains the lab's four models from a seed, on both
 * cores: one process pretrains the large model while the other pretrains the
 * base model and then fine-tunes the PRM and the revision model from it.
 * Writes `lab/models/<name>.{json,bin}` and `lab/models/training-log.txt`
 * (replaced by a full run, added to by a run of `--only` some stages).
 *
 *   npm run lab:train -- [--seed S] [--scale F] [--out DIR] [--only base,prm,...]
 *
 * `--scale` multiplies every step and data count (0.01 for a smoke run).
 */
import { execSync, fork } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { labModelWeights, saveLabModel, type LabModelCard, type LabModelName } from "../../lib/lab/store";
import { pretrain, trainPrm, trainRevision, type StageRecord } from "./stages";
import { readFlags } from "./args";
import { useWasm } from "./tf-model";

interface Args {
  seed: string;
  scale: number;
  out: string;
  only: string[];
  worker: string | undefined;
}

function parseArgs(argv: string[]): Args {
  const f = readFlags("lab:train", argv, ["seed", "scale", "out", "only", "worker"]);
  const a: Args = {
    seed: f.get("seed") ?? "lab-v1",
    scale: Number(f.get("scale") ?? 1),
    out: path.resolve(f.get("out") ?? "lab/models"),
    only: f.has("only") ? (f.get("only") as string).split(",") : [],
    worker: f.get("worker"),
  };
  if (!(a.scale > 0 && a.scale <= 10))
    throw new Error(`lab:train: --scale must be in (0, 10], got ${a.scale}`);
  return a;
}

function commit(): string {
  try {
    const head = execSync("git rev-parse HEAD", { encoding: "utf8" }).trim();
    const dirty = execSync("git status --porcelain -- lib lab/train", { encoding: "utf8" }).trim() !== "";
    return dirty ? `${head}+changes` : head;
  } catch {
    return "unknown";
  }
}

function save(out: string, r: StageRecord, sha: string): void {
  const { weights, ...rest } = r;
  const card: LabModelCard = {
    ...rest,
    name: r.name as LabModelName,
    commit: sha,
    trainedAt: new Date().toISOString(),
  };
  saveLabModel(out, card, weights);
}

function load(out: string, name: string): StageRecord {
  const card = JSON.parse(fs.readFileSync(path.join(out, `${name}.json`), "utf8")) as LabModelCard;
  return { ...card, weights: labModelWeights(name, card.config, out) };
}

/** A worker: runs its stages and reports progress as messages. */
async function worker(args: Args, stages: string[]): Promise<void> {
  await useWasm();
  const sha = commit();
  const send = (m: unknown): void => void process.send?.(m);
  for (const stage of stages) {
    const progress = (fraction: number, status: string): void => send({ stage, fraction, status });
    let r: StageRecord;
    if (stage === "base" || stage === "large") r = pretrain(stage, args.seed, args.scale, progress);
    else if (stage === "prm") r = trainPrm(load(args.out, "base"), args.seed, args.scale, progress);
    else if (stage === "revision") r = trainRevision(load(args.out, "base"), args.seed, args.scale, progress);
    else throw new Error(`lab:train: unknown stage ${stage}`);
    save(args.out, r, sha);
    send({ stage, fraction: 1, status: `${stage} done in ${r.seconds.toFixed(0)} s`, done: r.seconds });
  }
}

function bar(f: number): string {
  const n = Math.round(f * 20);
  return "[" + "#".repeat(n) + ".".repeat(20 - n) + "]";
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.worker !== undefined) return worker(args, args.worker.split(","));
  const want = (s: string): boolean => args.only.length === 0 || args.only.includes(s);
  const lanes = [["large"], ["base", "prm", "revision"]]
    .map((l) => l.filter(want))
    .filter((l) => l.length > 0);
  fs.mkdirSync(args.out, { recursive: true });
  const t0 = Date.now();
  const state = new Map<string, string>();
  const log: string[] = [
    `lab:train seed=${args.seed} scale=${args.scale} commit=${commit()} started ${new Date().toISOString()}`,
  ];
  const tty = process.stderr.isTTY;
  const draw = (): void => {
    const lines = [...state.entries()].map(([k, v]) => `${k.padEnd(9)} ${v}`);
    const elapsed = `${((Date.now() - t0) / 1000).toFixed(0)} s`;
    if (tty)
      process.stderr.write(`\x1b[${lines.length + 1}A\x1b[J` + lines.join("\n") + `\nelapsed ${elapsed}\n`);
  };
  for (const l of lanes) for (const s of l) state.set(s, `${bar(0)} waiting`);
  if (tty) process.stderr.write("\n".repeat(state.size + 1));
  let lastPlain = 0;
  const children: ReturnType<typeof fork>[] = [];
  await Promise.all(
    lanes.map(
      (lane) =>
        new Promise<void>((resolve, reject) => {
          const child = fork(
            __filename,
            [
              "--seed",
              args.seed,
              "--scale",
              String(args.scale),
              "--out",
              args.out,
              "--worker",
              lane.join(","),
            ],
            {
              stdio: ["ignore", "inherit", "inherit", "ipc"],
            },
          );
          child.on("message", (m: { stage: string; fraction: number; status: string; done?: number }) => {
            state.set(m.stage, `${bar(m.fraction)} ${m.status}`);
            if (m.done !== undefined) log.push(`${m.stage}: ${m.status}`);
            if (tty) draw();
            else if (Date.now() - lastPlain > 15000 || m.done !== undefined) {
              lastPlain = Date.now();
              process.stderr.write(
                `${((Date.now() - t0) / 1000).toFixed(0)} s  ${m.stage} ${bar(m.fraction)} ${m.status}\n`,
              );
            }
          });
          children.push(child);
          child.on("exit", (code) => {
            if (code === 0) return resolve();
            // One lane failed: stop the others rather than let them train on for nothing.
            for (const c of children) if (c !== child && c.exitCode === null) c.kill();
            reject(new Error(`lab:train: ${lane.join(",")} exited with ${code}`));
          });
        }),
    ),
  );
  log.push(`all done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  // A full run replaces the log; a run of some stages (--only) adds to it, since the other models
  // on disk still come from the earlier runs it records.
  const logFile = path.join(args.out, "training-log.txt");
  if (args.only.length > 0 && fs.existsSync(logFile))
    fs.appendFileSync(logFile, "\n" + log.join("\n") + "\n");
  else fs.writeFileSync(logFile, log.join("\n") + "\n");
  process.stderr.write(log.join("\n") + "\n");
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
