// The app's required configuration, read from the environment (see .env.example); missing is an error at once.
export type RequiredEnvName = "SHOPIFY_API_KEY" | "SHOPIFY_API_SECRET" | "SHOPIFY_APP_URL";

export function requiredEnv(name: RequiredEnvName): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name} (see .env.example)`);
  return value;
}

/**
 * The protected customer data fields Shopify approved for this app beyond level 1 (Partner Dashboard, API
 * access requests, Protected customer data access), as SHOPIFY_PROTECTED_CUSTOMER_FIELDS="name,email".
 * Shopify does not tell an app its approvals through the API, so the merchant or partner states them; the app
 * asks for a protected field only when it is listed (https://shopify.dev/docs/apps/launch/protected-customer-data).
 */
export function approvedCustomerFields(env: Record<string, string | undefined> = process.env): Set<string> {
  return new Set(
    (env.SHOPIFY_PROTECTED_CUSTOMER_FIELDS ?? "")
      .split(",")
      .map((f) => f.trim().toLowerCase())
      .filter(Boolean),
  );
}
