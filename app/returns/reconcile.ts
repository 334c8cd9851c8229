// Money reconciliation, pure: per request, the app's money (what it agreed to refund or credit, the fees
// it kept) beside Shopify's record of the Return (its refunds, the fees it records, and refunds made on
// the order outside any Return for the request's items), and the drift between them in the merchant's
// words with both figures. Shopify's record wins: drift is reported, never "fixed" by writing the app's
// figure to Shopify (docs/decisions/160-reconciliation.md). No Shopify, Prisma or clock here.
import { formatMoney } from "./money";
import type { RequestStatus } from "./request-state";

export interface AppMoney {
  requestId: string;
  orderName: string;
  currency: string;
  status: RequestStatus;
  /** what the app agreed to give back (after a staff override), minor units */
  refundMinor: number;
  /** restocking + return shipping fees the app took off */
  feesMinor: number;
  /** the app holds that the money went back (refunded / credited, or closed after that) */
  settled: boolean;
  /**
   * decision 220: the store credit bonus credited beside a refund to store credit (storeCreditAccountCredit,
   * outside the Return). The credit the shopper got is `refundMinor` + this; only `refundMinor` is a refund.
   */
  bonusMinor?: number;
}

export interface ShopifyMoney {
  returnId: string;
  /** the Return's refunds, in the currency the shopper paid */
  refunds: { id: string; amountMinor: number; currency: string }[];
  /** fees Shopify records on the Return (return shipping + restocking); null when it records none */
  feesMinor: number | null;
  /** refunds on the order that belong to no Return and refund one of the request's items */
  outsideReturn: { id: string; amountMinor: number; currency: string }[];
  /** decision 220: the bonus credits Shopify shows for the request (read by id); absent when not read */
  bonusCredits?: { id: string; amountMinor: number; currency: string }[];
}

export type DriftKind = "refund_missing" | "refund_amount" | "refund_not_recorded" | "refund_outside_return" | "fees" | "currency" | "store_credit_bonus";

export interface MoneyCheck {
  requestId: string;
  orderName: string;
  returnId: string;
  currency: string;
  app: { refundMinor: number; feesMinor: number; settled: boolean; bonusMinor?: number };
  shopify: { refundedMinor: number; refundIds: string[]; feesMinor: number | null; outsideReturnMinor: number; bonusCreditedMinor?: number };
  drift: { kind: DriftKind; message: string }[];
}

const sum = (xs: readonly { amountMinor: number }[]) => xs.reduce((a, x) => a + x.amountMinor, 0);

/** Compares one request's money with Shopify's record of its Return. */
export function checkMoney(app: AppMoney, shopify: ShopifyMoney): MoneyCheck {
  const cur = app.currency;
  const fmt = (minor: number) => formatMoney(minor, cur);
  const drift: MoneyCheck["drift"] = [];
  const foreign = [...shopify.refunds, ...shopify.outsideReturn].find((r) => r.currency !== cur);
  const refunded = sum(shopify.refunds.filter((r) => r.currency === cur));
  const outside = sum(shopify.outsideReturn.filter((r) => r.currency === cur));
  if (foreign) {
    drift.push({ kind: "currency", message: `Shopify refunded in ${foreign.currency}; the request is in ${cur}.` });
  }
  if (app.settled) {
    if (refunded === 0) {
      drift.push({ kind: "refund_missing", message: `The app shows ${fmt(app.refundMinor)} given back; Shopify shows no refund on the return.` });
    } else if (refunded !== app.refundMinor) {
      drift.push({ kind: "refund_amount", message: `The app shows ${fmt(app.refundMinor)} given back; Shopify shows ${fmt(refunded)}.` });
    }
  } else if (refunded > 0) {
    drift.push({ kind: "refund_not_recorded", message: `Shopify shows ${fmt(refunded)} refunded on the return; the app shows nothing given back yet.` });
  }
  if (outside > 0) {
    drift.push({
      kind: "refund_outside_return",
      message: `Shopify shows ${fmt(outside)} refunded on the order outside the return for these items; the app shows ${fmt(app.settled ? app.refundMinor : 0)}.`,
    });
  }
  // The bonus is not a refund: Shopify's refund is compared with `refundMinor` alone (above), exactly, and
  // the bonus with the credit Shopify shows for it, when that was read.
  const bonus = app.bonusMinor ?? 0;
  const bonusCredited = shopify.bonusCredits === undefined ? undefined : sum(shopify.bonusCredits.filter((c) => c.currency === cur));
  if (app.settled && bonus > 0 && bonusCredited !== undefined && bonusCredited !== bonus) {
    drift.push({ kind: "store_credit_bonus", message: `The app shows ${fmt(bonus)} of store credit bonus; Shopify shows ${fmt(bonusCredited)} credited for it.` });
  }
    if (shopify.feesMinor !== null && shopify.feesMinor !== app.feesMinor) {
    drift.push({ kind: "fees", message: `The app kept ${fmt(app.feesMinor)} in fees; Shopify records ${fmt(shopify.feesMinor)}.` });
  }
  return {
    requestId: app.requestId,
    orderName: app.orderName,
    returnId: shopify.returnId,
    currency: cur,
    app: { refundMinor: app.refundMinor, feesMinor: app.feesMinor, settled: app.settled, ...(bonus > 0 ? { bonusMinor: bonus } : {}) },
    shopify: {
      refundedMinor: refunded,
      refundIds: shopify.refunds.map((r) => r.id),
      feesMinor: shopify.feesMinor,
      outsideReturnMinor: outside,
      ...(bonusCredited !== undefined ? { bonusCreditedMinor: bonusCredited } : {}),
    },
    drift,
  };
}
