// The chain-rule ledger: the current backward step written out with KaTeX (vendored, loaded as
// window.katex). Each row: the gradient flowing in × the local derivative = what is sent on.
// katex.render builds DOM nodes (no HTML strings), which keeps the strict CSP intact.

import { formatValue, isSummary, latexText, latexValue, shapeOf } from "./format.js";
import { t } from "./prefs.js";

const KATEX_OPTIONS = {
  throwOnError: false,
  displayMode: false,
  trust: false,
  maxSize: 20,
  maxExpand: 200,
  output: "htmlAndMathml",
};

function math(latex, fallback) {
  const span = document.createElement("span");
  span.className = "math";
  if (window.katex) {
    try {
      window.katex.render(latex, span, KATEX_OPTIONS);
      return span;
    } catch {
      // fall through to plain text
    }
  }
  span.textContent = fallback;
  return span;
}

function text(latex) {
  return `\\text{${latexText(latex)}}`;
}

function row(label, latex, fallback) {
  const tr = document.createElement("tr");
  const th = document.createElement("th");
  th.scope = "row";
  th.textContent = label;
  const td = document.createElement("td");
  td.append(math(latex, fallback));
  tr.append(th, td);
  return tr;
}

/**
 * g × local = contribution, elementwise (⊙) for tensors; when broadcasting made the input smaller
 * than the gradient, the product is summed back to the input's shape, and the ledger says so.
 */
function chainProduct(grad, local, contribution) {
  const tensor = Array.isArray(grad) || Array.isArray(local);
  const times = tensor ? "\\odot" : "\\times";
  const product = `${latexValue(grad)} ${times} ${latexValue(local)}`;
  const reduced = shapeOf(grad).join() !== shapeOf(contribution).join() && !isSummary(grad);
  const lhs = reduced
    ? `\\textstyle\\sum\\big(g ${times} ${latexValue(local)}\\big)`
    : `g ${times} ${latexValue(local)}`;
  const middle = reduced ? `\\sum\\big(${product}\\big)` : product;
  return `${lhs} = ${middle} = ${latexValue(contribution)}`;
}

/** Renders step `index` of `pass` from `model` (a BackwardModel) into `container`. */
export function renderLedger(container, model, pass, index) {
  const step = model?.step(pass, index);
  if (!step) {
    const p = document.createElement("p");
    p.className = "muted";
    p.textContent = t("ledger.empty");
    container.replaceChildren(p);
    return;
  }
  const caption = document.createElement("caption");
  const table = document.createElement("table");
  table.className = "ledger-table";
  const body = document.createElement("tbody");
  // The server writes each step's chain rule with the learner's names (latex + text); the
  // numbers are filled in here, and plain text stands in when KaTeX cannot render it.
  if (step.kind === "seed") {
    const root = model.label(step.node);
    caption.textContent = `${t("ledger.seed")} · ${root}`;
    const latex =
      step.latex ?? `\\frac{\\partial\\,${text(root)}}{\\partial\\,${text(root)}} = ${latexValue(step.grad)}`;
    body.append(row(t("ledger.seed"), latex, step.text ?? `∂${root}/∂${root} = ${formatValue(step.grad)}`));
  } else if (step.kind === "accumulate") {
    const leaf = model.leafName(step);
    caption.textContent = `AccumulateGrad · ${leaf}.grad`;
    const none = step.before === null || step.before === undefined;
    const before = none ? "\\text{None}" : latexValue(step.before);
    // None → g (the first gradient is stored), else before + g: the += where paths merge
    const sum = none ? "" : `${before} + ${latexValue(step.grad_output)} = `;
    body.append(
      row(
        t("ledger.incoming"),
        `g = ${latexValue(step.grad_output)}`,
        `g = ${formatValue(step.grad_output)}`,
      ),
      row(
        t("ledger.accumulate"),
        `${text(`${leaf}.grad`)}:\\; ${before} \\;\\to\\; ${sum}${latexValue(step.after)}`,
        `${leaf}.grad: ${formatValue(step.before)} → ${formatValue(step.after)}`,
      ),
    );
  } else {
    caption.textContent = model.label(step.node);
    body.append(
      row(
        t("ledger.incoming"),
        `g = ${latexValue(step.grad_output)}`,
        `g = ${formatValue(step.grad_output)}`,
      ),
    );
    for (const input of step.inputs ?? []) {
      if (!input.to) continue;
      const target = model.label(input.to);
      const hasLocal = input.local_value !== null && input.local_value !== undefined;
      const local =
        input.latex ??
        `\\frac{\\partial\\,\\text{out}}{\\partial\\,${text(input.input)}} = ${input.local_latex || text(input.local ?? "")}${hasLocal ? ` = ${latexValue(input.local_value)}` : ""}`;
      const sent = hasLocal
        ? chainProduct(step.grad_output, input.local_value, input.contribution)
        : `${text(input.grad_formula ?? "")} = ${latexValue(input.contribution)}`;
      body.append(
        row(
          `${t("ledger.local")} (${input.input})`,
          local,
          input.text ?? `∂out/∂${input.input} = ${input.local}`,
        ),
        row(`${t("ledger.contribution")} → ${target}`, sent, formatValue(input.contribution)),
      );
    }
  }
  table.append(caption, body);
  container.replaceChildren(table);
}
