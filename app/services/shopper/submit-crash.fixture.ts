// Child process for submit-crash.test.ts: one shopper submission (the real submit service, its own
// Prisma client on DATABASE_URL, the Admin API of the stand-in at SHOPIFY_ADMIN_ORIGIN), so the test can
// SIGKILL it at a chosen point. HANG says where it stops and waits to be killed (each prints a line first):
//   before-send      the returnRequest mutation is about to leave (it is never sent)
//   ledger-recorded  the ledger holds Shopify's answer; the request's Return id is about to be written
//   after-submit     submit has answered
// Without HANG it runs on; a stand-in fault (lostAnswer) is how the test stops it after Shopify applied
// returnRequest and before any answer came back.
import { createPrismaClient, type PrismaClient } from "~/db/client";
import { createRepos } from "~/db";
import { AdminClient, offlineTransport } from "~/shopify/admin-client";
import type { SubmitBody } from "./schemas";
import { submitReturnRequest } from "./submit";

const env = process.env;
const hang = env.HANG ?? "";
// waits to be killed; the timer keeps the process alive (an unsettled top-level await alone exits it)
const forever = () => new Promise<never>(() => setInterval(() => {}, 60_000));

const base = createPrismaClient(env.DATABASE_URL);
const prisma =
  hang === "ledger-recorded"
    ? (base.$extends({
        query: {
          returnRequest: {
            async updateMany({ args, query }) {
              if (typeof (args.data as { shopifyReturnId?: unknown }).shopifyReturnId === "string") {
                console.log("ledger recorded");
                await forever();
              }
              return query(args);
            },
          },
        },
      }) as unknown as PrismaClient)
    : base;

// A generous deadline: the test kills this process long before an unanswered call would time out.
const inner = offlineTransport({ shop: env.SHOP!, accessToken: env.ACCESS_TOKEN!, env: { SHOPIFY_ADMIN_ORIGIN: env.SHOPIFY_ADMIN_ORIGIN }, timeoutMs: 300_000 });
const admin = new AdminClient(async (query, variables) => {
  if (hang === "before-send" && /mutation ReturnRequest\b/.test(query)) {
    console.log("sending returnRequest");
    await forever();
  }
  return inner(query, variables);
});

const who = { shop: env.SHOP!, customerId: env.CUSTOMER!, locale: "en" as const };
const body = JSON.parse(env.BODY!) as SubmitBody;
console.log("ready");
const result = await submitReturnRequest({ repos: createRepos(prisma), admin, now: () => new Date() }, who, env.ORDER!, body);
console.log(`submitted ${result.request.id}`);
if (hang === "after-submit") await forever();
await base.$disconnect();
