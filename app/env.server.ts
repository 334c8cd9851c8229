// The app's required configuration, read from the environment (see .env.example); missing is an error at once.
export type RequiredEnvName = "SHOPIFY_API_KEY" | "SHOPIFY_API_SECRET" | "SHOPIFY_APP_URL";

export function requiredEnv(name: RequiredEnvName): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name} (see .env.example)`);
  return value;
}
