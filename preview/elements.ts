// Minimal, real custom elements for the Polaris web components our extensions use, so an extension can be
// mounted in a plain page. Not a visual clone of Polaris: each element renders native HTML with visible
// labels and proper roles (so screen-reader names and Playwright's getByRole/getByLabel work), and fires
// the same events with the same properties (value / checked / files) the real host elements expose.

const CSS = `
:host{all:initial}
body{font:14px/1.45 system-ui,sans-serif;color:#1a1a1a;margin:0;padding:4px}
s-stack{display:flex;flex-direction:column;gap:10px}
s-stack[direction=inline]{flex-direction:row;flex-wrap:wrap;align-items:center}
s-stack[gap=small-200],s-stack[gap=small-300],s-stack[gap=small-400],s-stack[gap=small-500]{gap:4px}
s-stack[gap=small],s-stack[gap=small-100]{gap:6px}
s-stack[gap=large],s-stack[gap=large-100]{gap:18px}
s-box,s-grid-item{display:block}
s-box[padding=base]{padding:10px}
s-box[border=base]{border:1px solid #d6d6d6;border-radius:8px}
s-grid{display:grid;gap:8px}
s-text{display:inline}
s-text[type=strong]{font-weight:600}
s-text[tone=critical]{color:#b3261e}
s-text[tone=success]{color:#1a7f37}
s-text[color=subdued]{color:#616161}
s-text[type=small]{font-size:12px}
s-paragraph{display:block}
s-heading{display:block;font-weight:650;font-size:16px;margin:2px 0}
s-badge{display:inline-block;padding:1px 8px;border-radius:10px;background:#e8e8e8;font-size:12px;font-weight:550}
s-badge[tone=critical]{background:#fedad9;color:#8e1f0b}
s-badge[tone=success]{background:#cdfee1;color:#0c5132}
s-badge[tone=warning]{background:#ffef9d;color:#4f4700}
s-badge[tone=info]{background:#e0f0ff;color:#00527c}
s-divider{display:block;border-top:1px solid #dedede;margin:4px 0}
s-option{display:none}
s-unordered-list,s-ordered-list{display:block;padding-left:1.2em}
s-list-item{display:list-item}
s-spinner{display:inline-block;width:14px;height:14px;border:2px solid #ccc;border-top-color:#333;border-radius:50%;animation:spin 1s linear infinite}
@keyframes spin{to{transform:rotate(360deg)}}
`;

const SHADOW_CSS = `
:host{display:block}
label{display:block;font-weight:550;margin-bottom:3px}
.row{display:flex;gap:8px;align-items:center}
.row label{display:inline;font-weight:400;margin:0}
input:not([type=checkbox]),select,textarea{box-sizing:border-box;width:100%;font:inherit;padding:7px 9px;border:1px solid #8a8a8a;border-radius:8px;background:#fff}
input[aria-invalid=true],select[aria-invalid=true],textarea[aria-invalid=true]{border-color:#b3261e}
.err{color:#b3261e;font-size:13px;margin-top:3px}
.err:empty{display:none}
.hint{color:#616161;font-size:13px}
button,a.btn{font:inherit;font-weight:600;padding:7px 14px;border-radius:8px;border:1px solid #303030;background:#303030;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,a.btn.secondary{background:#fff;color:#303030}
button.tertiary{background:transparent;border-color:transparent;color:#005bd3;padding:7px 4px}
button.critical{background:#c70a24;border-color:#c70a24}
button.secondary.critical{background:#fff;color:#c70a24;border-color:#c70a24}
button:disabled{opacity:.5;cursor:default}
.banner{border-radius:10px;padding:10px 12px;background:#eaf4ff;border:1px solid #a6c8ff}
.banner.critical{background:#fee9e8;border-color:#f5a09a}
.banner.success{background:#e6f7ee;border-color:#8fd3ad}
.banner.warning{background:#fff5d6;border-color:#f0cf6a}
.banner strong{display:block;margin-bottom:2px}
section{border:1px solid #e1e1e1;border-radius:12px;padding:12px 14px;background:#fff}
h2{font-size:16px;margin:0 0 8px}
h1{font-size:22px;margin:0}
.page{display:flex;flex-direction:column;gap:12px}
.dz{border:1px dashed #8a8a8a;border-radius:8px;padding:10px}
`;

let uid = 0;
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

