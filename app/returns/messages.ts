// Shopper-facing texts, keyed per code / rule, in en, fr, de, es.
// A policy may override any key through `policy.messages[key][locale]` (or a rule's own `explanation`).
import type { Locale, Policy, Translations } from "./policy";

export type MessageKey =
  | "OUTSIDE_WINDOW"
  | "NOT_DELIVERED"
  | "QUANTITY_UNAVAILABLE"
  | "QUANTITY_ALREADY_REQUESTED"
  | "EXCLUDED_ITEM"
  | "GIFT_CARD"
  | "FINAL_SALE"
  | "EXCLUDED_CHANNEL"
  | "REASON_NOT_ACCEPTED"
  | "CONDITION_NOT_MET"
  | "EVIDENCE_REQUIRED"
  | "window.change_of_mind"
  | "window.faults"
  | "window.none"
  | "warranty"
  | "returns_closed"
  | "returnable_until"
  | "terms.final_sale"
  | "terms.excluded_item"
  | "terms.gift_card"
  | "terms.window.change_of_mind"
  | "terms.window.faults"
  | "terms.no_change_of_mind"
  | "terms.warranty"
  // decision 190
  | "window.reason"
  | "keep_item"
  | "screening.hold"
  | "screening.blocked";

type Table = Record<MessageKey, Record<Locale, string>>;

