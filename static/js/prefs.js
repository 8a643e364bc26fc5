// Page-wide preferences on every page: language (zh/en), light/dark theme, presenter mode.
// Choices persist in a cookie (so the server renders the right language/theme on the next
// visit, with no flash) and in localStorage (which outlives cleared cookies on kiosks).

const YEAR = 60 * 60 * 24 * 365;
const root = document.documentElement;

/** The UI string tables ({en: {...}, zh: {...}}) embedded by base.html. */
const tables = JSON.parse(document.getElementById("ui-strings")?.textContent || "{}");

function remember(name, value) {
  document.cookie = `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${YEAR}; SameSite=Lax`;
  try {
    localStorage.setItem(`autograd-lab.${name}`, value);
  } catch {
    // Private browsing may refuse storage; the cookie still works.
  }
}

function recalled(name) {
  try {
    return localStorage.getItem(`autograd-lab.${name}`);
  } catch {
    return null;
  }
}

function hasCookie(name) {
  return document.cookie.split(";").some((c) => c.trim().startsWith(`${name}=`));
}

export function currentLang() {
  return root.dataset.lang === "zh" ? "zh" : "en";
}

/** The UI string `key` in the current language, with {placeholders} filled from `values`. */
export function t(key, values = {}) {
  const table = tables[currentLang()] || {};
  const template = table[key] ?? tables.en?.[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** Relabels every data-i18n / data-i18n-attr element under `scope` (text only, never HTML). */
export function relabel(scope = document) {
  for (const el of scope.querySelectorAll("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of scope.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":").map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}

export function setLang(lang) {
  if (lang !== "en" && lang !== "zh") return;
  remember("lang", lang);
  if (document.body.hasAttribute("data-reload-on-lang")) {
    window.location.reload();
    return;
  }
  root.dataset.lang = lang;
  root.lang = lang === "zh" ? "zh-Hans" : "en";
  const other = document.getElementById("lang-switch");
  if (other) other.lang = lang === "zh" ? "en" : "zh-Hans";
  relabel();
  document.dispatchEvent(new CustomEvent("langchange", { detail: { lang } }));
}

function isDark() {
  const chosen = root.dataset.theme;
  if (chosen === "dark" || chosen === "light") return chosen === "dark";
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

function showTheme() {
  document.getElementById("theme-switch")?.setAttribute("aria-pressed", String(isDark()));
}

export function setTheme(theme) {
  root.dataset.theme = theme;
  remember("theme", theme);
  showTheme();
  document.dispatchEvent(new CustomEvent("themechange", { detail: { theme } }));
}

export function isPresenting() {
  return root.classList.contains("presenter");
}

export function setPresenter(on) {
  root.classList.toggle("presenter", on);
  remember("presenter", on ? "1" : "0");
  document.getElementById("presenter-switch")?.setAttribute("aria-pressed", String(on));
  document.dispatchEvent(new CustomEvent("presenterchange", { detail: { on } }));
}

function restore() {
  // A cookie lost (or never sent) but remembered locally: apply it now and re-save the cookie.
  const lang = recalled("lang");
  if (lang && !hasCookie("lang") && lang !== currentLang()) setLang(lang);
  const theme = recalled("theme");
  if (theme && !root.dataset.theme) setTheme(theme);
  setPresenter(recalled("presenter") === "1");
  showTheme();
}

document.getElementById("lang-switch")?.addEventListener("click", () => {
  setLang(currentLang() === "zh" ? "en" : "zh");
});
document.getElementById("theme-switch")?.addEventListener("click", () => {
  setTheme(isDark() ? "light" : "dark");
});
document.getElementById("presenter-switch")?.addEventListener("click", () => {
  setPresenter(!isPresenting());
});
window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", showTheme);
restore();
