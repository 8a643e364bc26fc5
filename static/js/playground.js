// The playground page: wires the editor, POST /api/run, the transcript, the graph, the step
// controls, the chain-rule ledger, examples, share links and keyboard shortcuts together.

import { CodeEditor } from "./editor.js";
import { GraphView } from "./graph.js";
import { renderLedger } from "./ledger.js";
import { currentLang, isPresenting, t } from "./prefs.js";
import { decodeState, encodeState } from "./share.js";
import { BackwardModel } from "./steps.js";
import { Transcript } from "./transcript.js";

const $ = (id) => document.getElementById(id);
const examples = JSON.parse($("examples-data").textContent);
const BASE_DELAY_MS = 1200;

const state = {
  result: null,
  model: null,
  pass: 0,
  step: 0,
  timer: null,
  running: false,
  pendingPosition: null, // a share link's pass/step, applied once its run returns
  restoredCode: null, // the program a share link opened
  focus: null, // the tensor name whose graph is drawn (null: the server's default graph)
  focusCode: null, // the program `focus` was chosen for
  names: [], // tensor names the learner can focus on, from the default graph
  defaultMode: null, // which graph the server drew without a focus: "backward" or "names"
  defaultNodes: [], // the nodes of that graph
};

const transcript = new Transcript({
  stdout: $("stdout"),
  warnings: $("warnings"),
  error: $("error"),
  status: $("run-status"),
  onGoToLine: (line) => editor.goToLine(line),
});

const graph = new GraphView({ viewport: $("graph"), details: $("node-details"), note: $("graph-note") });

const fallback = $("code-fallback");
const editor = new CodeEditor($("editor"), fallback.value, { label: t("editor.label"), onRun: () => run() });
fallback.remove();

// ---- running a program ----

