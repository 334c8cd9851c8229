// `npm run demo`: the local Shopify stand-in, the app and a seeded demo shop on this machine, no network.
import { startDemoStack } from "../demo/stack";
import type { CustomerDataSetting } from "../standin";

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const stack = await startDemoStack({
  appPort: port("APP_PORT", 3000),
  standinPort: port("STANDIN_PORT", 4100),
  hostPort: port("ADMIN_PORT", 4000),
  previewPort: port("PREVIEW_PORT", 4200),
  // what the app has been granted of protected customer data: none, level1 (default), level2, level1+name,email
  customerData: process.env.DEMO_CUSTOMER_DATA as CustomerDataSetting | undefined,
  // return requests in every state, made through the app's own routes, so the queue is not empty
  seedRequests: true,
  log: (l) => console.log(`· ${l}`),
});
const seeded = stack.seeded.length ? ` (${stack.seeded.length} return requests waiting in every state)` : "";
console.log(`
Open the app as it appears embedded in the Shopify admin${seeded}:

    ${stack.adminUrl}

and the shopper's side, the customer account with the returns extension (sign in as a demo customer):

    ${stack.customerUrl}

Shop: ${stack.standin.shop} · Shopify stand-in: ${stack.standin.url} · app: ${stack.appUrl}
Press Ctrl+C to stop.`);
const stop = async () => {
  await stack.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