abstract class Shadowed extends HTMLElement {
  protected root: ShadowRoot;
  protected id_ = `f${++uid}`;
  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
  }
  connectedCallback() {
    this.update();
  }
  attributeChangedCallback() {
    if (this.isConnected) this.update();
  }
  protected attr(name: string) {
    return this.getAttribute(name) ?? "";
  }
  protected abstract update(): void;
}

/** Static-markup element: re-renders its shadow tree from attributes. */
function staticElement(attrs: string[], html: (el: HTMLElement) => string) {
  return class extends Shadowed {
    static observedAttributes = attrs;
    protected update() {
      this.root.innerHTML = `<style>${SHADOW_CSS}</style>` + html(this);
    }
  };
}

const SectionEl = staticElement(["heading", "accessibility-label", "accessibilitylabel"], (el) => {
  const h = el.getAttribute("heading");
  return `<section aria-label="${esc(h ?? el.getAttribute("accessibilityLabel") ?? "")}">${h ? `<h2>${esc(h)}</h2>` : ""}<slot></slot></section>`;
});

const BannerEl = staticElement(["heading", "tone"], (el) => {
  const tone = el.getAttribute("tone") ?? "info";
  const role = tone === "critical" || tone === "warning" ? "alert" : "status";
  const h = el.getAttribute("heading");
  return `<div class="banner ${esc(tone)}" role="${role}">${h ? `<strong>${esc(h)}</strong>` : ""}<slot></slot></div>`;
});

const ActionEl = staticElement(["heading"], (el) => {
  const h = el.getAttribute("heading") ?? "";
  return `<div role="dialog" aria-label="${esc(h)}"><h2>${esc(h)}</h2><slot></slot>
  <div class="row" style="margin-top:12px"><slot name="primary-action"></slot><slot name="secondary-actions"></slot></div></div>`;
});

/** Shopify's page component, the container of a full-page extension: heading, a way back, actions, content. */
const PageEl = staticElement(["heading", "subheading"], (el) => {
  const sub = el.getAttribute("subheading");
  return `<div class="page"><div class="row"><slot name="breadcrumb-actions"></slot><h1>${esc(el.getAttribute("heading") ?? "")}</h1></div>${
    sub ? `<div class="hint">${esc(sub)}</div>` : ""
  }<div class="row"><slot name="primary-action"></slot><slot name="secondary-actions"></slot></div><slot></slot></div>`;
});

const ImageEl = staticElement(["src", "alt"], (el) => `<img src="${esc(el.getAttribute("src") ?? "")}" alt="${esc(el.getAttribute("alt") ?? "")}" style="max-width:100%;border-radius:6px">`);

/** A product's small square picture (Shopify crops it to the square from the centre). */
const ProductThumbnailEl = staticElement(["src", "alt", "size"], (el) => {
  const px = el.getAttribute("size") === "small-100" ? 32 : el.getAttribute("size") === "small" ? 48 : 64;
  return `<img src="${esc(el.getAttribute("src") ?? "")}" alt="${esc(el.getAttribute("alt") ?? "")}" width="${px}" height="${px}" style="display:block;object-fit:cover;border-radius:8px;border:1px solid #e1e1e1">`;
});

const LinkEl = staticElement(["href", "target", "accessibilitylabel"], (el) => {
  const t = el.getAttribute("target") === "_blank" ? ' target="_blank" rel="noopener"' : "";
  const al = el.getAttribute("accessibilityLabel");
  return `<a href="${esc(el.getAttribute("href") ?? "#")}"${t}${al ? ` aria-label="${esc(al)}"` : ""}><slot></slot></a>`;
});

class ButtonEl extends Shadowed {
  static observedAttributes = ["href", "disabled", "loading", "variant", "tone", "accessibilitylabel", "target"];
  protected update() {
    const href = this.getAttribute("href");
    const cls = [this.attr("variant"), this.attr("tone")].join(" ");
    const al = this.getAttribute("accessibilityLabel");
    const aria = al ? ` aria-label="${esc(al)}"` : "";
    const busy = this.hasAttribute("loading");
    const disabled = this.hasAttribute("disabled") || busy;
    // a page's breadcrumb is a labelled arrow (Shopify discards its children)
    const arrow = this.getAttribute("slot") === "breadcrumb-actions" ? '<span aria-hidden="true">←</span>' : "";
    this.root.innerHTML =
      `<style>:host{display:inline-block}${SHADOW_CSS}</style>` +
      (href
        ? `<a class="btn ${esc(cls)}" href="${esc(href)}"${this.getAttribute("target") === "_blank" ? ' target="_blank" rel="noopener"' : ""}${aria}>${arrow}<slot></slot></a>`
        : `<button type="button" class="${esc(cls)}"${aria}${disabled ? " disabled" : ""}${busy ? ' aria-busy="true"' : ""}><slot></slot></button>`);
  }
}

