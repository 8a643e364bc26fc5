// The computation graph panel: inlines the server's cleaned SVG, pans and zooms it, shows a
// node's full data/grad/grad_fn on hover or focus, and repaints the running step and the grad
// cells by id (`<g id=nodeId>`, `<g id=nodeId-grad>`) without a new layout.

import { formatFull, formatValue } from "./format.js";
import { t } from "./prefs.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const ZOOM_STEP = 1.25;
const MIN_SCALE = 0.05;
const MAX_SCALE = 40;
const MAX_FIT_ZOOM = 1.5;
const READABLE_TEXT_PX = 11; // label text smaller than this on screen is hard to read

/** Parses SVG text into a detached element of this document; never through an HTML string. */
export function parseSvg(text) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = doc.documentElement;
  if (svg.namespaceURI !== SVG_NS || svg.localName !== "svg" || doc.querySelector("parsererror")) return null;
  const imported = document.importNode(svg, true);
  scrub(imported);
  return imported;
}

// The server already cleans the SVG; this second pass means a renderer bug can never become
// script execution or a request to another origin.
function scrub(svg) {
  for (const el of svg.querySelectorAll("script, foreignObject, iframe, a, use, image, style, title")) {
    if (el.localName === "a") el.replaceWith(...el.childNodes);
    else el.remove();
  }
  for (const el of [svg, ...svg.querySelectorAll("*")]) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on") || name.endsWith("href") || name === "style") el.removeAttribute(attr.name);
    }
  }
}

export class GraphView {
  constructor({ viewport, details, note, onNodeFocus }) {
    this.viewport = viewport;
    this.details = details;
    this.note = note;
    this.onNodeFocus = onNodeFocus ?? (() => {});
    this.svg = null;
    this.nodes = new Map();
    this.grads = new Map();
    this.originalGradText = new Map();
    this.full = null;
    this.box = null;
    this.pointers = new Map();
    this.detailId = null;
    this.installPanZoom();
  }

  /** Shows a run's graph: the SVG when there is one, else a message. */
  show(result) {
    this.nodes = new Map((result.graph?.nodes ?? []).map((n) => [n.id, n]));
    this.grads = new Map();
    this.originalGradText = new Map();
    this.detailId = null;
    this.viewport.replaceChildren();
    this.svg = null;
    this.note.textContent = "";
    this.clearDetails();
    // the renderer's own words (why a graph was collapsed or not drawn), in the UI language
    if (result.svg_message) this.note.textContent = result.svg_message;
    else if (result.graph?.collapsed) this.note.textContent = t("graph.collapsed");
    if (!result.svg) {
      const why = result.svg_message || (this.nodes.size ? t("graph.not_drawn") : t("graph.none"));
      this.placeholder(why);
      return;
    }
    const svg = parseSvg(result.svg);
    if (!svg) {
      this.placeholder(t("graph.not_drawn"));
      return;
    }
    this.adopt(svg);
  }

  placeholder(text) {
    const p = document.createElement("p");
    p.className = "placeholder";
    p.textContent = text;
    this.viewport.replaceChildren(p);
  }

  adopt(svg) {
    const viewBox = svg.viewBox.baseVal;
    const width = parseFloat(svg.getAttribute("width")) || viewBox?.width || 100;
    const height = parseFloat(svg.getAttribute("height")) || viewBox?.height || 100;
    this.full =
      viewBox && viewBox.width
        ? { x: viewBox.x, y: viewBox.y, w: viewBox.width, h: viewBox.height }
        : { x: 0, y: 0, w: width, h: height };
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-label", t("graph.heading"));
    svg.classList.add("graph-svg");
    this.svg = svg;
    this.viewport.replaceChildren(svg);
    for (const [id, node] of this.nodes) this.prepareNode(id, node);
    this.fit();
  }