// {placeholders} are filled by `t`.
const TABLE: Table = {
  OUTSIDE_WINDOW: {
    en: "The window to report this closed on {date}.",
    fr: "Le délai pour signaler ce problème a expiré le {date}.",
    de: "Die Frist dafür ist am {date} abgelaufen.",
    es: "El plazo para solicitarlo terminó el {date}.",
  },
  NOT_DELIVERED: {
    en: "This item has not been shipped yet: ask to cancel it instead.",
    fr: "Cet article n'a pas encore été expédié : demandez plutôt une annulation.",
    de: "Dieser Artikel wurde noch nicht versandt: Bitte stornieren Sie ihn stattdessen.",
    es: "Este artículo aún no se ha enviado: solicite la cancelación.",
  },
  QUANTITY_UNAVAILABLE: {
    en: "Only {available} of this item can still be returned.",
    fr: "Seulement {available} {available:exemplaire|exemplaires} de cet article {available:peut|peuvent} encore être {available:retourné|retournés}.",
    de: "Von diesem Artikel können nur noch {available} zurückgegeben werden.",
    es: "Solo se {available:puede|pueden} devolver {available} {available:unidad|unidades} de este artículo.",
  },
  // QUANTITY_UNAVAILABLE when nothing is left: the units are in an earlier request or already returned
  QUANTITY_ALREADY_REQUESTED: {
    en: "This item is already in a return request, or has already been returned.",
    fr: "Cet article fait déjà l'objet d'une demande de retour, ou a déjà été retourné.",
    de: "Für diesen Artikel gibt es bereits eine Rücksendeanfrage, oder er wurde schon zurückgegeben.",
    es: "Este artículo ya tiene una solicitud de devolución o ya se ha devuelto.",
  },
  EXCLUDED_ITEM: {
    en: "This item cannot be returned (custom, personalised, perishable or personal care products are excluded).",
    fr: "Cet article ne peut pas être retourné (produits personnalisés, périssables ou d'hygiène exclus).",
    de: "Dieser Artikel ist vom Umtausch ausgeschlossen (individuelle, verderbliche oder Hygieneartikel).",
    es: "Este artículo no admite devolución (productos personalizados, perecederos o de cuidado personal).",
  },
  GIFT_CARD: {
    en: "Gift cards cannot be returned.",
    fr: "Les cartes-cadeaux ne peuvent pas être retournées.",
    de: "Geschenkkarten können nicht zurückgegeben werden.",
    es: "Las tarjetas regalo no admiten devolución.",
  },
  FINAL_SALE: {
    en: "Sale and promotional items are final sale.",
    fr: "Les articles soldés ou en promotion ne sont ni repris ni échangés.",
    de: "Reduzierte Artikel und Aktionsware sind vom Umtausch ausgeschlossen.",
    es: "Los artículos rebajados o en promoción son venta final.",
  },
  EXCLUDED_CHANNEL: {
    en: "Items bought through this sales channel cannot be returned to us.",
    fr: "Les articles achetés via ce canal de vente ne peuvent pas nous être retournés.",
    de: "Über diesen Vertriebskanal gekaufte Artikel können nicht bei uns zurückgegeben werden.",
    es: "Los artículos comprados en este canal de venta no se pueden devolver aquí.",
  },
  REASON_NOT_ACCEPTED: {
    en: "Returns are not accepted for this reason.",
    fr: "Les retours ne sont pas acceptés pour ce motif.",
    de: "Rücksendungen aus diesem Grund werden nicht angenommen.",
    es: "No se aceptan devoluciones por este motivo.",
  },
  CONDITION_NOT_MET: {
    en: "The item must be {conditions}.",
    fr: "L'article doit être : {conditions}.",
    de: "Der Artikel muss folgende Bedingungen erfüllen: {conditions}.",
    es: "El artículo debe cumplir: {conditions}.",
  },
  EVIDENCE_REQUIRED: {
    en: "Please attach at least {photos} {photos:photo|photos} of the problem.",
    fr: "Veuillez joindre au moins {photos} {photos:photo|photos} du problème.",
    de: "Bitte fügen Sie mindestens {photos} {photos:Foto|Fotos} des Problems bei.",
    es: "Adjunte al menos {photos} {photos:foto|fotos} del problema.",
  },
  "window.change_of_mind": {
    en: "Returns are accepted within {days} days of {from}, until {date}.",
    fr: "Les retours sont acceptés dans les {days} jours suivant la {from}, jusqu'au {date}.",
    de: "Rücksendungen sind innerhalb von {days} Tagen nach {from} möglich, bis {date}.",
    es: "Se aceptan devoluciones en los {days} días posteriores a la {from}, hasta el {date}.",
  },
  "window.faults": {
    en: "Defective, damaged or wrong items can be reported within {days} days of {from}, until {date}.",
    fr: "Les articles défectueux, endommagés ou erronés peuvent être signalés dans les {days} jours suivant la {from}, jusqu'au {date}.",
    de: "Defekte, beschädigte oder falsche Artikel können innerhalb von {days} Tagen nach {from} gemeldet werden, bis {date}.",
    es: "Los artículos defectuosos, dañados o equivocados pueden notificarse en los {days} días posteriores a la {from}, hasta el {date}.",
  },
  "window.none": {
    en: "This item can be returned.",
    fr: "Cet article peut être retourné.",
    de: "Dieser Artikel kann zurückgegeben werden.",
    es: "Este artículo se puede devolver.",
  },
  warranty: {
    en: "Covered by a {months}-month warranty until {date}: {resolutions}.",
    fr: "Couvert par une garantie de {months} mois jusqu'au {date} : {resolutions}.",
    de: "Durch eine Garantie von {months} Monaten bis {date} abgedeckt: {resolutions}.",
    es: "Cubierto por una garantía de {months} meses hasta el {date}: {resolutions}.",
  },
  returns_closed: {
    en: "Returns for this order closed on {date}.",
    fr: "Les retours pour cette commande ont pris fin le {date}.",
    de: "Rücksendungen für diese Bestellung waren bis {date} möglich.",
    es: "Las devoluciones de este pedido terminaron el {date}.",
  },
  returnable_until: {
    en: "Returnable until {date}.",
    fr: "Retour possible jusqu'au {date}.",
    de: "Rückgabe möglich bis {date}.",
    es: "Se puede devolver hasta el {date}.",
  },
  "terms.final_sale": {
    en: "Final sale: this item cannot be returned for a change of mind.",
    fr: "Vente finale : cet article ne peut pas être retourné pour changement d'avis.",
    de: "Endverkauf: Dieser Artikel kann nicht aus Gefallensgründen zurückgegeben werden.",
    es: "Venta final: este artículo no admite devolución por cambio de opinión.",
  },
  "terms.excluded_item": {
    en: "This item cannot be returned for a change of mind.",
    fr: "Cet article ne peut pas être retourné pour changement d'avis.",
    de: "Dieser Artikel kann nicht aus Gefallensgründen zurückgegeben werden.",
    es: "Este artículo no admite devolución por cambio de opinión.",
  },
  "terms.gift_card": {
    en: "Gift cards cannot be returned.",
    fr: "Les cartes-cadeaux ne peuvent pas être retournées.",
    de: "Geschenkkarten können nicht zurückgegeben werden.",
    es: "Las tarjetas regalo no admiten devolución.",
  },
  // Texts shown before purchase (no dates): see lineTerms.
  "terms.window.change_of_mind": {
    en: "Returns accepted within {days} days of {from}.",
    fr: "Retours acceptés dans les {days} jours suivant la {from}.",
    de: "Rückgabe innerhalb von {days} Tagen nach {from}.",
    es: "Devoluciones aceptadas en los {days} días posteriores a la {from}.",
  },
  "terms.window.faults": {
    en: "Faulty, damaged or wrong items can be reported within {days} days of {from}.",
    fr: "Articles défectueux, endommagés ou erronés : à signaler dans les {days} jours suivant la {from}.",
    de: "Defekte, beschädigte oder falsche Artikel: innerhalb von {days} Tagen nach {from} melden.",
    es: "Artículos defectuosos, dañados o equivocados: notificar en los {days} días posteriores a la {from}.",
  },
  "terms.no_change_of_mind": {
    en: "No returns for a change of mind.",
    fr: "Pas de retour pour changement d'avis.",
    de: "Keine Rückgabe aus Gefallensgründen.",
    es: "No se aceptan devoluciones por cambio de opinión.",
  },
  "terms.warranty": {
    en: "{months}-month warranty: {resolutions}.",
    fr: "Garantie de {months} mois : {resolutions}.",
    de: "{months} Monate Garantie: {resolutions}.",
    es: "Garantía de {months} meses: {resolutions}.",
  },
  // decision 190: per-reason windows, keep the item, customer history screening.
  "window.reason": {
    en: "Returns for this reason are accepted within {days} days of {from}, until {date}.",
    fr: "Les retours pour ce motif sont acceptés dans les {days} jours suivant la {from}, jusqu'au {date}.",
    de: "Rücksendungen aus diesem Grund sind innerhalb von {days} Tagen nach {from} möglich, bis {date}.",
    es: "Se aceptan devoluciones por este motivo en los {days} días posteriores a la {from}, hasta el {date}.",
  },
  keep_item: {
    en: "You don't need to send this item back: keep it.",
    fr: "Inutile de nous renvoyer cet article : vous pouvez le garder.",
    de: "Sie müssen diesen Artikel nicht zurücksenden: Behalten Sie ihn.",
    es: "No hace falta que nos devuelva este artículo: puede quedárselo.",
  },
  "screening.hold": {
    en: "Our team will look at this request before it goes ahead. We'll be in touch soon.",
    fr: "Notre équipe examinera cette demande avant de la traiter. Nous vous contacterons rapidement.",
    de: "Unser Team prüft diese Anfrage, bevor sie bearbeitet wird. Wir melden uns in Kürze.",
    es: "Nuestro equipo revisará esta solicitud antes de tramitarla. Le contactaremos pronto.",
  },
  "screening.blocked": {
    en: "Returns on this account are handled by our team in person. We'll contact you about this request.",
    fr: "Les retours de ce compte sont traités directement par notre équipe. Nous vous contacterons au sujet de cette demande.",
    de: "Rücksendungen für dieses Konto bearbeitet unser Team persönlich. Wir melden uns zu dieser Anfrage.",
    es: "Las devoluciones de esta cuenta las gestiona nuestro equipo directamente. Le contactaremos sobre esta solicitud.",
  },
};


