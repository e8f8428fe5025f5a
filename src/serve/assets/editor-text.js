// The editor's text and YAML helpers: columns in code points and UTF-16 units, indents, where a
// marked token ends, where a YAML syntax error probably comes from (findSuspects), and the
// report's title for the PDF's name. Plain functions of strings: no page, no state.

// ---- small helpers -----------------------------------------------------------------------------
export const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));
// A column the service counts in characters (code points) as an offset in the JS string.
export function cpToUnits(s, cps) {
  let i = 0;
  let n = 0;
  while (i < s.length && n < cps) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
    n++;
  }
  return i;
}
export function unitsToCp(s) { return Array.from(s).length; }
export function indentOf(s) { return s.length - s.replace(/^ +/, '').length; }
function isContent(s) { return s.trim() !== '' && !/^\s*#/.test(s); }

// ---- the marked token ---------------------------------------------------------------------------
// Where the marked token ends: a quoted text to its closing quote, else up to ": ", ", ", a
// closing bracket or a comment; at least one character.
export function tokenEnd(cps, c0) {
  const n = cps.length;
  if (c0 >= n) return c0;
  const q = cps[c0];
  if (q === '"' || q === "'") {
    let j = c0 + 1;
    while (j < n && cps[j] !== q) j += q === '"' && cps[j] === '\\' ? 2 : 1;
    return Math.min(n, j + 1);
  }
  let j = c0;
  while (j < n) {
    const ch = cps[j];
    if (ch === '#' && j > c0 && cps[j - 1] === ' ') break;
    if (ch === ',' || ch === ']' || ch === '}') break;
    if (ch === ':' && j > c0 && (j + 1 === n || cps[j + 1] === ' ')) break;
    j++;
  }
  while (j > c0 && cps[j - 1] === ' ') j--;
  return j === c0 ? Math.min(n, c0 + 1) : j;
}

// ---- where a syntax error probably comes from ---------------------------------------------------
// The service reports a YAML syntax error where the parser gave up, which is often a line or
// more after the mistake ("here and on the line before"). These look for the usual causes.
function unclosedOn(t) {
  let inQ = null;
  let flow = 0;
  let valueStart = true; // a quote or bracket here opens a quoted text or a flow list
  for (let j = 0; j < t.length; j++) {
    const ch = t[j];
    if (inQ) {
      if (inQ === '"' && ch === '\\') j++;
      else if (ch === inQ) {
        if (inQ === "'" && t[j + 1] === "'") j++;
        else { inQ = null; valueStart = false; }
      }
      continue;
    }
    if (ch === '#' && (j === 0 || t[j - 1] === ' ' || t[j - 1] === '\t')) break;
    if (ch === ' ' || ch === '\t') continue;
    if ((ch === '"' || ch === "'") && valueStart) { inQ = ch; continue; }
    if ((ch === '[' || ch === '{') && (valueStart || flow > 0)) { flow++; valueStart = true; continue; }
    if ((ch === ']' || ch === '}') && flow > 0) { flow--; valueStart = false; continue; }
    if (ch === ',' && flow > 0) { valueStart = true; continue; }
    if (ch === '-' && (t[j + 1] === ' ' || j + 1 === t.length) && valueStart) continue;
    if (ch === ':' && (t[j + 1] === ' ' || j + 1 === t.length)) { valueStart = true; continue; }
    valueStart = false;
  }
  if (inQ === '"') return ['dấu nháy kép " mở mà chưa đóng', 'a double quote " is not closed', 'dấu nháy " chưa đóng?'];
  if (inQ === "'") return ["dấu nháy đơn ' mở mà chưa đóng", "a single quote ' is not closed", "dấu nháy ' chưa đóng?"];
  if (flow > 0) return ['dấu ngoặc [ hoặc { mở mà chưa đóng', 'a [ or { is not closed', 'ngoặc chưa đóng?'];
  return null;
}

export function findSuspects(e, lines) { // lines: the text's lines
  if (!/^YAML syntax error/.test(e.message || '') || !(e.line > 0)) return [];
  const L = clamp(e.line, 1, lines.length);
  const out = [];
  for (let i = L; i >= Math.max(1, L - 60); i--) {
    const why = unclosedOn(lines[i - 1]);
    if (why) {
      out.push({ line: i, vi: `Dòng ${i}: ${why[0]}.`, en: `Line ${i}: ${why[1]}.`, short: why[2] });
      return out;
    }
  }
  // A key without its colon ("place Hà Nội" among "kind: …" lines), on this line or the one
  // before (the nearest that is not blank or a comment).
  const prevContent = (i) => { let k = i - 1; while (k >= 1 && !isContent(lines[k - 1])) k--; return k; };
  const keyLine = (t) => /^(- )?[^\s:#"'[{][^:#]*:( |$)/.test(t.trim());
  const bareLine = (t) => {
    const body = t.trim().replace(/\s+#.*$/, '');
    return body !== '' && !body.startsWith('-') && !/:( |$)/.test(body) && !/^["'[{|>]/.test(body);
  };
  const P = prevContent(L);
  for (const c of [L, P]) {
    if (c < 1 || !bareLine(lines[c - 1])) continue;
    const ci = indentOf(lines[c - 1]);
    const before = prevContent(c);
    let after = c + 1;
    while (after <= lines.length && !isContent(lines[after - 1])) after++;
    const sib = [before, after].some((k) => k >= 1 && k <= lines.length
      && indentOf(lines[k - 1]) === ci && keyLine(lines[k - 1]));
    if (sib) {
      out.push({ line: c, vi: `Dòng ${c}: có lẽ thiếu dấu hai chấm sau tên mục (viết “tên: nội dung”, có một dấu cách sau dấu hai chấm).`,
                 en: `Line ${c}: probably a missing colon after the key ("key: value").`, short: 'thiếu dấu hai chấm?' });
      return out;
    }
  }
  if (P < 1) return out;
  const lt = lines[L - 1];
  const pt = lines[P - 1];
  const li = indentOf(lt);
  const pi = indentOf(pt);
  const pBody = pt.trim().replace(/\s+#.*$/, '');
  if (li > pi && !/:$/.test(pBody) && !pt.trim().startsWith('- ') && /:( |$)/.test(pBody)) {
    // A deeper indent under a line that opens nothing: which of the two is out of line?
    const PP = prevContent(P);
    if (PP >= 1 && indentOf(lines[PP - 1]) === li) {
      out.push({ line: P, vi: `Dòng ${P} thụt lề ${pi} dấu cách, các dòng cùng nhóm thụt ${li}: hãy cho thẳng hàng.`,
                 en: `Line ${P} is indented ${pi} spaces, its neighbours ${li}: line them up.`, short: 'thụt lề lệch?' });
    } else {
      out.push({ line: L, vi: `Dòng ${L} thụt lề ${li} dấu cách, nhiều hơn dòng ${P} (${pi}): hãy cho thẳng hàng với dòng trên.`,
                 en: `Line ${L} is indented ${li} spaces, more than line ${P} (${pi}): line it up.`, short: 'thụt lề lệch?' });
    }
  }
  return out;
}

// ---- the report's title, for the PDF's file name ------------------------------------------------
export function reportTitle(text) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^document:\s*(#.*)?$/.test(l));
  const unquote = (v) => {
    v = v.trim();
    if (/^"/.test(v)) { const m = /^"((?:[^"\\]|\\.)*)"/.exec(v); return m ? m[1] : v.slice(1); }
    if (/^'/.test(v)) { const m = /^'((?:[^']|'')*)'/.exec(v); return m ? m[1].replace(/''/g, "'") : v.slice(1); }
    return v.replace(/\s+#.*$/, '').trim();
  };
  if (start >= 0) {
    let indent = -1;
    for (let i = start + 1; i < lines.length; i++) {
      const l = lines[i];
      if (!isContent(l)) continue;
      if (!/^\s/.test(l)) break;
      if (indent < 0) indent = indentOf(l);
      const m = /^(\s*)title:\s*(.*)$/.exec(l);
      if (m && m[1].length === indent) return unquote(m[2]);
    }
  }
  const flow = /^document:\s*\{.*?\btitle:\s*([^,}]*)/m.exec(text);
  return flow ? unquote(flow[1]) : '';
}
export function slug(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}