async function run() {
  if (state.running) return;
  state.running = true;
  stop();
  // A shared link's fragment describes the shared program: once the learner runs something
  // else, drop it so a reload does not bring the old program back.
  if (window.location.hash && editor.code !== state.restoredCode) {
    history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  const button = $("run");
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  transcript.busy();
  try {
    const response = await fetch("/api/run", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ code: editor.code, lang: currentLang(), focus: focusFor(editor.code) }),
    });
    if (response.status === 503 || response.status === 429) {
      transcript.fail("out.busy", { s: response.headers.get("Retry-After") ?? "5" });
    } else if (response.status === 413) {
      transcript.fail("out.too_large");
    } else if (!response.ok) {
      transcript.fail("out.http_error", { status: response.status });
    } else {
      show(await response.json());
    }
  } catch {
    transcript.fail("out.network_error");
  } finally {
    state.running = false;
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

function show(result) {
  state.result = result;
  // A focused graph draws part of the program: name the other nodes from the full graph.
  if (result.graph?.mode !== "focus") state.defaultNodes = result.graph?.nodes ?? [];
  state.model = new BackwardModel(result, result.graph?.mode === "focus" ? state.defaultNodes : []);
  transcript.show(result);
  markError();
  graph.show(result);
  fillPassPicker();
  fillFocusPicker();
  const wanted = state.pendingPosition;
  state.pendingPosition = null;
  const lastPass = Math.max(0, state.model.passCount - 1);
  goTo(wanted?.pass ?? lastPass, wanted?.step ?? 0, { follow: false });
}

function markError() {
  const error = state.result?.error;
  editor.markError(
    Number.isInteger(error?.line) ? error.line : null,
    error ? `⟵ ${error.type ?? "Error"}` : "",
  );
}

// ---- stepping ----

/** Shows (pass, step); `follow` lets the graph zoom in to a running node too small to read. */
function goTo(pass, step, { follow = true } = {}) {
  const model = state.model;
  if (!model) return;
  state.pass = Math.min(Math.max(0, pass), Math.max(0, model.passCount - 1));
  const count = model.stepCount(state.pass);
  state.step = Math.min(Math.max(0, step), Math.max(0, count - 1));
  paintStep(follow);
}

function paintStep(follow = false) {
  const { model, pass, step } = state;
  const count = model ? model.stepCount(pass) : 0;
  const hasSteps = count > 0;
  $("step-controls").hidden = !hasSteps;
  $("pass-picker").value = String(pass);
  const slider = $("step-slider");
  slider.max = String(Math.max(0, count - 1));
  slider.value = String(step);
  const position = hasSteps ? t("steps.position", { i: step, n: count - 1 }) : "";
  slider.setAttribute("aria-valuetext", position);
  $("step-position").textContent = position;
  for (const id of ["step-first", "step-back"]) $(id).disabled = !hasSteps || step === 0;
  for (const id of ["step-forward", "step-last"]) $(id).disabled = !hasSteps || step >= count - 1;

  if (!model || !hasSteps) {
    // After an error the backward() call may simply not have been reached: say nothing then.
    $("step-description").textContent = state.result && !state.result.error ? t("steps.none") : "";
    $("pass-note").textContent = "";
    renderLedger($("ledger"), null, 0, 0);
    graph.paint({});
    return;
  }
  const drawn = model.isDrawn(pass);
  const dropped = model.passes[pass]?.steps_dropped ?? 0;
  const focus = state.result?.graph?.mode === "focus" ? state.result.graph.focus : null;
  const notes = [
    drawn ? "" : t("graph.other_pass"),
    focus ? t("graph.focus_note", { name: focus }) : "",
    dropped ? t("steps.dropped", { n: dropped }) : "",
  ];
  $("pass-note").textContent = notes.filter(Boolean).join(" ");
  graph.paint(
    drawn
      ? {
          running: model.runningIds(pass, step),
          done: model.doneIds(pass, step),
          flowing: model.flowingEdgeIds(pass, step),
          grads: model.gradsAt(pass, step),
          isFinal: (id, value) => pass === model.passCount - 1 && model.isFinalGrad(id, value),
          follow,
        }
      : {},
  );
  const last = step === count - 1 ? ` ${t("steps.done")}` : "";
  $("step-description").textContent = model.describe(pass, step) + last;
  renderLedger($("ledger"), model, pass, step);
}

function move(delta) {
  if (state.model) goTo(state.pass, state.step + delta);
}

function first() {
  goTo(state.pass, 0);
}

function last() {
  if (state.model) goTo(state.pass, state.model.stepCount(state.pass) - 1);
}

function atEnd() {
  return !state.model || state.step >= state.model.stepCount(state.pass) - 1;
}

function play() {
  if (!state.model || state.model.stepCount(state.pass) < 2) return;
  if (atEnd()) first();
  const speed = Number.parseFloat($("step-speed").value) || 1;
  state.timer = window.setInterval(() => {
    move(1);
    if (atEnd()) stop();
  }, BASE_DELAY_MS / speed);
  showPlaying();
}

function stop() {
  if (state.timer !== null) window.clearInterval(state.timer);
  state.timer = null;
  showPlaying();
}

function togglePlay() {
  if (state.timer === null) play();
  else stop();
}

function showPlaying() {
  const playing = state.timer !== null;
  const button = $("step-play");
  button.setAttribute("aria-pressed", String(playing));
  button.dataset.i18n = playing ? "steps.pause" : "steps.play";
  button.textContent = t(button.dataset.i18n);
}

// ---- which graph: the default one, or one named tensor's (the request's `focus`) ----

/** The focus to ask for: only while the program is the one it was chosen for. */
function focusFor(code) {
  return state.focus !== null && code === state.focusCode ? state.focus : null;
}

function fillFocusPicker() {
  const graphJson = state.result?.graph ?? {};
  if (graphJson.mode !== "focus") {
    const seen = new Set();
    state.names = (graphJson.nodes ?? [])
      .filter((n) => n.kind === "tensor" && n.name && !seen.has(n.name) && seen.add(n.name))
      .map((n) => n.name);
    state.focus = null;
    state.defaultMode = graphJson.mode;
  }
  const defaultOption = document.createElement("option");
  defaultOption.value = "";
  defaultOption.textContent =
    state.defaultMode === "names" ? t("graph.focus_names") : t("graph.focus_backward");
  const options = state.names.map((name) => {
    const option = document.createElement("option");
    option.value = name;
    option.textContent = name;
    return option;
  });
  const picker = $("graph-focus");
  picker.replaceChildren(defaultOption, ...options);
  picker.value = state.focus ?? "";
  $("graph-focus-field").hidden = state.names.length < 2;
}

$("graph-focus").addEventListener("change", (event) => {
  state.focus = event.target.value || null;
  state.focusCode = editor.code;
  run();
});

function fillPassPicker() {
  const picker = $("pass-picker");
  const passes = state.model?.passes ?? [];
  picker.replaceChildren(
    ...passes.map((entry, n) => {
      const option = document.createElement("option");
      option.value = String(n);
      // `call` keeps counting when the server kept only the most recent calls
      option.textContent = t("steps.pass_option", { n: entry.call ?? n + 1, line: entry.line ?? "?" });
      return option;
    }),
  );
  $("pass-picker-field").hidden = passes.length < 2;
}

// ---- examples ----

function fillExamples() {
  const select = $("examples");
  const lang = currentLang();
  for (const option of select.querySelectorAll("option[data-slug]")) {
    const example = examples.find((e) => e.slug === option.dataset.slug);
    if (example) option.textContent = lang === "zh" ? example.title_zh : example.title_en;
  }
}

$("examples").addEventListener("change", (event) => {
  const example = examples.find((e) => e.slug === event.target.value);
  if (!example) return;
  editor.code = example.code;
  run();
});

// ---- share links ----

async function share() {
  const fragment = await encodeState({
    code: editor.code,
    pass: state.model ? state.pass : null,
    step: state.model ? state.step : null,
  });
  const url = new URL(window.location.href);
  url.hash = fragment;
  history.replaceState(null, "", url);
  state.restoredCode = editor.code;
  const field = $("share-url");
  field.value = url.toString();
  $("share-box").hidden = false;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url.toString());
    copied = true;
  } catch {
    // No clipboard permission (or plain http): the link stays selectable in the field.
  }
  $("share-status").textContent = copied ? t("editor.share_copied") : t("editor.share_ready");
  field.focus();
  field.select();
}

