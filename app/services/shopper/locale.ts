// The shopper's language: explicit ?locale= first, then Accept-Language, then what the request was
// made in, then English. Only the engine's locales (en, fr, de, es) are offered.
import { LOCALES, type Locale, type Reason, type Resolution } from "~/returns";
import type { ReturnStatus } from "~/db";

export function isLocale(x: unknown): x is Locale {
  return typeof x === "string" && (LOCALES as readonly string[]).includes(x);
}

/** Picks the best supported language from an Accept-Language header (q-values honoured). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const r of ranked) if (isLocale(r.lang)) return r.lang;
  return null;
}

export function requestLocale(request: Request): Locale | null {
  const q = new URL(request.url).searchParams.get("locale")?.toLowerCase().split("-")[0];
  if (isLocale(q)) return q;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language"));
}

const STATUS: Record<Exclude<ReturnStatus, "failed">, Record<Locale, string>> = {
  requested: {
    en: "We received your request and will review it shortly.",
    fr: "Nous avons bien reçu votre demande et l'examinerons rapidement.",
    de: "Wir haben Ihre Anfrage erhalten und prüfen sie in Kürze.",
    es: "Hemos recibido su solicitud y la revisaremos en breve.",
  },
  approved: {
    en: "Your return was approved. Please send the items back.",
    fr: "Votre retour a été accepté. Veuillez renvoyer les articles.",
    de: "Ihre Rücksendung wurde genehmigt. Bitte senden Sie die Artikel zurück.",
    es: "Su devolución fue aprobada. Por favor, envíe los artículos.",
  },
  declined: {
    en: "Your return request was declined.",
    fr: "Votre demande de retour a été refusée.",
    de: "Ihre Rücksendeanfrage wurde abgelehnt.",
    es: "Su solicitud de devolución fue rechazada.",
  },
  received: {
    en: "We received your items and are processing your return.",
    fr: "Nous avons reçu vos articles et traitons votre retour.",
    de: "Wir haben Ihre Artikel erhalten und bearbeiten Ihre Rücksendung.",
    es: "Hemos recibido sus artículos y estamos procesando su devolución.",
  },
  refunded: {
    en: "Your refund has been issued.",
    fr: "Votre remboursement a été émis.",
    de: "Ihre Erstattung wurde veranlasst.",
    es: "Su reembolso ha sido emitido.",
  },
  credited: {
    en: "Store credit has been added to your account.",
    fr: "Un avoir a été ajouté à votre compte.",
    de: "Das Guthaben wurde Ihrem Konto gutgeschrieben.",
    es: "Se ha añadido crédito en tienda a su cuenta.",
  },
  closed: {
    en: "This return is complete.",
    fr: "Ce retour est terminé.",
    de: "Diese Rücksendung ist abgeschlossen.",
    es: "Esta devolución está completada.",
  },
  cancelled: {
    en: "You cancelled this return request.",
    fr: "Vous avez annulé cette demande de retour.",
    de: "Sie haben diese Rücksendeanfrage storniert.",
    es: "Ha cancelado esta solicitud de devolución.",
  },
  refused: {
    en: "The store could not accept this return because the order changed meanwhile (for example, items were already returned or refunded). You can request a return again for what is left.",
    fr: "La boutique n'a pas pu accepter ce retour car la commande a changé entre-temps (par exemple, des articles ont déjà été retournés ou remboursés). Vous pouvez demander un nouveau retour pour ce qui reste.",
    de: "Der Shop konnte diese Rücksendung nicht annehmen, weil sich die Bestellung inzwischen geändert hat (zum Beispiel wurden Artikel bereits zurückgegeben oder erstattet). Sie können für die übrigen Artikel erneut eine Rücksendung anfragen.",
    es: "La tienda no pudo aceptar esta devolución porque el pedido cambió mientras tanto (por ejemplo, algunos artículos ya se devolvieron o reembolsaron). Puede solicitar una nueva devolución de lo que queda.",
  },
};

/** A request the store has not opened yet (its Return is being opened by the job queue). */
const OPENING: Record<Locale, string> = {
  en: "We received your request and are passing it to the store. This can take a minute at busy times.",
  fr: "Nous avons reçu votre demande et la transmettons à la boutique. Cela peut prendre une minute aux heures chargées.",
  de: "Wir haben Ihre Anfrage erhalten und leiten sie an den Shop weiter. Zu Stoßzeiten kann das eine Minute dauern.",
  es: "Hemos recibido su solicitud y la estamos enviando a la tienda. En horas de mucha actividad puede tardar un minuto.",
};

export function openingMessage(locale: Locale): string {
  return OPENING[locale];
}

export function statusMessage(status: ReturnStatus, locale: Locale): string {
  // "failed" is an internal state (a Shopify call to retry); the shopper still sees it as pending review.
  const key = status === "failed" ? "requested" : status;
  return STATUS[key][locale];
}