const WORDS: Record<string, Record<Locale, string>> = {
  delivery: { en: "delivery", fr: "livraison", de: "Lieferung", es: "entrega" },
  fulfillment: { en: "shipping", fr: "expédition", de: "Versand", es: "envío" },
  order: { en: "your order", fr: "commande", de: "Bestellung", es: "compra" },
  unused: { en: "unused", fr: "non utilisé", de: "unbenutzt", es: "sin usar" },
  unopened: { en: "unopened", fr: "non ouvert", de: "ungeöffnet", es: "sin abrir" },
  tags_attached: { en: "with tags attached", fr: "avec ses étiquettes", de: "mit Etiketten", es: "con etiquetas" },
  original_packaging: {
    en: "in its original packaging",
    fr: "dans son emballage d'origine",
    de: "in Originalverpackung",
    es: "en su embalaje original",
  },
  refund: { en: "refund", fr: "remboursement", de: "Erstattung", es: "reembolso" },
  store_credit: { en: "store credit", fr: "avoir", de: "Guthaben", es: "crédito en tienda" },
  replacement: { en: "free replacement", fr: "remplacement gratuit", de: "kostenloser Ersatz", es: "reemplazo gratuito" },
  exchange: { en: "exchange", fr: "échange", de: "Umtausch", es: "cambio" },
  and: { en: "and", fr: "et", de: "und", es: "y" },
  or: { en: "or", fr: "ou", de: "oder", es: "o" },
};

