// The backward passes of one run as a model the controls move through: which node runs at a
// step, every tensor's .grad at that moment, and a sentence describing the step.
//
// A position is (pass, step): pass indexes result.backward (one per backward() call), step
// indexes that pass's steps; the state shown is "after step `step` ran". Step 0 is the seed.

import { formatValue, sameValue } from "./format.js";
import { t } from "./prefs.js";

export class BackwardModel {
  /**
   * @param {object} result the JSON body of POST /api/run
   * @param {object[]} moreNodes nodes known from another graph of the same program (ids are
   *   stable per program), so steps outside a focused graph are still named
   */
  constructor(result, moreNodes = []) {
    this.passes = Array.isArray(result.backward) ? result.backward : [];
    this.nodes = new Map();
    for (const node of [...moreNodes, ...(result.graph?.nodes ?? [])]) this.nodes.set(node.id, node);
    // Which tensor a grad_fn produced, to show non-leaf grads kept by retain_grad().
    this.outputOf = new Map();
    for (const node of this.nodes.values()) {
      if (node.kind === "function" && node.tensor) this.outputOf.set(node.id, node.tensor);
    }
  }

  get passCount() {
    return this.passes.length;
  }

  stepCount(pass) {
    return this.passes[pass]?.steps?.length ?? 0;
  }

  step(pass, index) {
    return this.passes[pass]?.steps?.[index] ?? null;
  }

  /** True when the graph drawn is the one this pass ran on (only the last graph is drawn). */
  isDrawn(pass) {
    const root = this.passes[pass]?.root;
    return root !== undefined && this.nodes.has(root);
  }

  /** Every tensor's .grad after step `index` of `pass`, as id → value (null = None). */
  gradsAt(pass, index) {
    const grads = new Map();
    for (const node of this.nodes.values()) {
      if (node.kind === "tensor") grads.set(node.id, node.grad ?? null);
    }
    const steps = this.passes[pass]?.steps ?? [];
    const seen = new Set();
    // Leaves: the first AccumulateGrad of this pass tells what .grad was before the pass.
    for (const step of steps) {
      if (step.kind === "accumulate" && step.tensor && !seen.has(step.tensor)) {
        seen.add(step.tensor);
        grads.set(step.tensor, step.before ?? null);
      }
    }
    // Non-leaves with retain_grad(): no .grad until their grad_fn has run in this pass.
    const retained = new Set();
    for (const step of steps) {
      const tensor = step.kind === "function" ? this.outputOf.get(step.node) : undefined;
      const node = tensor ? this.nodes.get(tensor) : undefined;
      if (node?.retains_grad && !seen.has(tensor) && pass === this.passCount - 1) {
        retained.add(tensor);
        grads.set(tensor, null);
      }
    }
    for (const step of steps.slice(0, index + 1)) {
      if (step.kind === "accumulate" && step.tensor) grads.set(step.tensor, step.after ?? null);
      const tensor = step.kind === "function" ? this.outputOf.get(step.node) : undefined;
      if (tensor && retained.has(tensor)) grads.set(tensor, this.nodes.get(tensor).grad ?? null);
    }
    return grads;
  }

  /** True when a tensor's grad at this moment equals what the server drew (the final value). */
  isFinalGrad(tensorId, value) {
    const node = this.nodes.get(tensorId);
    return node !== undefined && sameValue(node.grad ?? null, value);
  }

  /** Graph ids to highlight for a step: the running node, and for AccumulateGrad its leaf. */
  runningIds(pass, index) {
    const step = this.step(pass, index);
    if (!step) return [];
    return step.kind === "accumulate" && step.tensor ? [step.node, step.tensor] : [step.node];
  }

  /**
   * SVG ids of the edges the gradient travels along at a step (app/render.py draws every edge
   * as `e-<from>-<to>[-<slot>]`): root → its grad_fn for the seed, the grad_fn's inputs for a
   * function, AccumulateGrad → its leaf.
   */
  flowingEdgeIds(pass, index) {
    const step = this.step(pass, index);
    if (!step) return [];
    if (step.kind === "seed") return step.grad_fn ? [`e-${step.node}-${step.grad_fn}`] : [];
    if (step.kind === "accumulate") return step.tensor ? [`e-${step.node}-${step.tensor}`] : [];
    return (step.inputs ?? [])
      .filter((input) => input.to)
      .map(
        (input) =>
          `e-${step.node}-${input.to}${input.slot === null || input.slot === undefined ? "" : `-${input.slot}`}`,
      );
  }

  /** Graph ids whose step already ran before `index` in this pass. */
  doneIds(pass, index) {
    const ids = new Set();
    for (const step of (this.passes[pass]?.steps ?? []).slice(0, index)) {
      ids.add(step.node);
      if (step.kind === "accumulate" && step.tensor) ids.add(step.tensor);
    }
    return ids;
  }

  /** What a learner calls a node: the tensor's variable name, or the grad_fn's class name. */
  label(id) {
    const node = this.nodes.get(id);
    if (!node) return id;
    if (node.kind === "tensor") return node.label || node.name || t("node.unnamed");
    if (node.name === "AccumulateGrad" && node.tensor) {
      const leaf = this.nodes.get(node.tensor);
      if (leaf?.name) return `${leaf.name} (AccumulateGrad)`;
    }
    const output = node.tensor ? this.nodes.get(node.tensor) : undefined;
    const outputLabel = output?.label || output?.name;
    return outputLabel ? `${node.name} (${outputLabel})` : node.name;
  }

  /** Name of the leaf an AccumulateGrad step writes to. */
  leafName(step) {
    const node = this.nodes.get(step.tensor);
    return node?.label || node?.name || t("node.unnamed");
  }

  /** One or more sentences describing the step, for the aria-live region and the caption. */
  describe(pass, index) {
    const step = this.step(pass, index);
    if (!step) return "";
    const i = index;
    if (step.kind === "seed") {
      return t("steps.seed", { i, root: this.label(step.node), grad: formatValue(step.grad) });
    }
    if (step.kind === "accumulate") {
      return t("steps.accumulate", {
        i,
        grad: formatValue(step.grad_output),
        leaf: this.leafName(step),
        before: formatValue(step.before),
        after: formatValue(step.after),
      });
    }
    const parts = [
      t("steps.function", { i, fn: step.name ?? this.label(step.node), grad: formatValue(step.grad_output) }),
    ];
    for (const input of step.inputs ?? []) {
      if (!input.to) continue;
      const formula =
        input.text ??
        (input.local_value !== null && input.local_value !== undefined
          ? `∂/∂${input.input} = ${input.local} = ${formatValue(input.local_value)}`
          : input.grad_formula || input.local || "");
      parts.push(
        t("steps.sends", { value: formatValue(input.contribution), target: this.label(input.to), formula }),
      );
    }
    return parts.join(" ");
  }
}
