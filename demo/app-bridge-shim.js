// A small stand-in for Shopify's App Bridge (cdn.shopify.com/shopifycloud/app-bridge.js) for the local demo,
// where the real script cannot load. It does what the app relies on App Bridge for, the same way:
// - `shopify.idToken()` returns a session token. The token is minted and signed by the local Shopify stand-in
//   and handed over by the parent admin frame through postMessage, as the real admin does; the app verifies it
//   exactly as it verifies Shopify's.
// - `fetch` to the app's own origin carries `Authorization: Bearer <token>`.
// - toasts, the loading bar, the title bar and the nav menu are relayed to the admin frame.
(function () {
  "use strict";
  if (window.shopify) return;
  var script = document.currentScript;
  var apiKey = script && script.getAttribute("data-api-key");
  var params = new URLSearchParams(location.search);
  var parentOrigin = "*";
  try { parentOrigin = document.referrer ? new URL(document.referrer).origin : "*"; } catch (e) { /* keep * */ }
  var pending = new Map();
  var seq = 0;
  var cached = null; // { token, exp }

  function post(type, payload) {
    if (window.parent === window) return;
    window.parent.postMessage({ source: "app-bridge-shim", type: type, payload: payload }, parentOrigin);
  }
  window.addEventListener("message", function (event) {
    if (parentOrigin !== "*" && event.origin !== parentOrigin) return;
    var msg = event.data;
    if (!msg || msg.source !== "admin-frame") return;
    if (msg.type === "idToken" && pending.has(msg.id)) {
      var p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.token) p.resolve(msg.token); else p.reject(new Error(msg.error || "no session token"));
    }
    if (msg.type === "navigate" && typeof msg.href === "string") {
      var a = document.querySelector('ui-nav-menu a[href="' + CSS.escape(msg.href) + '"]');
      if (a) a.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
    }
  });

  // App Bridge takes its elements out of the page and renders them in the admin; do the same.
  var style = document.createElement("style");
  style.textContent = "ui-nav-menu,ui-title-bar,ui-modal,ui-save-bar{display:none!important}";
  (document.head || document.documentElement).appendChild(style);

  function decodeExp(token) {
    try { return JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).exp * 1000; } catch (e) { return 0; }
  }
  function idToken() {
    if (cached && cached.exp - Date.now() > 10000) return Promise.resolve(cached.token);
    return new Promise(function (resolve, reject) {
      var id = ++seq;
      pending.set(id, { resolve: function (t) { cached = { token: t, exp: decodeExp(t) }; resolve(t); }, reject: reject });
      post("idToken", { id: id });
      setTimeout(function () { if (pending.has(id)) { pending.delete(id); reject(new Error("session token timed out")); } }, 5000);
    });
  }

  var nativeFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url, location.href);
    if (url.origin !== location.origin) return nativeFetch(input, init);
    return idToken().then(function (token) {
      var headers = new Headers((init && init.headers) || (input instanceof Request ? input.headers : undefined));
      if (!headers.has("Authorization")) headers.set("Authorization", "Bearer " + token);
      return nativeFetch(input, Object.assign({}, init, { headers: headers }));
    });
  };

  function reportChrome() {
    var title = document.querySelector("ui-title-bar");
    var nav = Array.prototype.map.call(document.querySelectorAll("ui-nav-menu a"), function (a) {
      return { href: a.getAttribute("href"), label: a.textContent.trim(), rel: a.getAttribute("rel") };
    });
    post("chrome", { title: title ? title.getAttribute("title") : document.title, nav: nav, path: location.pathname });
  }
  new MutationObserver(reportChrome).observe(document.documentElement, { childList: true, subtree: true, attributes: true });
  window.addEventListener("load", reportChrome);

  window.shopify = {
    config: { apiKey: apiKey, shop: params.get("shop"), host: params.get("host"), locale: params.get("locale") || "en" },
    environment: { embedded: true, mobile: false, pos: false },
    idToken: idToken,
    toast: {
      show: function (message, opts) { post("toast", { message: message, isError: !!(opts && opts.isError) }); return String(++seq); },
      hide: function () {},
    },
    loading: function (on) { post("loading", { on: on !== false }); },
    saveBar: { show: function () { return Promise.resolve(); }, hide: function () { return Promise.resolve(); }, toggle: function () { return Promise.resolve(); }, leaveConfirmation: function () { return Promise.resolve(); } },
    modal: { show: function () { return Promise.resolve(); }, hide: function () { return Promise.resolve(); }, toggle: function () { return Promise.resolve(); } },
    user: function () { return Promise.resolve({ accountAccess: "Account owner" }); },
  };
})();
