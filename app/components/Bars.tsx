// Plain SVG/CSS bar charts a person reads at a glance (no chart library). Values are integers.
import { BlockStack, InlineStack, Text } from "@shopify/polaris";

export interface BarDatum {
  label: string;
  value: number;
  /** optional second series drawn stacked on top (e.g. credited on refunded) */
  value2?: number;
  title?: string;
}

/** Vertical bars (time series). */
export function ColumnChart({
  data,
  height = 80,
  color = "var(--p-color-bg-fill-info)",
  color2 = "var(--p-color-bg-fill-success)",
  ariaLabel,
  formatValue = (n: number) => String(n),
  showLabels = "ends",
}: {
  data: BarDatum[];
  height?: number;
  color?: string;
  color2?: string;
  ariaLabel: string;
  formatValue?: (n: number) => string;
  showLabels?: "ends" | "all";
}) {
  const max = Math.max(1, ...data.map((d) => d.value + (d.value2 ?? 0)));
  const w = 100 / Math.max(1, data.length);
  return (
    <BlockStack gap="100">
      <svg role="img" aria-label={ariaLabel} viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" width="100%" height={height}>
        {data.map((d, i) => {
          const h1 = (d.value / max) * (height - 2);
          const h2 = ((d.value2 ?? 0) / max) * (height - 2);
          return (
            <g key={d.label}>
              <title>{d.title ?? `${d.label}: ${formatValue(d.value)}`}</title>
              <rect x={i * w + w * 0.15} width={w * 0.7} y={height - h1} height={Math.max(h1, d.value > 0 ? 1 : 0)} fill={color} />
              {h2 > 0 && <rect x={i * w + w * 0.15} width={w * 0.7} y={height - h1 - h2} height={h2} fill={color2} />}
              {d.value + (d.value2 ?? 0) === 0 && <rect x={i * w + w * 0.15} width={w * 0.7} y={height - 1} height={1} fill="var(--p-color-border)" />}
            </g>
          );
        })}
      </svg>
      {data.length > 0 && showLabels === "ends" && (
        <InlineStack align="space-between">
          <Text as="span" variant="bodySm" tone="subdued">
            {data[0]!.label}
          </Text>
          <Text as="span" variant="bodySm" tone="subdued">
            {data[data.length - 1]!.label}
          </Text>
        </InlineStack>
      )}
    </BlockStack>
  );
}

/** Horizontal bars with a label and value on each row (rankings). */
export function BarList({ data, formatValue = (n: number) => String(n) }: { data: BarDatum[]; formatValue?: (n: number) => string }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  return (
    <BlockStack gap="200">
      {data.map((d) => (
        <div key={d.label}>
          <InlineStack align="space-between" blockAlign="center" wrap={false}>
            <Text as="span" variant="bodyMd" truncate>
              {d.label}
            </Text>
            <Text as="span" variant="bodyMd" fontWeight="semibold" numeric>
              {formatValue(d.value)}
            </Text>
          </InlineStack>
          <div style={{ background: "var(--p-color-bg-surface-secondary)", borderRadius: 4, height: 8, marginTop: 4 }}>
            <div
              style={{
                width: `${(d.value / max) * 100}%`,
                background: "var(--p-color-bg-fill-info)",
                borderRadius: 4,
                height: 8,
                minWidth: d.value > 0 ? 4 : 0,
              }}
            />
          </div>
        </div>
      ))}
    </BlockStack>
  );
}
