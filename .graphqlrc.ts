import { ApiType, shopifyApiProject } from "@shopify/api-codegen-preset";

// Types for every `#graphql` Admin document in app/. The schema is read from
// app/types/admin-2026-07.schema.json, written offline by scripts/shopify-schema.ts
// (`npm run graphql-codegen` runs it first), so codegen never downloads anything.
export default {
  schema: "https://shopify.dev/admin-graphql-direct-proxy/2026-07",
  documents: ["./app/**/*.{js,ts,jsx,tsx}"],
  projects: {
    default: shopifyApiProject({
      apiType: ApiType.Admin,
      apiVersion: "2026-07",
      outputDir: "./app/types",
      documents: [
        "./app/**/*.{ts,tsx}",
        "!./app/**/*.test.{ts,tsx}",
        "!./app/types/**",
        "!./app/generated/**",
      ],
    }),
  },
};
