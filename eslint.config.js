// Flat config: typescript-eslint's recommended rules over the whole repo; built and generated
// output is not linted.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "build/**",
      ".cache/**",
      "coverage/**",
      "artifacts/**",
      "**/dist/**",
      "app/generated/**",
      "app/types/**",
      "public/build/**",
      ".shopify/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        URLSearchParams: "readonly",
        fetch: "readonly",
        Request: "readonly",
        Response: "readonly",
        Headers: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        __dirname: "readonly",
        globalThis: "readonly",
        window: "readonly",
        document: "readonly",
        structuredClone: "readonly",
        AbortController: "readonly",
        AbortSignal: "readonly",
        TextEncoder: "readonly",
        TextDecoder: "readonly",
        crypto: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Plain browser scripts (demo shims, extension assets).
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: {
      globals: {
        location: "readonly",
        navigator: "readonly",
        history: "readonly",
        localStorage: "readonly",
        sessionStorage: "readonly",
        CSS: "readonly",
        CustomEvent: "readonly",
        Event: "readonly",
        EventTarget: "readonly",
        HTMLElement: "readonly",
        customElements: "readonly",
        MutationObserver: "readonly",
        atob: "readonly",
        btoa: "readonly",
        requestAnimationFrame: "readonly",
      },
    },
  },
  {
    // TypeScript itself checks undefined names; no-undef misfires on types and DOM/Node globals.
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-undef": "off" },
  },
);
