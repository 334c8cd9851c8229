/**
 * CLI: `tsx standin/main.ts --port 4100` (env SHOPIFY_API_KEY, SHOPIFY_API_SECRET, APP_URL, STANDIN_SEED,
 * STANDIN_CUSTOMER_DATA or --customer-data: none | level1 | level2 | level1+name,email).
 */
import { startStandin, type CustomerDataSetting } from "./index";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const apiKey = process.env.SHOPIFY_API_KEY;
const apiSecret = process.env.SHOPIFY_API_SECRET;
if (!apiKey || !apiSecret) {
  console.error("standin: SHOPIFY_API_KEY and SHOPIFY_API_SECRET must be set");
  process.exit(1);
}
const seed = (arg("seed") ?? process.env.STANDIN_SEED ?? "demo") as "demo" | "empty";
if (seed !== "demo" && seed !== "empty") {
  console.error("standin: --seed must be demo or empty");
  process.exit(1);
}
const customerData = (arg("customer-data") ?? process.env.STANDIN_CUSTOMER_DATA) as CustomerDataSetting | undefined;
let s;
try {
  s = await startStandin({ port: Number(arg("port") ?? 4100), apiKey, apiSecret, appUrl: process.env.APP_URL, shop: arg("shop"), seed, customerData });
} catch (e) {
  console.error(`standin: ${(e as Error).message}`);
  process.exit(1);
}
console.log(`standin: ${s.shop} on ${s.url} (admin GraphQL at ${s.url}/admin/api/2026-07/graphql.json)`);
const stop = async () => {
  await s.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
