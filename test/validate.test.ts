import {
  WORK_LIMIT,
  assertArray,
  assertBoolean,
  assertFinite,
  assertFunction,
  assertInRange,
  assertInteger,
  assertNonNegative,
  assertNumber,
  assertNumberArray,
  assertObject,
  assertOneOf,
  assertOpenProbability,
  assertOptions,
  assertPositive,
  assertProbability,
  assertSameLength,
  assertSeed,
  assertWork,
  message,
  rangeError,
  show,
  typeError,
} from "../lib/base/validate";

/** Runs `f`, expecting it to throw; returns the error for inspection. */
function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw, got none");
}

describe("show(value)", () => {
  it.each<[string, unknown, string]>([
    ["a string, quoted", "abc", '"abc"'],
    ["a string with quotes, escaped", 'say "hi"', '"say \\"hi\\""'],
    ["a number", 1.5, "1.5"],
    ["negative zero, with its sign", -0, "-0"],
    ["NaN", NaN, "NaN"],
    ["Infinity", -Infinity, "-Infinity"],
    ["a bigint", 5n, "5n"],
    ["undefined", undefined, "undefined"],
    ["null", null, "null"],
    ["a function", () => 1, "a function"],
    ["a symbol", Symbol("s"), "Symbol(s)"],
    ["a boolean", false, "false"],
    ["a short array", [1, "a", null], '[1, "a", null]'],
    ["an array with objects", [{ a: 1 }, [2]], "[{…}, {…}]"],
    ["a long array, first five items and its length", [1, 2, 3, 4, 5, 6, 7], "[1, 2, 3, 4, 5, … (7 items)]"],
    ["a typed array, by kind and length", new Float64Array(3), "Float64Array of length 3"],
    ["an object, by kind", { p: 0.5 }, "an object"],
    ["a Map, by kind", new Map(), "an object"],
  ])("renders %s", (_what, value, expected) => {
    expect(show(value)).toBe(expected);
  });

  it("shortens long strings to 57 characters plus an ellipsis", () => {
    const long = "x".repeat(100);
    expect(show(long)).toBe(JSON.stringify("x".repeat(57) + "..."));
    expect(show("y".repeat(60))).toBe(JSON.stringify("y".repeat(60)));
  });
});

describe("message, typeError, rangeError", () => {
  it("use the house format `fn: name must be rule, got value`", () => {
    expect(message("coverage", "p", "a probability in [0, 1]", 1.5)).toBe(
      "coverage: p must be a probability in [0, 1], got 1.5",
    );
    const t = thrown(() => typeError("f", "x", "a number", "1"));
    expect(t).toBeInstanceOf(TypeError);
    expect(t.message).toBe('f: x must be a number, got "1"');
    const r = thrown(() => rangeError("f", "options.n", "an integer >= 1", 0));
    expect(r).toBeInstanceOf(RangeError);
    expect(r.message).toBe("f: options.n must be an integer >= 1, got 0");
  });

  it("messages are lowercase after the function name and have no final period", () => {
    const m = message("bestOfN", "scores[3]", "a finite number", NaN);
    expect(m).toBe("bestOfN: scores[3] must be a finite number, got NaN");
    expect(m.endsWith(".")).toBe(false);
  });
});