/** Base for form controls: the native control is created once (keeps focus), attributes are synced. */
abstract class Field<C extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> extends Shadowed {
  static observedAttributes = ["label", "error", "disabled", "required", "placeholder", "min", "max", "step", "accept", "multiple", "details", "rows", "maxlength"];
  protected control!: C;
  protected labelEl = document.createElement("label");
  protected errEl = document.createElement("div");
  protected built = false;
  protected abstract makeControl(): C;
  protected build() {
    this.control = this.makeControl();
    this.control.id = this.id_;
    this.labelEl.htmlFor = this.id_;
    this.errEl.className = "err";
    this.errEl.id = this.id_ + "-err";
    this.errEl.setAttribute("role", "alert");
    const style = document.createElement("style");
    style.textContent = SHADOW_CSS;
    this.root.append(style, this.labelEl, this.control, this.errEl);
    this.control.addEventListener("input", () => this.emit("input"));
    this.control.addEventListener("change", () => this.emit("change"));
  }
  protected emit(type: string) {
    this.dispatchEvent(new Event(type));
  }
  protected update() {
    if (!this.built) {
      this.build();
      this.built = true;
    }
    this.labelEl.textContent = this.attr("label");
    const err = this.attr("error");
    this.errEl.textContent = err;
    this.control.setAttribute("aria-invalid", err ? "true" : "false");
    if (err) this.control.setAttribute("aria-describedby", this.errEl.id);
    else this.control.removeAttribute("aria-describedby");
    this.control.disabled = this.hasAttribute("disabled");
    this.control.required = this.hasAttribute("required");
    for (const a of ["placeholder", "min", "max", "step", "accept", "rows", "maxlength"]) {
      const v = this.getAttribute(a);
      if (v === null) this.control.removeAttribute(a);
      else this.control.setAttribute(a, v);
    }
  }
}

class TextFieldEl extends Field<HTMLInputElement> {
  protected pending = "";
  protected makeControl() {
    const i = document.createElement("input");
    i.type = this.localName === "s-number-field" ? "number" : "text";
    i.value = this.pending || this.getAttribute("value") || "";
    return i;
  }
  get value() {
    return this.built ? this.control.value : this.pending;
  }
  set value(v: string) {
    const s = v === null || v === undefined ? "" : String(v);
    if (this.built) {
      if (this.control.value !== s) this.control.value = s;
    } else this.pending = s;
  }
}

class TextAreaEl extends Field<HTMLTextAreaElement> {
  protected pending = "";
  protected makeControl() {
    const t = document.createElement("textarea");
    t.rows = 3;
    t.value = this.pending;
    return t;
  }
  get value() {
    return this.built ? this.control.value : this.pending;
  }
  set value(v: string) {
    const s = v == null ? "" : String(v);
    if (this.built) {
      if (this.control.value !== s) this.control.value = s;
    } else this.pending = s;
  }
}

class CheckboxEl extends Field<HTMLInputElement> {
  protected pending = false;
  protected makeControl() {
    const i = document.createElement("input");
    i.type = "checkbox";
    i.checked = this.pending;
    return i;
  }
  protected override build() {
    super.build();
    // Checkbox first, label after it, on one row.
    const row = document.createElement("div");
    row.className = "row";
    this.root.insertBefore(row, this.labelEl);
    row.append(this.control, this.labelEl);
  }
  get checked() {
    return this.built ? this.control.checked : this.pending;
  }
  set checked(v: boolean) {
    if (this.built) this.control.checked = !!v;
    else this.pending = !!v;
  }
}

