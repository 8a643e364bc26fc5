// The code editor: vendored CodeMirror 6 with Python highlighting, line numbers, the error
// line marked, and Ctrl/Cmd+Enter to run. Colours come from CSS variables so themes apply.
//
// The editor lives in a shadow root: CodeMirror then styles itself through a constructed
// stylesheet (adoptedStyleSheets) instead of a <style> element, which the page's strict
// Content-Security-Policy (style-src 'self', no nonce) would block.

import {
  basicSetup,
  python,
  EditorView,
  EditorState,
  StateEffect,
  StateField,
  Decoration,
  Compartment,
  Prec,
  keymap,
  HighlightStyle,
  syntaxHighlighting,
  tags,
} from "../vendor/codemirror-6.0.2.js";

const setErrorLine = StateEffect.define();

// One marked line at most; any edit clears it, since the line number may no longer match.
const errorLineField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const effect of tr.effects) {
      if (effect.is(setErrorLine)) {
        const { line: number, label } = effect.value ?? {};
        if (!number || number < 1 || number > tr.state.doc.lines) return Decoration.none;
        const line = tr.state.doc.line(number);
        const mark = Decoration.line({
          class: "cm-error-line",
          attributes: { "data-error-label": label ?? "" },
        });
        return Decoration.set([mark.range(line.from)]);
      }
    }
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const highlight = HighlightStyle.define([
  {
    tag: [
      tags.keyword,
      tags.controlKeyword,
      tags.definitionKeyword,
      tags.moduleKeyword,
      tags.operatorKeyword,
    ],
    color: "var(--hl-keyword)",
    fontWeight: "600",
  },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--hl-string)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--hl-number)" },
  { tag: tags.comment, color: "var(--hl-comment)", fontStyle: "italic" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "var(--hl-function)" },
  { tag: [tags.className, tags.definition(tags.variableName)], color: "var(--hl-definition)" },
  { tag: tags.propertyName, color: "var(--hl-property)" },
  { tag: [tags.operator, tags.punctuation], color: "var(--hl-operator)" },
]);

const theme = EditorView.theme({
  "&": { color: "var(--fg)", backgroundColor: "var(--editor-bg)", height: "100%" },
  ".cm-content": { caretColor: "var(--fg)", fontFamily: "var(--mono)" },
  ".cm-gutters": {
    backgroundColor: "var(--editor-gutter)",
    color: "var(--muted)",
    borderRight: "1px solid var(--border)",
  },
  ".cm-activeLine": { backgroundColor: "var(--editor-active)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--editor-active)" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--fg)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--editor-selection) !important",
  },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-error-line": { backgroundColor: "var(--error-line)", boxShadow: "inset 4px 0 0 var(--error-fg)" },
  ".cm-error-line::after": {
    content: "attr(data-error-label)",
    color: "var(--error-fg)",
    fontWeight: "700",
    paddingLeft: "1em",
  },
});

export class CodeEditor {
  /**
   * @param {HTMLElement} parent where the editor goes
   * @param {string} doc initial code
   * @param {{label: string, onRun: () => void}} options
   */
  constructor(parent, doc, { label, onRun }) {
    this.labelling = new Compartment();
    const host = document.createElement("div");
    host.className = "editor-host";
    parent.append(host);
    const shadow = host.attachShadow({ mode: "open" });
    this.view = new EditorView({
      root: shadow,
      parent: shadow,
      state: EditorState.create({
        doc,
        extensions: [
          Prec.highest(keymap.of([{ key: "Mod-Enter", preventDefault: true, run: () => (onRun(), true) }])),
          basicSetup,
          python(),
          syntaxHighlighting(highlight),
          theme,
          errorLineField,
          this.labelling.of(EditorView.contentAttributes.of({ "aria-label": label })),
        ],
      }),
    });
  }

  get code() {
    return this.view.state.doc.toString();
  }

  set code(text) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }

  setLabel(label) {
    this.view.dispatch({
      effects: this.labelling.reconfigure(EditorView.contentAttributes.of({ "aria-label": label })),
    });
  }

  /** Marks `line` (1-based) as the error line (with a short `label`) and scrolls it into view. */
  markError(line, label = "") {
    const effects = [setErrorLine.of(line === null ? null : { line, label })];
    if (line !== null && line >= 1 && line <= this.view.state.doc.lines) {
      effects.push(EditorView.scrollIntoView(this.view.state.doc.line(line).from, { y: "center" }));
    }
    this.view.dispatch({ effects });
  }

  /** Puts the cursor at the start of `line` and focuses the editor. */
  goToLine(line) {
    if (line < 1 || line > this.view.state.doc.lines) return;
    const at = this.view.state.doc.line(line).from;
    this.view.dispatch({
      selection: { anchor: at },
      effects: EditorView.scrollIntoView(at, { y: "center" }),
    });
    this.view.focus();
  }
}
