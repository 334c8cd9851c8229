// Decision 190 on the request detail page: why the request waits for staff (the customer's history above
// a threshold the policy sets, or the blocklist), the history it was judged on, and the items the
// customer keeps (no return needed).
import { Banner, BlockStack, List, Text } from "@shopify/polaris";
import type { RequestDetail } from "~/services/admin-views/detail";

const FINDING: Record<string, string> = {
  BLOCKED_CUSTOMER: "This customer is on the returns blocklist.",
  BLOCKED_EMAIL_DOMAIN: "The customer's e-mail domain is on the returns blocklist.",
  REQUESTS_ABOVE: "More return requests than the policy allows before review",
  UNITS_ABOVE: "More items returned than the policy allows before review",
  REFUNDED_ABOVE: "More refunded than the policy allows before review",
  RETURN_RATE_ABOVE: "A higher return rate than the policy allows before review",
};

export function CustomerHistory({ detail }: { detail: RequestDetail }) {
  const s = detail.screening;
  const kept = detail.lines.filter((l) => l.keepItem);
  if (!s && kept.length === 0) return null;
  const h = s?.history ?? null;
  const refunded = h ? Object.entries(h.refunded).map(([cur, amount]) => `${amount} ${cur}`) : [];
  return (
    <BlockStack gap="400">
      {s && s.outcome !== "clear" && (
        <Banner tone={s.outcome === "blocked" ? "critical" : "warning"} title={s.outcome === "blocked" ? "Held: the customer is on the blocklist" : "Held for review: the customer's return history"}>
          <BlockStack gap="200">
            <p>The policy never declines a request for this: approve or decline it yourself. The customer was told the team will look at it first.</p>
            <List>
              {s.findings.map((f) => (
                <List.Item key={f.code}>{f.code.startsWith("BLOCKED") ? (FINDING[f.code] ?? f.detail) : `${FINDING[f.code] ?? "Above a threshold"}: ${f.detail}.`}</List.Item>
              ))}
            </List>
          </BlockStack>
        </Banner>
      )}
      {h && (
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            Customer's return history
          </Text>
          <Text as="p">
            {`Before this request: ${h.requests} ${h.requests === 1 ? "request" : "requests"}, ${h.units} ${h.units === 1 ? "item" : "items"}, refunded ${refunded.length ? refunded.join(" and ") : "nothing"}.`}
            {h.orders !== null ? ` ${h.orders} ${h.orders === 1 ? "order" : "orders"} at the store in all.` : ""}
          </Text>
        </BlockStack>
      )}
      {kept.length > 0 && (
        <Banner tone="info" title="No return needed">
          <p>{`The customer keeps ${kept.map((l) => l.title).join(", ")}: refund or credit it without waiting for it to come back, and do not restock it (Shopify then records it as not restocked).`}</p>
        </Banner>
      )}
    </BlockStack>
  );
}
