// The one CodeMirror surface the playground uses; bundled by build.sh into a single ES module.
export { basicSetup } from "codemirror";
export { python } from "@codemirror/lang-python";
export {
  EditorView, keymap, Decoration, lineNumbers, highlightActiveLine,
} from "@codemirror/view";
export { EditorState, StateEffect, StateField, Compartment, Prec } from "@codemirror/state";
export { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
export { indentWithTab } from "@codemirror/commands";
export { tags } from "@lezer/highlight";
