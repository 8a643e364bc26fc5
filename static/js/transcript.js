// The transcript: what the program printed, its warnings, and the error with line and hint.
// Everything the program or the server wrote is inserted with textContent only.

import { t } from "./prefs.js";

export class Transcript {
  constructor({ stdout, warnings, error, status, onGoToLine }) {
    this.stdout = stdout;
    this.warnings = warnings;
    this.error = error;
    this.status = status;
    this.onGoToLine = onGoToLine;
    this.result = null;
    this.message = null;
  }

  /** Shows a finished run (the JSON body of POST /api/run). */
  show(result) {
    this.result = result;
    this.message = null;
    this.render();
  }

  /** Shows a problem talking to the server (busy, refused, offline). */
  fail(key, values = {}) {
    this.result = null;
    this.message = { key, values };
    this.render();
  }

  busy() {
    this.status.textContent = t("editor.running");
  }

  /** Re-renders in the current language. */
  render() {
    if (this.message) {
      this.stdout.textContent = "";
      this.warnings.replaceChildren();
      this.error.hidden = true;
      this.status.textContent = t(this.message.key, this.message.values);
      return;
    }
    const result = this.result;
    if (!result) {
      this.status.textContent = t("out.empty");
      return;
    }
    this.stdout.textContent = result.stdout ?? "";
    this.stdout.hidden = !result.stdout;
    this.renderWarnings(result.warnings ?? []);
    this.renderError(result.error);
    const passes = result.backward?.length ?? 0;
    if (result.error) {
      const type = result.error.type ?? "Error";
      this.status.textContent = Number.isInteger(result.error.line)
        ? t("out.error_summary", { type, line: result.error.line })
        : t("out.error_summary_noline", { type });
    } else {
      this.status.textContent = passes ? t("out.ok_backward", { n: passes }) : t("out.ok");
    }
  }

  renderWarnings(warnings) {
    const items = warnings.map((warning) => {
      const li = document.createElement("li");
      const label = document.createElement("strong");
      label.textContent = `${warning.category ?? t("out.warning")}`;
      li.append(label);
      if (Number.isInteger(warning.line)) li.append(" ", this.lineLink(warning.line));
      li.append(`: ${warning.message ?? ""}`);
      return li;
    });
    this.warnings.replaceChildren(...items);
    this.warnings.hidden = items.length === 0;
  }

  renderError(error) {
    if (!error) {
      this.error.hidden = true;
      this.error.replaceChildren();
      return;
    }
    const head = document.createElement("p");
    head.className = "error-head";
    if (Number.isInteger(error.line)) head.append(this.lineLink(error.line), " ");
    const type = document.createElement("strong");
    type.textContent = `${error.type ?? "Error"}:`;
    const message = document.createElement("span");
    message.className = "error-message";
    message.textContent = ` ${error.message ?? ""}`;
    head.append(type, message);
    const parts = [head];
    if (error.hint) {
      const hint = document.createElement("p");
      hint.className = "error-hint";
      const label = document.createElement("strong");
      label.textContent = `${t("out.hint")}: `;
      const body = document.createElement("span");
      body.textContent = error.hint;
      hint.append(label, body);
      parts.push(hint);
    }
    this.error.replaceChildren(...parts);
    this.error.hidden = false;
  }

  lineLink(line) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "line-link";
    button.textContent = t("out.error_at", { line });
    button.setAttribute("aria-label", t("out.goto_line", { line }));
    button.addEventListener("click", () => this.onGoToLine(line));
    return button;
  }
}
