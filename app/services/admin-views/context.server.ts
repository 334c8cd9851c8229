// What every admin route needs after authentication: the composition root (repositories, a typed
// AdminClient, the clock) built once per request, the shop, who is acting, the shop's time zone and
// currency. Routes call this, then hand it to read models / services.
import type { AdminClient } from "~/shopify/admin-client";
import { adminClientFromContext } from "~/shopify/admin-client";
import prisma, { databaseProvider } from "~/db.server";
import type { ShopRecord } from "~/db";
import { serviceContext, type AdminServiceContext } from "~/services/context";
import { authenticateStaff } from "~/shopify/staff-auth.server";
import { unstorableTextInRequest } from "~/services/input-text";
import { storeShopFacts } from "~/shopify/shop-facts";
import { httpStaffNameLookup, learnStaffName, type StaffNameLookup } from "~/shopify/staff-names";
import { requiredEnv } from "~/env.server";
import type { Provider } from "./shared";

export interface AdminContext extends AdminServiceContext {
  shop: string;
  admin: AdminClient;
  /** "staff:<userId>" from the verified session token's subject */
  actor: string;
  provider: Provider;
  shopRecord: ShopRecord | null;
  timeZone: string;
  currency: string;
}

/**
 * `shopFacts`: when the shop's currency/time zone are not stored yet (afterAuth stores them at install;
 * this is the fallback for shops installed before that, or when that read failed), read them from
 * Shopify once and store them. Off for the home screen, which is the first page
 * after install and only needs them for the trend's day boundaries.
 */
export async function adminContext(request: Request, { shopFacts = true }: { shopFacts?: boolean } = {}): Promise<AdminContext> {
  const { session, admin, sessionToken } = await authenticateStaff(request);
  // Free text that cannot be stored (NUL, unpaired surrogates) in the path, query or form: 400 naming it.
  const unstorable = await unstorableTextInRequest(request);
  if (unstorable) throw jsonError(400, unstorable.field, unstorable.message);
  const client = adminClientFromContext(admin);
  const services = serviceContext({ db: prisma, admin: client, now: () => new Date() });
  const { repos } = services;
  let shopRecord = await repos.shops.get(session.shop);
  if (shopFacts && (!shopRecord?.currency || !shopRecord.timezone)) {
    // Money and days are shown in the shop's currency and time zone: read them once from Shopify if the
    // install hook has not stored them yet.
    try {
      shopRecord = await storeShopFacts(client, repos.shops, session.shop, services.now());
    } catch {
      // keep going with UTC/USD defaults; the page still works
    }
  }
  const sub = sessionToken?.sub;
  // An action is recorded with its staff member: learn their name from Shopify if it is not known yet.
  if (sub && request.method !== "GET" && request.method !== "HEAD") {
    const raw = request.headers.get("Authorization")?.replace(/^Bearer /, "") || new URL(request.url).searchParams.get("id_token");
    if (raw) await learnStaffName({ repos, now: services.now, lookup: staffNameLookup() }, session.shop, String(sub), raw);
  }
  return {
    ...services,
    shop: session.shop,
    actor: `staff:${sub ? String(sub) : "unknown"}`,
    provider: databaseProvider(process.env.DATABASE_URL),
    shopRecord,
    timeZone: shopRecord?.timezone || "UTC",
    currency: shopRecord?.currency || "USD",
  };
}

let lookup: StaffNameLookup | undefined;
function staffNameLookup(): StaffNameLookup {
  lookup ??= httpStaffNameLookup({ apiKey: requiredEnv("SHOPIFY_API_KEY"), apiSecret: requiredEnv("SHOPIFY_API_SECRET") });
  return lookup;
}

/** A Response with a JSON body and status, for loaders/actions that answer errors in words. */
export function jsonError(status: number, field: string, message: string): Response {
  return Response.json({ ok: false, error: { code: "BAD_INPUT", field, message } }, { status });
}
