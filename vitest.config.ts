import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Tests run in Node with TZ=UTC (set by `npm test`) and no network beyond loopback.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    environment: "node",
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["**/node_modules/**", "build/**", ".cache/**"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