/** Shopper-facing words for the core's reason codes (app/returns/labels.ts), in every locale. */
export const REASON_LABELS: Record<Reason, Record<Locale, string>> = {
  UNWANTED: { en: "Changed my mind", fr: "J'ai changé d'avis", de: "Meinung geändert", es: "Cambié de opinión" },
  DEFECTIVE: { en: "Defective", fr: "Défectueux", de: "Defekt", es: "Defectuoso" },
  DAMAGED: { en: "Arrived damaged", fr: "Arrivé endommagé", de: "Beschädigt angekommen", es: "Llegó dañado" },
  WRONG_ITEM: { en: "Wrong item received", fr: "Mauvais article reçu", de: "Falscher Artikel erhalten", es: "Recibí un artículo equivocado" },
  NOT_AS_DESCRIBED: { en: "Not as described", fr: "Non conforme à la description", de: "Nicht wie beschrieben", es: "No es como se describe" },
  SIZE_TOO_SMALL: { en: "Too small", fr: "Trop petit", de: "Zu klein", es: "Demasiado pequeño" },
  SIZE_TOO_LARGE: { en: "Too large", fr: "Trop grand", de: "Zu groß", es: "Demasiado grande" },
  STYLE: { en: "Didn't like the style", fr: "Le style ne me plaît pas", de: "Stil gefällt nicht", es: "No me gustó el estilo" },
  COLOR: { en: "Didn't like the colour", fr: "La couleur ne me plaît pas", de: "Farbe gefällt nicht", es: "No me gustó el color" },
  OTHER: { en: "Other", fr: "Autre", de: "Sonstiges", es: "Otro" },
};

export function reasonLabel(reason: string, locale: Locale): string {
  return REASON_LABELS[reason as Reason]?.[locale] ?? reason;
}

/** Shopper-facing words for the core's resolution codes, in every locale. */
export const RESOLUTION_LABELS: Record<Resolution, Record<Locale, string>> = {
  refund: { en: "Refund to original payment", fr: "Remboursement sur le moyen de paiement", de: "Erstattung auf die ursprüngliche Zahlungsart", es: "Reembolso al método de pago original" },
  store_credit: { en: "Store credit", fr: "Avoir", de: "Guthaben", es: "Crédito en tienda" },
  replacement: { en: "Free replacement", fr: "Remplacement gratuit", de: "Kostenloser Ersatz", es: "Reemplazo gratuito" },
  exchange: { en: "Exchange", fr: "Échange", de: "Umtausch", es: "Cambio" },
};

export function resolutionLabel(code: string, locale: Locale): string {
  return RESOLUTION_LABELS[code as Resolution]?.[locale] ?? code;
}

const DECLINE_REASONS: Record<string, Record<Locale, string>> = {
  RETURN_PERIOD_ENDED: {
    en: "The return period for this order has ended.",
    fr: "Le délai de retour de cette commande est dépassé.",
    de: "Die Rückgabefrist für diese Bestellung ist abgelaufen.",
    es: "El plazo de devolución de este pedido ha terminado.",
  },
  FINAL_SALE: {
    en: "This item was sold as final sale.",
    fr: "Cet article a été vendu sans possibilité de retour.",
    de: "Dieser Artikel war vom Umtausch ausgeschlossen.",
    es: "Este artículo se vendió como venta final.",
  },
};

/** Shopper-facing text for a Shopify ReturnDeclineReason; OTHER (or unknown) says nothing. */
export function declineReasonLabel(code: string | undefined, locale: Locale): string | undefined {
  return code ? DECLINE_REASONS[code]?.[locale] : undefined;
}

