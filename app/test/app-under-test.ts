// Test setup shared by the suites that import the app's real route modules: the app reads its configuration
// (SHOPIFY_*, SCOPES, DATABASE_URL) at import, and app/db.server.ts keeps one Prisma client per process, so a
// suite points both at its own keys and database before the first import. callRoute calls a route module the
// way Remix does, where a thrown Response (a redirect, a 401) is the answer rather than a crash.

export interface AppUnderTestEnv {
  apiKey: string;
  apiSecret: string;
  appUrl: string;
  /** SCOPES; left as it is when not given. */
  scopes?: string;
  databaseUrl: string;
  /** Where the app sends https://<shop> requests (SHOPIFY_ADMIN_ORIGIN); left as it is when not given. */
  adminOrigin?: string;
}

export function configureAppUnderTest(o: AppUnderTestEnv): void {
  Object.assign(process.env, {
    SHOPIFY_API_KEY: o.apiKey,
    SHOPIFY_API_SECRET: o.apiSecret,
    SHOPIFY_APP_URL: o.appUrl,
    DATABASE_URL: o.databaseUrl,
    ...(o.scopes === undefined ? {} : { SCOPES: o.scopes }),
    ...(o.adminOrigin === undefined ? {} : { SHOPIFY_ADMIN_ORIGIN: o.adminOrigin }),
  });
  // The next import of app/db.server.ts must open this suite's database.
  (globalThis as { prismaGlobal?: unknown }).prismaGlobal = undefined;
}

type RouteArgs = { request: Request; params: Record<string, string | undefined>; context: Record<string, unknown> };

/** What a loader or action answers: its value, or the Response it threw. Anything else thrown is a crash and propagates. */
export async function callRoute<T>(fn: (args: RouteArgs) => Promise<T>, request: Request, params: Record<string, string> = {}): Promise<T | Response> {
  try {
    return await fn({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A loader or action as the tests call it; assignable to a suite's own narrower function type. */
export type RouteHandler = (args: { request: Request; params: Record<string, string | undefined>; context: Record<string, unknown> }) => Promise<never>;

/**
 * Imports route handlers by "<file in app/routes, no extension>#loader|action", e.g.
 * { redact: "webhooks.customers.redact#action" }. Call configureAppUnderTest (or start the installed app) first.
 */
export async function loadRoutes<T extends Record<string, `${string}#${"loader" | "action"}`>>(table: T): Promise<{ [K in keyof T]: RouteHandler }> {
  const out = {} as { [K in keyof T]: RouteHandler };
  for (const key of Object.keys(table) as (keyof T)[]) {
    const [file, name] = table[key]!.split("#") as [string, "loader" | "action"];
    const mod = (await import(`../routes/${file}`)) as Partial<Record<"loader" | "action", RouteHandler>>;
    const fn = mod[name];
    if (!fn) throw new Error(`app/routes/${file} has no ${name}`);
    out[key] = fn;
  }
  return out;
}

/** A suite's own app identity: key and secret named after the suite (so a leak says whose), and the app's URL. */
export function testAppCredentials(name: string): { apiKey: string; apiSecret: string; appUrl: string } {
  return { apiKey: `${name}-key`, apiSecret: `${name}-secret-0123456789abcdef`, appUrl: "https://returns.example.com" };
}
