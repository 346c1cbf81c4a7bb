/**
 * Two projects: `lib` (the library, headless, fast) and `notebooks` (every
 * chapter executed for real through Jupyter and the tslab kernel).
 * `npm test` runs both; `npm run test:lib` runs only the first.
 * @type {import('jest').Config}
 */
const tsJest = ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }];

module.exports = {
  projects: [
    {
      displayName: "lib",
      rootDir: __dirname,
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/notebooks/", "<rootDir>/test/book/"],
      transform: { "^.+\\.ts$": tsJest },
    },
    {
      displayName: "book",
      rootDir: __dirname,
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/book/**/*.test.ts"],
      transform: { "^.+\\.ts$": tsJest },
    },
    {
      displayName: "notebooks",
      rootDir: __dirname,
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/notebooks/**/*.test.ts"],
      transform: { "^.+\\.ts$": tsJest },
    },
  ],
};