  prepareNode(id, node) {
    const g = this.find(id);
    if (!g) return;
    g.classList.add("graph-node", node.kind === "function" ? "is-function" : "is-tensor");
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "img");
    g.setAttribute("aria-label", this.summary(node, node.grad ?? null));
    g.addEventListener("pointerenter", () => this.showDetails(id));
    g.addEventListener("focus", () => {
      this.showDetails(id);
      this.onNodeFocus(id);
    });
    const cell = this.find(`${id}-grad`);
    if (cell) {
      this.originalGradText.set(
        id,
        [...cell.querySelectorAll("text")].map((el) => el.textContent),
      );
    }
  }

  find(id) {
    return this.svg ? this.svg.querySelector(`#${CSS.escape(id)}`) : null;
  }

  /** Repaints one moment of the backward pass: running/done classes and the grad cells. */
  paint({
    running = [],
    done = new Set(),
    flowing = [],
    grads = new Map(),
    isFinal = () => false,
    follow = false,
  }) {
    if (!this.svg) return;
    this.grads = grads;
    for (const el of this.svg.querySelectorAll(".is-running, .is-done, .is-flowing")) {
      el.classList.remove("is-running", "is-done", "is-flowing");
    }
    for (const id of flowing) this.find(id)?.classList.add("is-flowing");
    for (const id of done) this.find(id)?.classList.add("is-done");
    for (const id of running) this.find(id)?.classList.add("is-running");
    for (const [id, value] of grads) {
      const node = this.nodes.get(id);
      const cell = this.find(`${id}-grad`);
      if (cell) this.writeGradCell(id, cell, value, isFinal(id, value));
      const g = this.find(id);
      if (g && node) g.setAttribute("aria-label", this.summary(node, value));
    }
    if (running.length) this.reveal(this.find(running[0]), follow);
    if (this.detailId) this.showDetails(this.detailId);
  }

  writeGradCell(id, cell, value, final) {
    const texts = [...cell.querySelectorAll("text")];
    const original = this.originalGradText.get(id) ?? [];
    if (final) {
      texts.forEach((el, i) => (el.textContent = original[i] ?? ""));
    } else if (texts.length) {
      // Keep the renderer's own prefix ("grad = ", "grad: " …) and replace only the value.
      const prefix = /^\s*(\.?grad\s*[:=]?\s*)/i.exec(original[0] ?? "")?.[1] ?? "";
      texts[0].textContent = `${prefix}${formatValue(value)}`;
      texts.slice(1).forEach((el) => (el.textContent = ""));
    }
    cell.classList.toggle("is-pending", value === null && !final);
    cell.classList.toggle("is-changed", !final);
  }

  summary(node, grad) {
    if (node.kind === "function") return `${t("node.function")} ${node.name}`;
    const name = node.label || node.name || t("node.unnamed");
    const parts = [
      `${t("node.tensor")} ${name}`,
      `${t("node.data")} ${formatValue(node.data)}`,
      `${t("node.grad")} ${formatValue(grad)}`,
    ];
    if (node.grad_fn) parts.push(`${t("node.grad_fn")} ${node.grad_fn}`);
    return parts.join(", ");
  }

  clearDetails() {
    const hint = document.createElement("p");
    hint.className = "muted";
    hint.textContent = t("graph.details_hint");
    this.details.replaceChildren(hint);
  }

  /** Fills the details panel for one node; every value goes in as text. */
  showDetails(id) {
    const node = this.nodes.get(id);
    if (!node) return;
    this.detailId = id;
    for (const el of this.svg?.querySelectorAll(".is-inspected") ?? []) el.classList.remove("is-inspected");
    this.find(id)?.classList.add("is-inspected");
    const heading = document.createElement("h3");
    const list = document.createElement("dl");
    const add = (key, value, pre = false) => {
      const dt = document.createElement("dt");
      dt.textContent = t(key);
      const dd = document.createElement(pre ? "pre" : "dd");
      dd.textContent = value;
      if (pre) {
        const wrap = document.createElement("dd");
        wrap.append(dd);
        list.append(dt, wrap);
      } else list.append(dt, dd);
    };
    if (node.kind === "function") {
      heading.textContent = `${t("node.function")}: ${node.name}`;
      const output = node.tensor ? this.nodes.get(node.tensor) : null;
      if (output) add("node.tensor", output.label || output.name || t("node.unnamed"));
      for (const [name, text] of Object.entries(node.saved ?? {})) {
        add("node.saved", `${name} = ${text ?? "None"}`, true);
      }
    } else {
      heading.textContent = `${t("node.tensor")}: ${node.label || node.name || t("node.unnamed")}`;
      const grad = this.grads.has(id) ? this.grads.get(id) : (node.grad ?? null);
      add("node.shape", `[${(node.shape ?? []).join(", ")}]`);
      add("node.dtype", node.dtype ?? "");
      add("node.data", formatFull(node.data), true);
      add("node.grad", formatFull(grad), true);
      add("node.grad_fn", node.grad_fn ?? "None");
      add("node.requires_grad", node.requires_grad ? "True" : "False");
      add("node.is_leaf", node.is_leaf ? "True" : "False");
      if (node.retains_grad) add("node.retains_grad", "True");
    }
    this.details.replaceChildren(heading, list);
  }

  // ---- pan and zoom (viewBox based, so text stays crisp at every scale) ----

  setBox(box) {
    if (!this.svg || !this.full) return;
    const scale = this.full.w / box.w;
    if (scale < MIN_SCALE || scale > MAX_SCALE) return;
    this.box = box;
    this.svg.setAttribute("viewBox", `${box.x} ${box.y} ${box.w} ${box.h}`);
  }

  /**
   * Shows the whole graph, but a small graph is not blown up past MAX_FIT_ZOOM times its
   * natural size (Graphviz sizes are in points: 4/3 px each), so two nodes never fill a wall.
   */
  fit() {
    if (!this.full) return;
    const limit =
      (MAX_FIT_ZOOM * (document.documentElement.classList.contains("presenter") ? 1.5 : 1) * 4) / 3;
    const width = Math.max(this.full.w, this.viewport.clientWidth / limit);
    const height = Math.max(this.full.h, this.viewport.clientHeight / limit);
    this.setBox({
      x: this.full.x - (width - this.full.w) / 2,
      y: this.full.y - (height - this.full.h) / 2,
      w: width,
      h: height,
    });
  }

  /** Zooms by `factor` keeping the point under (clientX, clientY) — or the centre — fixed. */
  zoom(factor, clientX, clientY) {
    if (!this.svg || !this.box) return;
    const point = this.toGraph(clientX, clientY) ?? {
      x: this.box.x + this.box.w / 2,
      y: this.box.y + this.box.h / 2,
    };
    this.setBox({
      x: point.x - (point.x - this.box.x) / factor,
      y: point.y - (point.y - this.box.y) / factor,
      w: this.box.w / factor,
      h: this.box.h / factor,
    });
  }

  toGraph(clientX, clientY) {
    if (clientX === undefined || !this.svg) return null;
    const matrix = this.svg.getScreenCTM();
    if (!matrix) return null;
    const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  }

  panBy(dxScreen, dyScreen) {
    const matrix = this.svg?.getScreenCTM();
    if (!matrix || !this.box) return;
    this.setBox({ ...this.box, x: this.box.x - dxScreen / matrix.a, y: this.box.y - dyScreen / matrix.d });
  }

  /**
   * Brings the running node into view when stepping moves off-screen; with `follow` (the
   * learner is stepping), a node drawn too small to read in a big graph is zoomed to.
   */
  reveal(el, follow = false) {
    if (!el || !this.svg) return;
    const view = this.viewport.getBoundingClientRect();
    let rect = el.getBoundingClientRect();
    const text = el.querySelector("text")?.getBoundingClientRect().height ?? 0;
    if (follow && text > 0 && text < READABLE_TEXT_PX) {
      this.zoom(READABLE_TEXT_PX / text, rect.left + rect.width / 2, rect.top + rect.height / 2);
      rect = el.getBoundingClientRect();
    }
    if (
      rect.left >= view.left &&
      rect.right <= view.right &&
      rect.top >= view.top &&
      rect.bottom <= view.bottom
    )
      return;
    this.panBy(
      view.left + view.width / 2 - (rect.left + rect.width / 2),
      view.top + view.height / 2 - (rect.top + rect.height / 2),
    );
  }

  installPanZoom() {
    const vp = this.viewport;
    vp.addEventListener(
      "wheel",
      (event) => {
        if (!this.svg) return;
        event.preventDefault();
        this.zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.clientX, event.clientY);
      },
      { passive: false },
    );
    vp.addEventListener("pointerdown", (event) => {
      if (!this.svg || event.button !== 0) return;
      this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      vp.setPointerCapture(event.pointerId);
    });
    const release = (event) => {
      this.pointers.delete(event.pointerId);
      this.pinch = null;
    };
    vp.addEventListener("pointerup", release);
    vp.addEventListener("pointercancel", release);
    vp.addEventListener("pointermove", (event) => {
      const last = this.pointers.get(event.pointerId);
      if (!last) return;
      const now = { x: event.clientX, y: event.clientY };
      if (this.pointers.size === 1) {
        this.panBy(now.x - last.x, now.y - last.y);
      } else if (this.pointers.size === 2) {
        const other = [...this.pointers.entries()].find(([id]) => id !== event.pointerId)[1];
        const before = Math.hypot(last.x - other.x, last.y - other.y);
        const after = Math.hypot(now.x - other.x, now.y - other.y);
        if (before > 0) this.zoom(after / before, (now.x + other.x) / 2, (now.y + other.y) / 2);
      }
      this.pointers.set(event.pointerId, now);
    });
    vp.addEventListener("keydown", (event) => {
      if (event.key === "+" || event.key === "=") this.zoom(ZOOM_STEP);
      else if (event.key === "-" || event.key === "_") this.zoom(1 / ZOOM_STEP);
      else if (event.key === "0") this.fit();
      else return;
      event.preventDefault();
    });
  }

  zoomIn() {
    this.zoom(ZOOM_STEP);
  }

  zoomOut() {
    this.zoom(1 / ZOOM_STEP);
  }
}
