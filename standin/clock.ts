export type Clock = () => Date;

/** Shopify prints DateTimes without milliseconds: 2026-07-20T07:23:58Z */
export function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
