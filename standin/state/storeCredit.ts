import type { Store } from "./store";
import { gidType, newId } from "./store";
import { ue, type UserErr } from "./errors";
import type { StoreCreditAccountRec } from "./types";
import { fromDecimal } from "./money";
import type { Clock } from "../clock";
import { iso } from "../clock";

/** Shopify refused a credit taking a 7.23 USD balance to 100,007.23 (2026-04 capture); the exact cap is not published. */
export const CREDIT_LIMIT_MINOR = 10_000_000;

type Amount = { amount: string; currencyCode: string };

/** Accepts a StoreCreditAccount id or an owner (Customer) id, as storeCreditAccountCredit does. */
function resolveAccount(store: Store, id: string, currency: string, createForOwner: boolean) {
  const t = gidType(id);
  if (t === "StoreCreditAccount") {
    const acc = store.storeCreditAccounts.get(id);
    return acc ? { acc } : { err: ue(["id"], "Store credit account does not exist", "ACCOUNT_NOT_FOUND") };
  }
  if (t === "Customer" || t === "CompanyLocation") {
    if (t === "Customer" && store.customers.has(id)) {
      const same = [...store.storeCreditAccounts.values()].find((a) => a.ownerId === id && a.currencyCode === currency);
      if (same) return { acc: same };
      if (!createForOwner) return { err: ue(["id"], "Store credit account does not exist", "ACCOUNT_NOT_FOUND") };
      const acc: StoreCreditAccountRec = { id: newId(store, "StoreCreditAccount"), ownerId: id, currencyCode: currency, balance: 0, transactions: [] };
      store.storeCreditAccounts.set(acc.id, acc);
      return { acc };
    }
    return createForOwner
      ? { err: ue(["id"], "Owner does not exist", "OWNER_NOT_FOUND") }
      : { err: ue(["id"], "Store credit account does not exist", "ACCOUNT_NOT_FOUND") };
  }
  return { err: ue(["id"], "Store credit account does not exist", "ACCOUNT_NOT_FOUND") };
}

/** What a credit or debit answers: the account and the new transaction, or why not. */
type Posting = { acc: StoreCreditAccountRec | null; txnId: string | null; userErrors: UserErr[] };

const refused = (err: UserErr): Posting => ({ acc: null, txnId: null, userErrors: [err] });

/** The check both mutations make, under their own input name: the amount's currency is the account's. */
function currencyMismatch(input: "creditInput" | "debitInput", acc: StoreCreditAccountRec, amount: Amount): Posting | null {
  if (acc.currencyCode === amount.currencyCode) return null;
  const field = input === "creditInput" ? "creditAmount" : "debitAmount";
  return refused(ue([input, field, "currencyCode"], "The currency provided does not match the currency of the store credit account", "MISMATCHING_CURRENCY"));
}

/** Moves the balance and records the transaction. */
function post(store: Store, acc: StoreCreditAccountRec, kind: "CREDIT" | "DEBIT", minor: number, createdAt: Date, expiresAt: string | null, event: "ADJUSTMENT" | "ORDER_REFUND" = "ADJUSTMENT"): Posting {
  acc.balance += kind === "CREDIT" ? minor : -minor;
  const txnId = newId(store, kind === "CREDIT" ? "StoreCreditAccountCreditTransaction" : "StoreCreditAccountDebitTransaction");
  acc.transactions.push({ id: txnId, kind, amount: minor, balanceAfter: acc.balance, createdAt: iso(createdAt), expiresAt, event });
  return { acc, txnId, userErrors: [] };
}

/** `event`: ADJUSTMENT for storeCreditAccountCredit, ORDER_REFUND for a refund to store credit (StoreCreditSystemEvent). */
export function creditAccount(store: Store, clock: Clock, id: string, amount: Amount, expiresAt: string | null, event: "ADJUSTMENT" | "ORDER_REFUND" = "ADJUSTMENT"): Posting {
  const now = clock();
  const t = gidType(id);
  if (t === "StoreCreditAccount" && !store.storeCreditAccounts.has(id)) return refused(ue(["id"], "Store credit account does not exist", "ACCOUNT_NOT_FOUND"));
  if (t !== "StoreCreditAccount" && !(t === "Customer" && store.customers.has(id))) {
    const owner = t === "Customer" || t === "CompanyLocation";
    return refused(ue(["id"], owner ? "Owner does not exist" : "Store credit account does not exist", owner ? "OWNER_NOT_FOUND" : "ACCOUNT_NOT_FOUND"));
  }
  if (expiresAt && new Date(expiresAt).getTime() <= now.getTime())
    return refused(ue(["creditInput", "expiresAt"], "The expiry date must be in the future", "EXPIRES_AT_IN_PAST"));
  const minor = fromDecimal(amount.amount, amount.currencyCode);
  if (minor <= 0)
    return refused(ue(["creditInput", "creditAmount", "amount"], "A positive amount must be used to credit a store credit account", "NEGATIVE_OR_ZERO_AMOUNT"));
  const r = resolveAccount(store, id, amount.currencyCode, true);
  if ("err" in r) return refused(r.err!);
  const acc = r.acc!;
  const mismatch = currencyMismatch("creditInput", acc, amount);
  if (mismatch) return mismatch;
  if (acc.balance + minor > CREDIT_LIMIT_MINOR)
    return refused(ue(["creditInput", "creditAmount", "amount"], "The operation would cause the account's credit limit to be exceeded", "CREDIT_LIMIT_EXCEEDED"));
  return post(store, acc, "CREDIT", minor, now, expiresAt, event);
}

export function debitAccount(store: Store, clock: Clock, id: string, amount: Amount): Posting {
  const minor = fromDecimal(amount.amount, amount.currencyCode);
  const r = resolveAccount(store, id, amount.currencyCode, false);
  if ("err" in r) return refused(r.err!);
  const acc = r.acc!;
  if (minor <= 0)
    return refused(ue(["debitInput", "debitAmount", "amount"], "A positive amount must be used to debit a store credit account", "NEGATIVE_OR_ZERO_AMOUNT"));
  const mismatch = currencyMismatch("debitInput", acc, amount);
  if (mismatch) return mismatch;
  if (minor > acc.balance)
    return refused(ue(["debitInput", "debitAmount", "amount"], "The store credit account does not have sufficient funds to satisfy the request", "INSUFFICIENT_FUNDS"));
  return post(store, acc, "DEBIT", minor, clock(), null);
}