export function word(key: string, locale: Locale): string {
  return WORDS[key]?.[locale] ?? key;
}

export function joinList(items: string[], locale: Locale, conj: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${word(conj, locale)} ${items[items.length - 1]}`;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
const pluralForms = new Map<Locale, Map<number, boolean>>();
/** `{n:one|other}` picks the form the locale's plural rules ask for the number `n` ("1 photo", "2 photos"). */
function plural(locale: Locale, n: number, one: string, other: string): string {
  let forms = pluralForms.get(locale);
  if (!forms) {
    forms = new Map();
    pluralForms.set(locale, forms);
  }
  let isOne = forms.get(n);
  if (isOne === undefined) {
    let rules = pluralRules.get(locale);
    if (!rules) {
      rules = new Intl.PluralRules(locale);
      pluralRules.set(locale, rules);
    }
    isOne = rules.select(n) === "one";
    if (forms.size > 1_000) forms.clear();
    forms.set(n, isOne);
  }
  return isOne ? one : other;
}

const PLURAL = /\{(\w+):([^|{}]*)\|([^{}]*)\}/g;
const PARAM = /\{(\w+)\}/g;

/** The two passes `t` makes over a text: plural forms first, then {params} in what that gives. */
function fillByRegex(text: string, locale: Locale, params: Record<string, string | number>): string {
  return text
    .replace(PLURAL, (m, name: string, one: string, other: string) => (name in params ? plural(locale, Number(params[name]), one, other) : m))
    .replace(PARAM, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A text cut once into literal pieces, {param}s and {param:one|other} plural forms. */
type Piece = string | { name: string } | { name: string; one: string; other: string };

/**
 * Cut a text into pieces, or null when a brace stands outside a placeholder (a merchant's text may hold
 * one): such a text is filled by the regex passes, whose result the pieces could not promise to equal.
 * With every brace inside a placeholder, filling the pieces in one pass gives exactly the two passes'
 * text: a chosen plural form holds no brace, so the second pass can only find the {param}s cut here.
 */
function compile(text: string): Piece[] | null {
  const pieces: Piece[] = [];
  const literal = (from: number, to: number): boolean => {
    const part = text.slice(from, to);
    let at = 0;
    for (const m of part.matchAll(PARAM)) {
      if (m.index > at) pieces.push(part.slice(at, m.index));
      pieces.push({ name: m[1]! });
      at = m.index + m[0].length;
    }
    const rest = part.slice(at);
    if (rest) pieces.push(rest);
    // Any brace left outside the {param}s just cut is a stray one.
    for (const piece of pieces) if (typeof piece === "string" && /[{}]/.test(piece)) return false;
    return true;
  };
  let at = 0;
  for (const m of text.matchAll(PLURAL)) {
    if (!literal(at, m.index)) return null;
    pieces.push({ name: m[1]!, one: m[2]!, other: m[3]! });
    at = m.index + m[0].length;
  }
  return literal(at, text.length) ? pieces : null;
}

const compiled = new Map<string, Piece[] | null>();

function fill(text: string, locale: Locale, params: Record<string, string | number>): string {
  if (!text.includes("{")) {
    // No placeholder (and no stray "}" can form one): the passes would leave the text as it is.
    return text;
  }
  let pieces = compiled.get(text);
  if (pieces === undefined) {
    pieces = compile(text);
    if (compiled.size > 1_000) compiled.clear();
    compiled.set(text, pieces);
  }
  if (pieces === null) return fillByRegex(text, locale, params);
  let out = "";
  for (const piece of pieces) {
    if (typeof piece === "string") out += piece;
    else if (!(piece.name in params)) out += "one" in piece ? `{${piece.name}:${piece.one}|${piece.other}}` : `{${piece.name}}`;
    else if ("one" in piece) out += plural(locale, Number(params[piece.name]), piece.one, piece.other);
    else out += String(params[piece.name]);
  }
  return out;
}

const NO_PARAMS: Record<string, string | number> = Object.freeze({}) as Record<string, string | number>;

/**
 * Translate `key`, preferring an override (rule explanation or policy.messages), filling {params} and
 * choosing plural forms written as {param:one|other}. Each text is cut into pieces once and filled in one
 * pass (the engine fills one or two texts for every line of a request).
 */
export function t(
  key: MessageKey,
  locale: Locale,
  params: Record<string, string | number> = NO_PARAMS,
  policy?: Policy,
  override?: Translations,
): string {
  const text =
    override?.[locale] ?? policy?.messages[key]?.[locale] ?? TABLE[key][locale] ?? override?.en ?? policy?.messages[key]?.en ?? TABLE[key].en;
  return fill(text, locale, params);
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
// Formatted dates remembered per locale, zone and instant (number keys: no string built per lookup).
const formattedDates = new Map<Locale, Map<string, Map<number, string>>>();
let formattedCount = 0;
/** "31 March 2026" style, in the shop's zone and the shopper's locale. */
export function formatDate(epochMs: number, locale: Locale, timeZone: string): string {
  const hit = formattedDates.get(locale)?.get(timeZone)?.get(epochMs);
  if (hit !== undefined) return hit;
  const key = `${locale}|${timeZone}`;
  let f = dateFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { timeZone, day: "numeric", month: "long", year: "numeric" });
    dateFormatters.set(key, f);
  }
  const text = f.format(epochMs);
  if (formattedCount > 10_000) {
    formattedDates.clear();
    formattedCount = 0;
  }
  let byZone = formattedDates.get(locale);
  if (!byZone) formattedDates.set(locale, (byZone = new Map()));
  let byInstant = byZone.get(timeZone);
  if (!byInstant) byZone.set(timeZone, (byInstant = new Map()));
  byInstant.set(epochMs, text);
  formattedCount++;
  return text;
}

export const MESSAGE_KEYS = Object.keys(TABLE) as MessageKey[];

/** The built-in text of a message (what a policy's override replaces), for the policy editor. */
export function builtInMessage(key: MessageKey, locale: Locale): string {
  return TABLE[key][locale] ?? TABLE[key].en;
}