describe("scalar checks", () => {
  /** Expects `f` to throw `cls` with exactly `text`. */
  function rejects(f: () => void, cls: typeof TypeError | typeof RangeError, text: string): void {
    const error = thrown(f);
    expect(error).toBeInstanceOf(cls);
    expect(error.message).toBe(text);
  }

  it("assertNumber accepts any number (NaN included) and rejects other types", () => {
    for (const v of [0, -1, NaN, Infinity]) expect(() => assertNumber("f", "x", v)).not.toThrow();
    rejects(() => assertNumber("f", "x", "1"), TypeError, 'f: x must be a number, got "1"');
    rejects(() => assertNumber("f", "x", 1n), TypeError, "f: x must be a number, got 1n");
  });

  it("assertFinite", () => {
    expect(() => assertFinite("f", "x", -1e308)).not.toThrow();
    rejects(() => assertFinite("f", "x", NaN), RangeError, "f: x must be a finite number, got NaN");
    rejects(() => assertFinite("f", "x", Infinity), RangeError, "f: x must be a finite number, got Infinity");
    rejects(() => assertFinite("f", "x", null), TypeError, "f: x must be a number, got null");
  });

  it("assertProbability accepts [0, 1] (and −0)", () => {
    for (const v of [0, -0, 0.5, 1, Number.MIN_VALUE])
      expect(() => assertProbability("f", "p", v)).not.toThrow();
    for (const v of [-1e-300, 1 + Number.EPSILON, NaN, Infinity]) {
      expect(() => assertProbability("f", "p", v)).toThrow(RangeError);
    }
    rejects(
      () => assertProbability("f", "p", 1.5),
      RangeError,
      "f: p must be a probability in [0, 1], got 1.5",
    );
    rejects(() => assertProbability("f", "p", "0.5"), TypeError, 'f: p must be a number, got "0.5"');
  });

  it("assertOpenProbability rejects the end points", () => {
    expect(() => assertOpenProbability("f", "p", 0.5)).not.toThrow();
    rejects(
      () => assertOpenProbability("f", "p", 0),
      RangeError,
      "f: p must be a probability in (0, 1), got 0",
    );
    rejects(
      () => assertOpenProbability("f", "p", 1),
      RangeError,
      "f: p must be a probability in (0, 1), got 1",
    );
  });

  it("assertPositive and assertNonNegative", () => {
    expect(() => assertPositive("f", "x", Number.MIN_VALUE)).not.toThrow();
    rejects(() => assertPositive("f", "x", 0), RangeError, "f: x must be a finite number > 0, got 0");
    rejects(
      () => assertPositive("f", "x", Infinity),
      RangeError,
      "f: x must be a finite number > 0, got Infinity",
    );
    expect(() => assertNonNegative("f", "x", 0)).not.toThrow();
    expect(() => assertNonNegative("f", "x", -0)).not.toThrow();
    rejects(() => assertNonNegative("f", "x", -1), RangeError, "f: x must be a finite number >= 0, got -1");
    rejects(() => assertNonNegative("f", "x", NaN), RangeError, "f: x must be a finite number >= 0, got NaN");
  });

  it("assertInRange writes open and closed ends in the rule", () => {
    expect(() => assertInRange("f", "x", 0, 0, 1)).not.toThrow();
    rejects(
      () => assertInRange("f", "x", 0, 0, 1, { lo: true }),
      RangeError,
      "f: x must be a number in (0, 1], got 0",
    );
    rejects(
      () => assertInRange("f", "x", 1, 0, 1, { hi: true }),
      RangeError,
      "f: x must be a number in [0, 1), got 1",
    );
    rejects(() => assertInRange("f", "x", NaN, 0, 1), RangeError, "f: x must be a number in [0, 1], got NaN");
    rejects(
      () => assertInRange("f", "x", Infinity, 0, Infinity),
      RangeError,
      "f: x must be a number in [0, Infinity], got Infinity",
    );
  });

  it("assertInteger: safe integers at or above min, optionally at most max with a note", () => {
    expect(() => assertInteger("f", "n", 1)).not.toThrow();
    expect(() => assertInteger("f", "n", 0, 0)).not.toThrow();
    expect(() => assertInteger("f", "n", Number.MAX_SAFE_INTEGER)).not.toThrow();
    rejects(() => assertInteger("f", "n", 0), RangeError, "f: n must be an integer >= 1, got 0");
    rejects(() => assertInteger("f", "n", 2.5), RangeError, "f: n must be an integer >= 1, got 2.5");
    rejects(
      () => assertInteger("f", "n", 2 ** 53),
      RangeError,
      "f: n must be an integer >= 1, got 9007199254740992",
    );
    rejects(
      () => assertInteger("f", "k", 12, 1, 10, "n = 10"),
      RangeError,
      "f: k must be an integer in [1, 10] (n = 10), got 12",
    );
    rejects(
      () => assertInteger("f", "k", 41, 1, 40),
      RangeError,
      "f: k must be an integer in [1, 40], got 41",
    );
    rejects(() => assertInteger("f", "n", "3"), TypeError, 'f: n must be a number, got "3"');
  });

  it("assertSeed: strings and finite numbers", () => {
    for (const v of ["", "a", 0, -1.5]) expect(() => assertSeed("makeRng", "seed", v)).not.toThrow();
    rejects(
      () => assertSeed("makeRng", "seed", NaN),
      RangeError,
      "makeRng: seed must be a string or a finite number, got NaN",
    );
    rejects(
      () => assertSeed("makeRng", "seed", undefined),
      TypeError,
      "makeRng: seed must be a string or a finite number, got undefined",
    );
  });

  it("assertBoolean, assertFunction", () => {
    expect(() => assertBoolean("f", "flag", false)).not.toThrow();
    rejects(() => assertBoolean("f", "flag", 0), TypeError, "f: flag must be a boolean, got 0");
    expect(() => assertFunction("f", "g", Math.sin)).not.toThrow();
    rejects(() => assertFunction("f", "g", "sin"), TypeError, 'f: g must be a function, got "sin"');
  });

  it("assertOneOf: TypeError for a non-string, RangeError for an unknown name", () => {
    const choices = ["last", "min", "prod"] as const;
    expect(() => assertOneOf("f", "agg", "min", choices)).not.toThrow();
    rejects(
      () => assertOneOf("f", "agg", "mean", choices),
      RangeError,
      'f: agg must be one of "last", "min", "prod", got "mean"',
    );
    rejects(
      () => assertOneOf("f", "agg", 1, choices),
      TypeError,
      'f: agg must be one of "last", "min", "prod", got 1',
    );
  });

  it("assertWork refuses more than 1e9 units of work (and NaN)", () => {
    expect(WORK_LIMIT).toBe(1e9);
    expect(() => assertWork("f", "trials × n", 1e9)).not.toThrow();
    rejects(
      () => assertWork("f", "trials × n", 1e9 + 1),
      RangeError,
      "f: trials × n must be at most 1e+9 (the work limit), got 1000000001",
    );
    expect(() => assertWork("f", "trials × n", NaN)).toThrow(RangeError);
    expect(() => assertWork("f", "trials × n", Infinity)).toThrow(RangeError);
    expect(() => assertWork("f", "cells", 11, 10)).toThrow(/at most 1e\+1/);
  });
});