async function restoreFromFragment() {
  if (!window.location.hash) return false;
  const shared = await decodeState(window.location.hash);
  if (!shared) return false;
  editor.code = shared.code;
  state.restoredCode = shared.code;
  state.pendingPosition = { pass: shared.pass ?? undefined, step: shared.step ?? undefined };
  await run();
  return true;
}

// ---- wiring ----

$("run").addEventListener("click", () => run());
$("share").addEventListener("click", () => share());
$("step-first").addEventListener("click", () => (stop(), first()));
$("step-back").addEventListener("click", () => (stop(), move(-1)));
$("step-forward").addEventListener("click", () => (stop(), move(1)));
$("step-last").addEventListener("click", () => (stop(), last()));
$("step-play").addEventListener("click", () => togglePlay());
$("step-speed").addEventListener("change", () => {
  if (state.timer !== null) (stop(), play());
});
$("step-slider").addEventListener("input", (event) => (stop(), goTo(state.pass, Number(event.target.value))));
$("pass-picker").addEventListener("change", (event) => (stop(), goTo(Number(event.target.value), 0)));
$("zoom-in").addEventListener("click", () => graph.zoomIn());
$("zoom-out").addEventListener("click", () => graph.zoomOut());
$("zoom-fit").addEventListener("click", () => graph.fit());
window.addEventListener("hashchange", () => restoreFromFragment());

function typingIn(target) {
  return (
    target instanceof Element &&
    Boolean(target.closest(".cm-editor, input, select, textarea, [contenteditable]"))
  );
}

document.addEventListener("keydown", (event) => {
  if (event.defaultPrevented || event.altKey) return;
  if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
    event.preventDefault();
    run();
    return;
  }
  if (event.ctrlKey || event.metaKey) return;
  if (typingIn(event.target)) return;
  const onButton = event.target instanceof Element && event.target.closest("button");
  const actions = {
    ArrowRight: () => move(1),
    ArrowLeft: () => move(-1),
    Home: first,
    End: last,
    " ": onButton ? null : togglePlay,
  };
  const action = actions[event.key];
  if (!action || !state.model) return;
  event.preventDefault();
  if (event.key !== " ") stop();
  action();
});

// A projector clicker sends PageDown/PageUp: in presenter mode they always step, even with the
// editor focused, so this listens in the capture phase, before CodeMirror's own page keys.
window.addEventListener(
  "keydown",
  (event) => {
    if (!isPresenting() || (event.key !== "PageDown" && event.key !== "PageUp")) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    event.stopPropagation();
    stop();
    move(event.key === "PageDown" ? 1 : -1);
  },
  true,
);

document.addEventListener("presenterchange", () => graph.fit());

document.addEventListener("langchange", () => {
  editor.setLabel(t("editor.label"));
  fillExamples();
  transcript.render();
  graph.svg?.setAttribute("aria-label", t("graph.heading"));
  if (graph.detailId) graph.showDetails(graph.detailId);
  else graph.clearDetails();
  if (state.model) {
    const keep = { pass: state.pass, step: state.step };
    fillPassPicker();
    fillFocusPicker();
    goTo(keep.pass, keep.step, { follow: false });
  } else paintStep();
  showPlaying();
  // Error hints come from the server in the request's language: ask again in the new one.
  if (state.result?.error?.hint) {
    state.pendingPosition = { pass: state.pass, step: state.step };
    run();
  }
});

fillExamples();
paintStep();
transcript.render();
restoreFromFragment();