/** Where a replacement's or exchange's new items are, in the shopper's words ({items}: "1 × Seat cover"). */
export type NewItemsState = "asked" | "waiting" | "preparing" | "shipped";
const NEW_ITEMS: Record<"replacement" | "exchange", Record<NewItemsState, Record<Locale, string>>> = {
  replacement: {
    asked: { en: "You asked for a replacement: {items}.", fr: "Vous avez demandé un remplacement : {items}.", de: "Sie haben Ersatz angefragt: {items}.", es: "Pediste un reemplazo: {items}." },
    waiting: { en: "Your replacement ({items}) is sent once your return is received and processed.", fr: "Votre remplacement ({items}) sera envoyé dès réception et traitement de votre retour.", de: "Ihr Ersatz ({items}) wird verschickt, sobald Ihre Rücksendung eingegangen und bearbeitet ist.", es: "Tu reemplazo ({items}) se envía cuando tu devolución se reciba y procese." },
    preparing: { en: "Your replacement ({items}) is being prepared for shipping.", fr: "Votre remplacement ({items}) est en préparation.", de: "Ihr Ersatz ({items}) wird für den Versand vorbereitet.", es: "Tu reemplazo ({items}) se está preparando para el envío." },
    shipped: { en: "Your replacement ({items}) has shipped.", fr: "Votre remplacement ({items}) a été expédié.", de: "Ihr Ersatz ({items}) wurde verschickt.", es: "Tu reemplazo ({items}) fue enviado." },
  },
  exchange: {
    asked: { en: "You asked to exchange for: {items}.", fr: "Vous avez demandé un échange contre : {items}.", de: "Sie haben einen Umtausch angefragt gegen: {items}.", es: "Pediste cambiarlo por: {items}." },
    waiting: { en: "Your new item ({items}) is sent once your return is received and processed.", fr: "Votre nouvel article ({items}) sera envoyé dès réception et traitement de votre retour.", de: "Ihr neuer Artikel ({items}) wird verschickt, sobald Ihre Rücksendung eingegangen und bearbeitet ist.", es: "Tu nuevo artículo ({items}) se envía cuando tu devolución se reciba y procese." },
    preparing: { en: "Your new item ({items}) is being prepared for shipping.", fr: "Votre nouvel article ({items}) est en préparation.", de: "Ihr neuer Artikel ({items}) wird für den Versand vorbereitet.", es: "Tu nuevo artículo ({items}) se está preparando para el envío." },
    shipped: { en: "Your new item ({items}) has shipped.", fr: "Votre nouvel article ({items}) a été expédié.", de: "Ihr neuer Artikel ({items}) wurde verschickt.", es: "Tu nuevo artículo ({items}) fue enviado." },
  },
};
const TRACKING: Record<Locale, string> = { en: "Tracking number", fr: "Numéro de suivi", de: "Sendungsnummer", es: "Número de seguimiento" };

export function newItemsMessage(kind: "replacement" | "exchange", state: NewItemsState, items: string, locale: Locale, tracking?: { number: string; carrier?: string }): string {
  const base = NEW_ITEMS[kind][state][locale].replace("{items}", items);
  return tracking ? `${base} ${TRACKING[locale]}: ${tracking.number}${tracking.carrier ? ` (${tracking.carrier})` : ""}` : base;
}

/** The picker's words for a choice: its price and the difference against what comes back. */
const CHOICE: Record<"free" | "even" | "back" | "more", Record<Locale, string>> = {
  free: { en: "free", fr: "gratuit", de: "kostenlos", es: "gratis" },
  even: { en: "same price", fr: "même prix", de: "gleicher Preis", es: "mismo precio" },
  back: { en: "{amount} back", fr: "{amount} remboursés", de: "{amount} zurück", es: "te devolvemos {amount}" },
  more: { en: "costs {amount} more — not possible here", fr: "coûte {amount} de plus — impossible ici", de: "kostet {amount} mehr — hier nicht möglich", es: "cuesta {amount} más — no es posible aquí" },
};

export function choiceLabel(title: string, price: string | null, diff: { kind: "free" | "even" | "back" | "more"; amount?: string }, locale: Locale): string {
  const words = CHOICE[diff.kind][locale].replace("{amount}", diff.amount ?? "");
  return [title, price, words].filter(Boolean).join(" · ");
}

/** Why a line has nothing to choose for a replacement or exchange. */
const NO_CHOICE: Record<"noProduct" | "currency" | "replacementOut" | "exchangeOut", Record<Locale, string>> = {
  noProduct: { en: "This item cannot be replaced or exchanged", fr: "Cet article ne peut être ni remplacé ni échangé", de: "Dieser Artikel kann weder ersetzt noch umgetauscht werden", es: "Este artículo no se puede reemplazar ni cambiar" },
  currency: { en: "Exchanges are offered only for orders paid in the shop's currency", fr: "Les échanges ne sont proposés que pour les commandes payées dans la devise de la boutique", de: "Umtausch gibt es nur für Bestellungen in der Währung des Shops", es: "Los cambios solo se ofrecen para pedidos pagados en la moneda de la tienda" },
  replacementOut: { en: "This item is out of stock, so it cannot be replaced now", fr: "Cet article est en rupture de stock : il ne peut pas être remplacé pour le moment", de: "Dieser Artikel ist nicht vorrätig und kann gerade nicht ersetzt werden", es: "Este artículo está agotado, así que no se puede reemplazar ahora" },
  exchangeOut: { en: "No other size or option is in stock", fr: "Aucune autre taille ou option n'est en stock", de: "Keine andere Größe oder Variante ist vorrätig", es: "No hay otra talla u opción en stock" },
};

export function noChoiceMessage(why: keyof typeof NO_CHOICE, locale: Locale): string {
  return NO_CHOICE[why][locale];
}
