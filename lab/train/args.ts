/** Reads `--name value` pairs from a command line, refusing unknown names and missing values. */
export function readFlags(
  command: string,
  argv: readonly string[],
  known: readonly string[],
): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i] ?? "";
    const value = argv[i + 1];
    if (!name.startsWith("--") || !known.includes(name.slice(2))) {
      throw new Error(
        `${command}: unknown argument ${name} (known: ${known.map((k) => `--${k}`).join(", ")})`,
      );
    }
    if (value === undefined) throw new Error(`${command}: ${name} needs a value`);
    flags.set(name.slice(2), value);
  }
  return flags;
}
