// Lesson pages and the course index: typeset formulas (vendored KaTeX), run cells in place,
// predict-then-reveal questions, and progress kept in this browser (localStorage).
// Everything inserted into the page is text (textContent) or KaTeX's own DOM, never HTML.

import { currentLang } from "./prefs.js";

const STORE_KEY = "autograd-lab.lessons";

// ---- progress ----

function loadProgress() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE_KEY) || "{}");
    return { last: saved.last ?? null, lessons: saved.lessons ?? {} };
  } catch {
    return { last: null, lessons: {} }; // unreadable or refused storage: start afresh
  }
}

function saveProgress(progress) {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(progress));
  } catch {
    // Private browsing may refuse storage; the page still works, it just forgets.
  }
}

function lessonRecord(progress, slug) {
  progress.lessons[slug] ??= { visited: true, done: false, answers: {} };
  return progress.lessons[slug];
}

function showStates(progress) {
  for (const item of document.querySelectorAll(".lesson-item[data-slug]")) {
    const record = progress.lessons[item.dataset.slug];
    const badge = item.querySelector(".lesson-state");
    const state = record?.done ? "done" : record?.visited ? "visited" : "";
    item.dataset.state = state;
    if (badge) badge.textContent = state ? badge.dataset[state] : "";
  }
}

// ---- formulas ----

function typeset(scope) {
  if (!window.katex) return; // the TeX source stays readable as text
  for (const el of scope.querySelectorAll(".math")) {
    const tex = el.textContent;
    try {
      window.katex.render(tex, el, { displayMode: el.classList.contains("math-display"), throwOnError: false });
      el.dataset.tex = tex;
    } catch {
      el.textContent = tex;
    }
  }
}

// ---- running a cell in place ----

const strings = JSON.parse(document.getElementById("lesson-strings")?.textContent || "{}");

function fill(template, values) {
  return (template ?? "").replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

function line(text, className) {
  // Status lines are prose; transcript lines keep their spacing (tensor printouts align columns).
  const el = document.createElement(className.startsWith("cell-status") ? "p" : "pre");
  el.className = className;
  el.textContent = text;
  return el;
}

async function runCell(cell) {
  const code = cell.querySelector("pre code").textContent;
  const result = cell.querySelector(".cell-result");
  const button = cell.querySelector(".cell-run");
  result.hidden = false;
  result.replaceChildren(line(strings["cell.running"], "cell-status"));
  button.disabled = true;
  try {
    const response = await fetch("/api/run", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code, lang: currentLang() }),
    });
    if (response.status === 503) {
      result.replaceChildren(line(strings["cell.busy"], "cell-status cell-status-error"));
      return;
    }
    if (!response.ok) {
      result.replaceChildren(line(fill(strings["cell.failed"], { status: response.status }), "cell-status cell-status-error"));
      return;
    }
    showRun(cell, result, await response.json());
  } catch {
    result.replaceChildren(line(fill(strings["cell.failed"], { status: "network" }), "cell-status cell-status-error"));
  } finally {
    button.disabled = false;
  }
}

function showRun(cell, result, run) {
  const parts = [];
  if (run.stdout) parts.push(line(run.stdout, "cell-stdout"));
  for (const warning of run.warnings ?? []) parts.push(line(`${warning.category}: ${warning.message}`, "cell-warning"));
  if (run.error) {
    parts.push(line(`${run.error.type}: ${run.error.message}`, "cell-error"));
    const intended = run.error.type === cell.dataset.expectError;
    const key = intended ? "cell.expected_error" : "cell.error";
    parts.push(line(fill(strings[key], { type: run.error.type, line: run.error.line ?? "?" }), `cell-status${intended ? "" : " cell-status-error"}`));
  } else {
    parts.push(line(strings["cell.ok"], "cell-status"));
  }
  result.replaceChildren(...parts);
}

// ---- questions ----

function markQuestion(form, choice) {
  const answer = Number(form.dataset.answer);
  const verdict = form.querySelector(".question-verdict");
  for (const input of form.querySelectorAll("input[type=radio]")) {
    const li = input.closest("li");
    li.classList.toggle("chosen", Number(input.value) === choice);
    li.classList.toggle("correct", Number(input.value) === answer);
    if (Number(input.value) === choice) input.checked = true;
  }
  form.classList.add("answered");
  form.classList.toggle("right", choice === answer);
  verdict.textContent = choice === answer ? strings["question.right"] : strings["question.wrong"];
  form.querySelector(".question-reveal").open = true;
}

// ---- wiring ----

function initLesson(article) {
  const slug = article.dataset.slug;
  const progress = loadProgress();
  const record = lessonRecord(progress, slug);
  record.visited = true;
  progress.last = slug;
  saveProgress(progress);
  showStates(progress);
  const finished = document.getElementById("lesson-finished");
  const finish = () => {
    const fresh = loadProgress();
    lessonRecord(fresh, slug).done = true;
    saveProgress(fresh);
    showStates(fresh);
    finished.hidden = false;
  };
  if (record.done) finished.hidden = false;

  for (const form of article.querySelectorAll("form.question")) {
    const saved = record.answers?.[form.dataset.question];
    if (Number.isInteger(saved)) markQuestion(form, saved);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = form.querySelector("input[type=radio]:checked");
      if (!chosen) {
        form.querySelector(".question-verdict").textContent = strings["question.pick"];
        return;
      }
      const choice = Number(chosen.value);
      markQuestion(form, choice);
      const fresh = loadProgress();
      const mine = lessonRecord(fresh, slug);
      mine.answers = { ...(mine.answers ?? {}), [form.dataset.question]: choice };
      saveProgress(fresh);
      if (Object.keys(mine.answers).length >= Number(article.dataset.questions)) finish();
    });
  }

  for (const cell of article.querySelectorAll("figure.cell")) {
    const button = cell.querySelector(".cell-run");
    button.hidden = false;
    button.addEventListener("click", () => runCell(cell));
  }
  document.getElementById("lesson-finish")?.addEventListener("click", finish);
  document.querySelector(".pager-next")?.addEventListener("click", finish);
  typeset(article);
}

function showIndex(index) {
  const progress = loadProgress();
  showStates(progress);
  const total = Number(index.dataset.total);
  const done = Object.values(progress.lessons).filter((record) => record.done).length;
  const summary = document.getElementById("progress-summary");
  summary.textContent = fill(summary.dataset.template, { done, total });
  const items = [...document.querySelectorAll(".lesson-item[data-slug]")];
  const last = items.find((item) => item.dataset.slug === progress.last);
  const link = document.getElementById("continue-link");
  if (last) {
    link.href = `/lessons/${encodeURIComponent(last.dataset.slug)}`;
    link.textContent = fill(link.dataset.template, { n: last.dataset.number });
    link.hidden = false;
  } else {
    link.hidden = true;
  }
}

function initIndex(index) {
  showIndex(index);
  document.getElementById("progress-reset")?.addEventListener("click", () => {
    saveProgress({ last: null, lessons: {} });
    showIndex(index);
  });
}

const article = document.querySelector("article.lesson");
if (article) initLesson(article);
const index = document.querySelector(".lessons-index");
if (index) initIndex(index);
