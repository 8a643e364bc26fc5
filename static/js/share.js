// Share links: the code, the backward() call and the step live in the URL fragment, so a link
// restores the same state and the code never reaches the server's logs.
// Format: #z=<base64url(deflate-raw(utf8 code))>&pass=<n>&step=<n>   (or code= when the
// browser has no CompressionStream: plain base64url UTF-8).

function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function through(stream, bytes) {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

/** The fragment (without '#') for code + position. */
export async function encodeState({ code, pass, step }) {
  const bytes = new TextEncoder().encode(code);
  const params = new URLSearchParams();
  if (typeof CompressionStream === "function") {
    params.set("z", toBase64Url(await through(new CompressionStream("deflate-raw"), bytes)));
  } else {
    params.set("code", toBase64Url(bytes));
  }
  if (Number.isInteger(pass)) params.set("pass", String(pass));
  if (Number.isInteger(step)) params.set("step", String(step));
  return params.toString();
}

function index(params, name) {
  const n = Number.parseInt(params.get(name) ?? "", 10);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** Code + position from a fragment, or null when it holds no (valid) shared state. */
export async function decodeState(fragment) {
  const params = new URLSearchParams(fragment.replace(/^#/, ""));
  try {
    let bytes;
    if (params.has("z"))
      bytes = await through(new DecompressionStream("deflate-raw"), fromBase64Url(params.get("z")));
    else if (params.has("code")) bytes = fromBase64Url(params.get("code"));
    else return null;
    const code = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { code, pass: index(params, "pass"), step: index(params, "step") };
  } catch {
    return null; // a truncated or hand-edited link: ignore it rather than fail the page
  }
}
