import { defineConfig } from "vitest/config";

// Two projects, both run by a plain `npx vitest run`:
//   unit      test/**  — fast, no servers; also type-checks the *.test-d.ts files
//   contract  contract-tests/**  — gets two Prism mocks from contract-tests/global-setup.ts
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      {
        extends: true,
        test: {
          name: "contract",
          include: ["contract-tests/**/*.test.ts"],
          globalSetup: ["contract-tests/global-setup.ts"],
        },
      },
    ],
  },
});
