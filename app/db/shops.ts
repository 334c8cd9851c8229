import {
  DbInputError,
  NotFoundError,
  optionalString,
  requireDate,
  requireOneOf,
  requireShop,
  type Db,
} from "./shared";

export const RESOLUTIONS = ["refund", "store_credit", "exchange"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export interface ShopSettings {
  notifyCustomer: boolean;
  autoApproval: boolean;
  defaultResolution: Resolution;
}

export interface ShopRecord extends ShopSettings {
  domain: string;
  name: string | null;
  currency: string | null;
  timezone: string | null;
  country: string | null;
  installedAt: Date;
  uninstalledAt: Date | null;
}

export interface ShopDetails {
  name?: string | null;
  currency?: string | null;
  timezone?: string | null;
  country?: string | null;
}

/** A stored row: the record's fields, with the default resolution as a plain string. */
type ShopRow = Omit<ShopRecord, "defaultResolution"> & { defaultResolution: string };

function toRecord(row: ShopRow): ShopRecord {
  return {
    domain: row.domain,
    name: row.name,
    currency: row.currency,
    timezone: row.timezone,
    country: row.country,
    installedAt: row.installedAt,
    uninstalledAt: row.uninstalledAt,
    notifyCustomer: row.notifyCustomer,
    autoApproval: row.autoApproval,
    defaultResolution: row.defaultResolution as Resolution,
  };
}

function details(d: ShopDetails) {
  return {
    ...(d.name !== undefined ? { name: optionalString("name", d.name, { clean: true }) } : {}),
    ...(d.currency !== undefined ? { currency: optionalString("currency", d.currency, { max: 3 }) } : {}),
    ...(d.timezone !== undefined ? { timezone: optionalString("timezone", d.timezone, { max: 100 }) } : {}),
    ...(d.country !== undefined ? { country: optionalString("country", d.country, { max: 2 }) } : {}),
  };
}

export function createShopsRepo(db: Db) {
  return {
    async get(shop: string): Promise<ShopRecord | null> {
      const row = await db.shop.findUnique({ where: { domain: requireShop(shop) } });
      return row ? toRecord(row) : null;
    },

    /** Install or reinstall: creates the row, or refreshes details and clears uninstalledAt. */
    async upsertInstalled(shop: string, input: ShopDetails & { now: Date }): Promise<ShopRecord> {
      const domain = requireShop(shop);
      const now = requireDate("now", input.now);
      const d = details(input);
      const existing = await db.shop.findUnique({ where: { domain } });
      const row = await db.shop.upsert({
        where: { domain },
        create: { domain, installedAt: now, ...d },
        // a reinstall after an uninstall starts a new installation
        update: { ...d, uninstalledAt: null, ...(existing?.uninstalledAt ? { installedAt: now } : {}) },
      });
      return toRecord(row);
    },

    async updateDetails(shop: string, input: ShopDetails): Promise<ShopRecord> {
      const domain = requireShop(shop);
      const res = await db.shop.updateMany({ where: { domain }, data: details(input) });
      if (res.count === 0) throw new NotFoundError(`shop ${domain} is not installed`);
      return (await this.get(domain))!;
    },

    async markUninstalled(shop: string, now: Date): Promise<void> {
      await db.shop.updateMany({
        where: { domain: requireShop(shop), uninstalledAt: null },
        data: { uninstalledAt: requireDate("now", now) },
      });
    },

    async updateSettings(shop: string, patch: Partial<ShopSettings>): Promise<ShopRecord> {
      const domain = requireShop(shop);
      const data: Partial<ShopSettings> = {};
      for (const key of ["notifyCustomer", "autoApproval"] as const) {
        const v = patch[key];
        if (v === undefined) continue;
        if (typeof v !== "boolean") throw new DbInputError(key, "must be a boolean");
        data[key] = v;
      }
      if (patch.defaultResolution !== undefined) {
        data.defaultResolution = requireOneOf("defaultResolution", patch.defaultResolution, RESOLUTIONS);
      }
      const res = await db.shop.updateMany({ where: { domain }, data });
      if (res.count === 0) throw new NotFoundError(`shop ${domain} is not installed`);
      return (await this.get(domain))!;
    },
  };
}

export type ShopsRepo = ReturnType<typeof createShopsRepo>;
