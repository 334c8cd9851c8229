// Shopify's app security checks, decided from in-test inputs (no files).
import { describe, expect, it } from "vitest";
import { appConfigFixture } from "./app-config.fixture";
import { SECURITY_CHECKS, checkUrl, runSecurityChecks, stripComments, unauthenticatedRoutes, type ScanInputs } from "./security-checks";

const SESSION = "model Session {\n  id String @id\n  expires DateTime?\n  refreshToken String?\n  refreshTokenExpires DateTime?\n}\n";
const SERVER_TODAY = `const shopify = shopifyApp({
  apiVersion: ADMIN_API_VERSION,
  future: {
    // expiringOfflineAccessTokens: true,  (a comment decides nothing)
    unstable_newEmbeddedAuthStrategy: true,
  },
});`;

function inputs(over: Partial<ScanInputs> & { files?: Record<string, string> } = {}): ScanInputs {
  const config = appConfigFixture();
  const files = { "app/shopify.server.ts": SERVER_TODAY, "prisma/schema.prisma": SESSION, ...over.files };
  return {
    config,
    sources: new Map(Object.entries(files)),
    tracked: Object.keys(files),
    read: (f) => files[f as keyof typeof files] ?? "",
    adminApiVersion: "2026-07",
    now: new Date("2026-12-01T00:00:00Z"),
    scopeProblems: [],
    ...over,
  };
}

const decide = (id: string, i: ScanInputs) => runSecurityChecks(i).find((r) => r.id === id)!;

describe("the check list", () => {
  it("has unique ids, each with its shopify.dev page", () => {
    const ids = SECURITY_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(checkUrl("EXPIRING_OFFLINE_TOKEN")).toBe("https://shopify.dev/docs/apps/build/security/app-security-checks/expiring-offline-token");
    expect(ids).toEqual(expect.arrayContaining(["EXPIRING_OFFLINE_TOKEN", "EOL_API_VERSION", "UNAUTHENTICATED_ENDPOINT", "MISSING_COMPLIANCE_WEBHOOKS", "COMMITTED_SECRET", "INSECURE_WEBHOOK_URL"]));
  });

  it("a check that throws is reported as failed, not skipped", () => {
    const [r] = runSecurityChecks(inputs(), [{ id: "X", title: "x", decide: () => { throw new Error("boom"); } }]);
    expect(r).toMatchObject({ id: "X", status: "fail", detail: "the check itself failed: boom" });
  });
});

describe("EXPIRING_OFFLINE_TOKEN", () => {
  it("fails while app/shopify.server.ts does not turn the future flag on (today's shape)", () => {
    expect(decide("EXPIRING_OFFLINE_TOKEN", inputs())).toMatchObject({ status: "fail" });
    expect(decide("EXPIRING_OFFLINE_TOKEN", inputs()).detail).toMatch(/does not set future: \{ expiringOfflineAccessTokens: true \}/);
  });

  it("passes once the flag is on and the Session table keeps the refresh metadata", () => {
    const on = SERVER_TODAY.replace("unstable_newEmbeddedAuthStrategy: true,", "unstable_newEmbeddedAuthStrategy: true,\n    expiringOfflineAccessTokens: true,");
    expect(decide("EXPIRING_OFFLINE_TOKEN", inputs({ files: { "app/shopify.server.ts": on } })).status).toBe("pass");
    const noRefresh = "model Session {\n  id String @id\n  expires DateTime?\n}\n";
    expect(decide("EXPIRING_OFFLINE_TOKEN", inputs({ files: { "app/shopify.server.ts": on, "prisma/schema.prisma": noRefresh } })).detail).toMatch(/lacks refreshToken, refreshTokenExpires/);
  });

  it("fails when the flag is explicitly off", () => {
    const off = SERVER_TODAY.replace("unstable_newEmbeddedAuthStrategy: true,", "expiringOfflineAccessTokens: false,");
    expect(decide("EXPIRING_OFFLINE_TOKEN", inputs({ files: { "app/shopify.server.ts": off } })).detail).toMatch(/turns expiringOfflineAccessTokens off/);
  });
});

describe("EOL_API_VERSION", () => {
  it("passes a supported version and fails one past its end", () => {
    expect(decide("EOL_API_VERSION", inputs()).status).toBe("pass");
    expect(decide("EOL_API_VERSION", inputs({ now: new Date("2027-08-01T00:00:00Z") })).detail).toMatch(/no longer served since 2027-07-31/);
  });
});

describe("UNAUTHENTICATED_ENDPOINT", () => {
  const helper = 'import { authenticate } from "~/shopify.server";\nexport async function adminContext(request: Request) { return authenticate.admin(request); }\n';
  it("accepts a route that authenticates directly or through a helper that does, and names one that does not", () => {
    const sources = new Map(
      Object.entries({
        "app/services/context.server.ts": helper,
        "app/routes/app.a.tsx": 'import { authenticate } from "~/shopify.server";\nexport const loader = async ({ request }) => { await authenticate.admin(request); return {}; };',
        "app/routes/app.b.tsx": 'import { adminContext } from "~/services/context.server";\nexport const loader = async ({ request }) => { await adminContext(request); return {}; };',
        "app/routes/app.c.tsx": 'import { adminContext } from "~/services/context.server";\n// adminContext(request) in a comment\nexport const loader = async () => ({ all: true });',
        "app/routes/app.d.tsx": "export default function Page() { return null; }",
        "app/routes/healthz.ts": 'export const loader = () => new Response("ok");',
      }),
    );
    expect(unauthenticatedRoutes(sources)).toEqual({ unauthenticated: ["app/routes/app.c.tsx"], checked: 4 });
    expect(decide("UNAUTHENTICATED_ENDPOINT", inputs({ sources })).detail).toMatch(/No authenticate\.\* call .* in: app\/routes\/app\.c\.tsx/);
  });
});