class SelectEl extends Field<HTMLSelectElement> {
  protected pending = "";
  private observer = new MutationObserver(() => this.syncOptions());
  protected makeControl() {
    return document.createElement("select");
  }
  protected override update() {
    super.update();
    this.syncOptions();
  }
  override connectedCallback() {
    super.connectedCallback();
    this.observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
  }
  disconnectedCallback() {
    this.observer.disconnect();
  }
  protected override emit(type: string) {
    this.pending = this.control.value;
    super.emit(type);
  }
  private syncOptions() {
    if (!this.built) return;
    const want = this.pending;
    const opts: string[] = [];
    const ph = this.getAttribute("placeholder");
    if (ph !== null) opts.push(`<option value="" disabled>${esc(ph)}</option>`);
    for (const o of Array.from(this.querySelectorAll("s-option"))) {
      opts.push(`<option value="${esc(o.getAttribute("value") ?? "")}"${o.hasAttribute("disabled") ? " disabled" : ""}>${esc(o.textContent ?? "")}</option>`);
    }
    const html = opts.join("");
    if (this.control.innerHTML !== html) this.control.innerHTML = html;
    this.control.value = want;
  }
  get value() {
    return this.built ? this.control.value : this.pending;
  }
  set value(v: string) {
    this.pending = v == null ? "" : String(v);
    if (this.built) this.control.value = this.pending;
  }
}

class DropZoneEl extends Field<HTMLInputElement> {
  private _files: File[] = [];
  protected makeControl() {
    const i = document.createElement("input");
    i.type = "file";
    return i;
  }
  protected override build() {
    super.build();
    const box = document.createElement("div");
    box.className = "dz";
    this.root.insertBefore(box, this.labelEl);
    box.append(this.labelEl, this.control, this.errEl);
  }
  protected override emit(type: string) {
    this._files = Array.from(this.control.files ?? []);
    super.emit(type);
  }
  protected override update() {
    super.update();
    this.control.multiple = this.hasAttribute("multiple");
  }
  get files(): readonly File[] {
    return this._files;
  }
  get value() {
    return this._files[0]?.name ?? "";
  }
  set value(v: string) {
    if (!v && this.built) {
      this.control.value = "";
      this._files = [];
    }
  }
}

class HeadingEl extends HTMLElement {
  connectedCallback() {
    this.setAttribute("role", "heading");
    if (!this.hasAttribute("aria-level")) this.setAttribute("aria-level", "3");
  }
}
class SpinnerEl extends HTMLElement {
  connectedCallback() {
    this.setAttribute("role", "progressbar");
    const l = this.getAttribute("accessibilityLabel");
    if (l) this.setAttribute("aria-label", l);
  }
}
class StackEl extends HTMLElement {
  static observedAttributes = ["accessibilityrole", "accessibilitylabel"];
  connectedCallback() {
    this.attributeChangedCallback();
  }
  attributeChangedCallback() {
    const role = this.getAttribute("accessibilityRole");
    if (role === "list") this.setAttribute("role", "list");
    else if (role === "list-item" || role === "listitem") this.setAttribute("role", "listitem");
    else if (role === "status" || role === "alert") this.setAttribute("role", role);
    const l = this.getAttribute("accessibilityLabel");
    if (l) this.setAttribute("aria-label", l);
  }
}
class DividerEl extends HTMLElement {
  connectedCallback() {
    this.setAttribute("role", "separator");
  }
}
class Plain extends HTMLElement {}

export function defineElements(win: Window & typeof globalThis = window) {
  const style = win.document.createElement("style");
  style.textContent = CSS;
  win.document.head.append(style);
  const defs: Record<string, CustomElementConstructor> = {
    "s-section": SectionEl,
    "s-banner": BannerEl,
    "s-customer-account-action": ActionEl,
    "s-page": PageEl,
    "s-image": ImageEl,
    "s-product-thumbnail": ProductThumbnailEl,
    "s-link": LinkEl,
    "s-button": ButtonEl,
    "s-text-field": TextFieldEl,
    "s-number-field": TextFieldEl,
    "s-text-area": TextAreaEl,
    "s-checkbox": CheckboxEl,
    "s-select": SelectEl,
    "s-drop-zone": DropZoneEl,
    "s-heading": HeadingEl,
    "s-spinner": SpinnerEl,
    "s-stack": StackEl,
    "s-divider": DividerEl,
  };
  for (const [name, ctor] of Object.entries(defs)) {
    if (!win.customElements.get(name)) win.customElements.define(name, class extends (ctor as typeof HTMLElement) {});
  }
  for (const name of ["s-text", "s-paragraph", "s-badge", "s-box", "s-grid", "s-grid-item", "s-option", "s-unordered-list", "s-ordered-list", "s-list-item", "s-query-container"]) {
    if (!win.customElements.get(name)) win.customElements.define(name, class extends Plain {});
  }
}