describe("structured checks", () => {
  it("assertOptions: undefined gives {}, plain objects pass, others are a TypeError", () => {
    expect(assertOptions("f", undefined)).toEqual({});
    const o = { a: 1 };
    expect(assertOptions("f", o)).toBe(o);
    expect(thrown(() => assertOptions("f", null)).message).toBe(
      "f: options must be an object or undefined, got null",
    );
    expect(thrown(() => assertOptions("f", [1])).message).toBe(
      "f: options must be an object or undefined, got [1]",
    );
    expect(thrown(() => assertOptions("f", 3, "spec")).message).toBe(
      "f: spec must be an object or undefined, got 3",
    );
    expect(thrown(() => assertOptions("f", 3))).toBeInstanceOf(TypeError);
  });

  it("assertObject requires an object", () => {
    expect(assertObject("f", "q", { p: 1 })).toEqual({ p: 1 });
    const e = thrown(() => assertObject("f", "q", undefined));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe("f: q must be an object, got undefined");
  });

  it("assertArray accepts arrays and typed arrays, not DataView or strings, with length rules", () => {
    expect(() => assertArray("f", "xs", [1])).not.toThrow();
    expect(() => assertArray("f", "xs", new Int32Array(2))).not.toThrow();
    expect(() => assertArray("f", "xs", [], 0)).not.toThrow();
    expect(thrown(() => assertArray("f", "xs", new DataView(new ArrayBuffer(4))))).toBeInstanceOf(TypeError);
    const s = thrown(() => assertArray("f", "xs", "abc"));
    expect(s).toBeInstanceOf(TypeError);
    expect(s.message).toBe('f: xs must be a non-empty array, got "abc"');
    expect(thrown(() => assertArray("f", "xs", {}, 0)).message).toBe("f: xs must be an array, got an object");
    const empty = thrown(() => assertArray("f", "xs", []));
    expect(empty).toBeInstanceOf(RangeError);
    expect(empty.message).toBe("f: xs must be a non-empty array, got length 0");
    expect(thrown(() => assertArray("f", "xs", [1], 2)).message).toBe(
      "f: xs must be an array of length >= 2, got length 1",
    );
  });

  it("assertNumberArray names the failing element and applies each rule", () => {
    expect(() => assertNumberArray("f", "xs", [0, 1, 0.5], "probability")).not.toThrow();
    expect(() => assertNumberArray("f", "xs", Float64Array.of(1, 2), "positive")).not.toThrow();
    const cases: [
      unknown[],
      "finite" | "probability" | "nonNegative" | "positive" | "integer" | "nonNegativeInteger",
      string,
      typeof RangeError,
    ][] = [
      [[1, NaN], "finite", "f: xs[1] must be a finite number, got NaN", RangeError],
      [[0.5, 2], "probability", "f: xs[1] must be a probability in [0, 1], got 2", RangeError],
      [[-1], "nonNegative", "f: xs[0] must be a finite number >= 0, got -1", RangeError],
      [[1, 0], "positive", "f: xs[1] must be a finite number > 0, got 0", RangeError],
      [[1, 2.5], "integer", "f: xs[1] must be an integer, got 2.5", RangeError],
      [[-2], "integer", "", RangeError],
      [[0, -1], "nonNegativeInteger", "f: xs[1] must be an integer >= 0, got -1", RangeError],
      [[1, "2"], "finite", 'f: xs[1] must be a number, got "2"', TypeError],
    ];
    for (const [xs, rule, text, cls] of cases) {
      if (text === "") {
        expect(() => assertNumberArray("f", "xs", xs, rule)).not.toThrow(); // negative integers are integers
        continue;
      }
      const e = thrown(() => assertNumberArray("f", "xs", xs, rule));
      expect(e).toBeInstanceOf(cls);
      expect(e.message).toBe(text);
    }
  });

  it("assertSameLength names both arrays and shows the lengths", () => {
    expect(() => assertSameLength("f", "ks", [1, 2], "cs", [3, 4])).not.toThrow();
    const e = thrown(() => assertSameLength("f", "ks", [1, 2], "cs", [3]));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toBe("f: cs must have the same length as ks (2), got length 1");
  });
});
