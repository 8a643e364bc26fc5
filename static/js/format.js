// Formatting tensor values from the /api/run JSON (numbers, nested lists, null, "nan"/"inf")
// as short text for the graph and the step description, and as LaTeX for the ledger.

// Elements a label shows before it summarises (app/format.py MAX_LABEL_ELEMENTS).
const LABEL_ELEMENTS = 4;

/**
 * One number as the graph labels write it (app/format.py `label_number`: Python's "{:.4g}",
 * integral floats as "2.0"): "2.0", "0.1235", "1e-08", "-0.0", "nan". `integral` is for int/bool
 * tensors, where 2 stays "2". tests/browser/test_format_parity.py holds the two to the same text.
 */
export function formatNumber(x, integral = false) {
  if (typeof x === "string") return x; // "nan", "inf", "-inf" arrive as strings
  if (typeof x === "boolean") return x ? "True" : "False";
  if (x === null || x === undefined) return "None"; // a summary with no finite element
  if (typeof x !== "number" || !Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && (integral || Math.abs(x) < 1e6)) {
    if (integral) return String(x);
    return Object.is(x, -0) ? "-0.0" : `${x}.0`;
  }
  const [sign, digits, exponent] = significant4(x);
  if (exponent < -4 || exponent >= 4) {
    const mantissa = trimZeros(`${digits[0]}.${digits.slice(1)}`);
    const power = String(Math.abs(exponent)).padStart(2, "0");
    return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${power}`;
  }
  const point = exponent + 1; // digits before the decimal point
  const whole = point > 0 ? digits.slice(0, point) : "0";
  const fraction = point > 0 ? digits.slice(point) : "0".repeat(-point) + digits;
  return sign + trimZeros(fraction ? `${whole}.${fraction}` : whole);
}

/**
 * [sign, the 4 significant digits, the decimal exponent] of x rounded as Python rounds: to the
 * nearest, ties to even. (JavaScript's toExponential breaks an exact tie away from zero:
 * 1234.5 would give 1235 where Python gives 1234.)
 */
function significant4(x) {
  const size = Math.abs(x);
  let text = size.toExponential(3);
  const five = size.toExponential(4); // "d.dddde±n": the 5th significant digit is five[5]
  if (Number(five) === size && five[5] === "5" && Number(five[4]) % 2 === 0) {
    text = five.slice(0, 5) + five.slice(6); // an exact tie: keep the even 4th digit
  }
  const [mantissa, exponent] = text.split("e");
  return [x < 0 ? "-" : "", mantissa.replace(".", ""), Number(exponent)];
}

function trimZeros(text) {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** True for the server's summary of a big tensor: {summary, shape, numel, min, max, mean, head}. */
export function isSummary(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) && value.summary === true;
}

/** The shape of a nested-list value ([] for a number). */
export function shapeOf(value) {
  const shape = [];
  let level = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

function flatten(value) {
  return Array.isArray(value) ? value.flat(Infinity) : [value];
}

function nested(value) {
  return Array.isArray(value) ? `[${value.map(nested).join(", ")}]` : formatNumber(value);
}

/**
 * A value as one short line, exactly as the graph labels write it: None for null, up to
 * LABEL_ELEMENTS elements in full, else the first few and the shape.
 */
export function formatValue(value) {
  if (value === null || value === undefined) return "None";
  if (isSummary(value))
    return `[${value.shape.join("×")}] ${formatNumber(value.min)}…${formatNumber(value.max)}`;
  if (!Array.isArray(value)) return formatNumber(value);
  const flat = flatten(value);
  if (flat.length <= LABEL_ELEMENTS) return nested(value);
  const head = flat
    .slice(0, LABEL_ELEMENTS)
    .map((x) => formatNumber(x))
    .join(", ");
  return `[${head}, …] (${shapeOf(value).join("×")})`;
}

/** Every element, for the node details panel (no summarising), one row per line. */
export function formatFull(value, integral = false) {
  if (value === null || value === undefined) return "None";
  if (isSummary(value)) {
    const head = (value.head ?? []).map((x) => formatNumber(x, integral)).join(", ");
    return [
      `shape [${value.shape.join(", ")}], ${value.numel} elements`,
      `min ${formatNumber(value.min, integral)}, max ${formatNumber(value.max, integral)}, mean ${formatNumber(value.mean)}`,
      `first: ${head}, …`,
    ].join("\n");
  }
  if (!Array.isArray(value)) return formatNumber(value, integral);
  const depth = shapeOf(value).length;
  if (depth === 1) return `[${value.map((x) => formatNumber(x, integral)).join(", ")}]`;
  return `[${value.map((v) => formatFull(v, integral)).join(",\n ")}]`;
}

/** Structural equality of two JSON values (used to tell whether a grad equals the final one). */
export function sameValue(a, b) {
  if (isSummary(a) || isSummary(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
    );
  }
  return a === b;
}

/** Text safe inside LaTeX \text{...}: escapes TeX's special characters. */
export function latexText(text) {
  return String(text).replace(/[\\{}_^#$%&~]/g, (c) =>
    c === "\\"
      ? "\\textbackslash{}"
      : c === "~"
        ? "\\textasciitilde{}"
        : c === "^"
          ? "\\textasciicircum{}"
          : `\\${c}`,
  );
}

function latexNumber(x) {
  if (typeof x === "string" || typeof x === "boolean") return `\\text{${latexText(formatNumber(x))}}`;
  const text = formatNumber(x);
  const match = /^(-?[\d.]+)e([+-])(\d+)$/.exec(text);
  if (!match) return text;
  const exponent = `${match[2] === "-" ? "-" : ""}${Number(match[3])}`;
  return `${match[1]}\\times 10^{${exponent}}`;
}

/** A value as LaTeX: numbers, small vectors/matrices as bmatrix, big tensors as a summary. */
export function latexValue(value) {
  if (value === null || value === undefined) return "\\text{None}";
  if (isSummary(value)) return `\\text{${latexText(formatValue(value))}}`;
  if (!Array.isArray(value)) return latexNumber(value);
  const shape = shapeOf(value);
  if (shape.length === 1 && shape[0] <= 8) {
    return `\\begin{bmatrix}${value.map(latexNumber).join(" & ")}\\end{bmatrix}`;
  }
  if (shape.length === 2 && shape[0] <= 5 && shape[1] <= 6) {
    const rows = value.map((r) => r.map(latexNumber).join(" & "));
    return `\\begin{bmatrix}${rows.join(" \\\\ ")}\\end{bmatrix}`;
  }
  return `\\text{${latexText(formatValue(value))}}`;
}
