// One request in the queue.
import { Badge, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import { formatMoney } from "~/returns";
import type { QueueItem } from "~/services/admin-views/queue";
import { CODE_LABEL, REASON_LABEL, RESOLUTION_LABEL, STATUS_LABEL, STATUS_TONE, label } from "~/components/labels";

export function QueueRow({
  r,
  index,
  selected,
  timeZone,
  onOpen,
}: {
  r: QueueItem;
  index: number;
  selected: boolean;
  timeZone: string;
  onOpen: () => void;
}) {
  return (
    <IndexTable.Row id={r.id} position={index} selected={selected} onClick={onOpen}>
      <IndexTable.Cell>
        {/* the row's primary link: a keyboard reaches and opens the request (a clickable row alone is mouse-only) */}
        <Link dataPrimaryLink monochrome removeUnderline onClick={onOpen} accessibilityLabel={`Open the return request for order ${r.orderName}`}>
          <Text as="span" fontWeight="semibold">
            {r.orderName}
          </Text>
        </Link>
      </IndexTable.Cell>
      <IndexTable.Cell>{r.customer ?? "Guest"}</IndexTable.Cell>
      <IndexTable.Cell>{new Date(r.createdAt).toLocaleDateString("en", { timeZone, day: "numeric", month: "short", year: "numeric" })}</IndexTable.Cell>
      <IndexTable.Cell>
        <Badge tone={STATUS_TONE[r.shownStatus]}>{label(STATUS_LABEL, r.shownStatus)}</Badge>
      </IndexTable.Cell>
      <IndexTable.Cell>{r.reasons.map((x) => label(REASON_LABEL, x)).join(", ")}</IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100">
          {r.flags.length === 0 ? (
            <Badge tone="success">Meets policy</Badge>
          ) : (
            r.flags.map((f) => (
              <Badge key={f} tone="warning">
                {label(CODE_LABEL, f)}
              </Badge>
            ))
          )}
          {r.lastError && <Badge tone="critical">Shopify error</Badge>}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{r.resolution ? label(RESOLUTION_LABEL, r.resolution) : "Not chosen yet"}</IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric>
          {r.quantity}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric>
          {formatMoney(r.refundMinor, r.currency)}
        </Text>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}