describe("MISSING_COMPLIANCE_WEBHOOKS and INSECURE_WEBHOOK_URL", () => {
  it("needs a route for each compliance topic", () => {
    expect(decide("MISSING_COMPLIANCE_WEBHOOKS", inputs()).detail).toMatch(/customers\/data_request to \/webhooks\/customers\/data_request, but no route answers it/);
    const routes = { "app/routes/webhooks.customers.data_request.tsx": "", "app/routes/webhooks.customers.redact.tsx": "", "app/routes/webhooks.shop.redact.tsx": "" };
    expect(decide("MISSING_COMPLIANCE_WEBHOOKS", inputs({ files: routes })).status).toBe("pass");
  });

  it("refuses http callbacks and accepts relative, https, Pub/Sub and EventBridge URIs", () => {
    const base = inputs();
    expect(decide("INSECURE_WEBHOOK_URL", base).status).toBe("pass");
    const config = { ...base.config, redirectUrls: ["http://a.shop-app.com/cb"], subscriptions: [...base.config.subscriptions, { topics: ["x"], complianceTopics: [], uri: "http://hooks.shop-app.com/x" }, { topics: ["y"], complianceTopics: [], uri: "pubsub://p:t" }] };
    expect(decide("INSECURE_WEBHOOK_URL", { ...base, config }).detail).toBe("Not https: http://hooks.shop-app.com/x, http://a.shop-app.com/cb (in shopify.app.toml).");
  });
});

describe("COMMITTED_SECRET", () => {
  it("fails on a tracked environment file or a Shopify token, not on .env.example or look-alikes", () => {
    expect(decide("COMMITTED_SECRET", inputs({ files: { ".env.example": "SHOPIFY_API_SECRET=", "app/x.ts": 'const t = "shpat_test";' } })).status).toBe("pass");
    expect(decide("COMMITTED_SECRET", inputs({ files: { ".env": "X=1" } })).detail).toMatch(/\.env \(an environment or secrets file\)/);
    expect(decide("COMMITTED_SECRET", inputs({ files: { "app/y.ts": `const t = "shpat_${"a1".repeat(16)}";` } })).detail).toMatch(/app\/y\.ts \(a Shopify token\)/);
  });
});

describe("scans that settle an agent-review check", () => {
  it("OPEN_REDIRECT passes fixed paths and asks a person about anything else", () => {
    const ok = inputs({ files: { "app/routes/_index/route.tsx": 'throw redirect(`/app?${q}`); throw redirect("/auth/login");' } });
    expect(decide("OPEN_REDIRECT", ok)).toMatchObject({ status: "pass", detail: "2 redirect(s), each to a fixed path on the app itself." });
    const steer = inputs({ files: { "app/routes/auth.cb.tsx": 'return redirect(url.searchParams.get("return_to"));' } });
    expect(decide("OPEN_REDIRECT", steer).status).toBe("person");
    expect(decide("OPEN_REDIRECT", inputs({ files: { "app/r.tsx": 'redirect("//evil.test")' } })).status).toBe("person");
  });

  it("UNSAFE_INNERHTML fails on an HTML-string sink; TEXT_SETTING_HTML_SMUGGLING asks a person about raw HTML", () => {
    expect(decide("UNSAFE_INNERHTML", inputs({ files: { "extensions/x/src/a.ts": "el.innerHTML = label;" } })).status).toBe("fail");
    expect(decide("TEXT_SETTING_HTML_SMUGGLING", inputs()).status).toBe("pass");
    expect(decide("TEXT_SETTING_HTML_SMUGGLING", inputs({ files: { "app/components/B.tsx": "<div dangerouslySetInnerHTML={{ __html: s }} />" } })).status).toBe("person");
  });

  it("APP_PROXY_UNVERIFIED_SIGNATURE does not apply without an app proxy; SCOPE_OVER_REQUEST fails on an undeclared scope", () => {
    expect(decide("APP_PROXY_UNVERIFIED_SIGNATURE", inputs()).status).toBe("pass");
    const i = inputs();
    expect(decide("APP_PROXY_UNVERIFIED_SIGNATURE", { ...i, config: { ...i.config, hasAppProxy: true } }).status).toBe("person");
    expect(decide("SCOPE_OVER_REQUEST", inputs()).status).toBe("person");
    expect(decide("SCOPE_OVER_REQUEST", inputs({ scopeProblems: ["Q selects Location.id …"] })).status).toBe("fail");
  });
});

describe("stripComments", () => {
  it("drops line and block comments and keeps strings that look like them", () => {
    expect(stripComments('a(); // x\nb("https://x.test/*y*/"); /* c */ d();')).toBe('a(); \nb("https://x.test/*y*/");  d();');
  });
});
