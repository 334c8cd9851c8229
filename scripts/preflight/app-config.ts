// What the preflight needs from a shopify.app*.toml, read once: URLs, scopes, webhooks, app proxy.
import { readFileSync } from "node:fs";
import { parseToml, type TomlTable, type TomlValue } from "./toml";

export interface WebhookSubscription {
  topics: string[];
  complianceTopics: string[];
  uri: string;
}

export interface AppConfig {
  /** the file it was read from, as the preflight names it */
  file: string;
  applicationUrl: string | undefined;
  redirectUrls: string[];
  /** [access_scopes] scopes, split */
  scopes: string[];
  webhooksApiVersion: string | undefined;
  subscriptions: WebhookSubscription[];
  hasAppProxy: boolean;
  automaticallyUpdateUrlsOnDev: boolean;
}

const table = (v: TomlValue | undefined): TomlTable =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? v : {};
const str = (v: TomlValue | undefined): string | undefined => (typeof v === "string" ? v : undefined);
const strings = (v: TomlValue | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export function appConfigFrom(toml: TomlTable, file: string): AppConfig {
  const webhooks = table(toml.webhooks);
  const subs = Array.isArray(webhooks.subscriptions) ? webhooks.subscriptions : [];
  return {
    file,
    applicationUrl: str(toml.application_url),
    redirectUrls: strings(table(toml.auth).redirect_urls),
    scopes: (str(table(toml.access_scopes).scopes) ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    webhooksApiVersion: str(webhooks.api_version),
    subscriptions: subs.map((s) => {
      const t = table(s);
      return { topics: strings(t.topics), complianceTopics: strings(t.compliance_topics), uri: str(t.uri) ?? "" };
    }),
    hasAppProxy: toml.app_proxy !== undefined,
    automaticallyUpdateUrlsOnDev: table(toml.build).automatically_update_urls_on_dev === true,
  };
}

export function readAppConfig(path: string, name = path): AppConfig {
  return appConfigFrom(parseToml(readFileSync(path, "utf8")), name);
}
