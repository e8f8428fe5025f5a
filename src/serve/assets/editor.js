// baocao serve: the browser editor (GET /). Plain JavaScript modules, no framework, no build step;
// it talks only to the service's own /v1 routes. Layout of the editor: a line-number gutter, and a
// textarea drawn over a "mirror" (the same text, transparent, one div per line) that carries the
// error markers, so the markers sit exactly under the text, wrapped or not.
// This file, the core, owns the page's elements, the state, what is kept in the browser, the
// status line, the mirror and the gutter, typing, the controls and the start. The other parts:
//   editor-text.js     text and YAML helpers; where a syntax error probably comes from
//   editor-hints.js    plain Vietnamese for the service's messages; field names from the schema
//   editor-errors.js   the error markers, the short messages by the lines, the error panel, and
//                      going to an error
//   editor-service.js  the service: preview, templates, starter, open file, downloads

import { clamp, unitsToCp } from './editor-text.js';
import { goTo, markStale, placeLenses, renderMarks } from './editor-errors.js';
import {
  downloadPdf, downloadYaml, loadSchema, loadStarter, loadTemplates, openFile, replaceText,
  scheduleBuild, setState,
} from './editor-service.js';

export const $ = (id) => document.getElementById(id);
export const ed = $('editor');
export const gutterInner = $('gutter-inner');
export const mirror = $('mirror');
export const errorsBox = $('errors');
export const pagesBox = $('pages');
const statusEl = $('status');
const savedEl = $('saved');
export const templateSel = $('template');
export const pageCount = $('page-count');
export const previewBusy = $('preview-busy');
export const previewNote = $('preview-note');
const cursorPos = $('cursor-pos');
export const tokenBar = $('token-bar');
export const tokenInput = $('token');
export const tokenMsg = $('token-message');
const wrapBox = $('wrap');
export const pdfButton = $('download-pdf');
export const lensLayer = $('lens-layer');
export const codeBox = $('code');
const gutterBox = $('gutter');

export const KEY = {
  text: 'baocao.editor.text',
  previous: 'baocao.editor.previous',
  template: 'baocao.editor.template',
  wrap: 'baocao.editor.wrap',
  name: 'baocao.editor.name',
};
const TOKEN_KEY = 'baocao.token';
const DEBOUNCE_MS = 600;

export const st = {
  lines: [''], // the text as lines, as the mirror shows it
  errors: [], // errors of the last answer (for the current text, or stale after an edit)
  warnings: [],
  suspects: [], // {line, vi, en}: a likely cause of a syntax error on an earlier line
  stale: false, // the text changed since the errors were reported
  marked: [], // mirror line indexes that carry markers
  lenses: [], // {i, tokenEnd, text}: the short messages by the error lines
  gutterMarked: [],
  current: 0, // the caret's line index in the gutter
  timer: 0,
  inFlight: false,
  again: false,
  notBefore: 0, // do not send before this time (503 Retry-After)
  netFailures: 0,
  builds: 0,
  hasPages: false,
  token: sessionGet(TOKEN_KEY) || '',
  fileName: 'report.yaml',
  escTab: false,
  showRestore: false,
  afterAuth: null,
  renderQueued: false,
  saveTimer: 0,
};

// ---- storage (never throws: a browser may refuse storage) -----------------------------------
export function localGet(k) {
  try { return window.localStorage.getItem(k); } catch (e) { return null; }
}
export function localSet(k, v) {
  try { window.localStorage.setItem(k, v); return true; } catch (e) { return false; }
}
function sessionGet(k) {
  try { return window.sessionStorage.getItem(k); } catch (e) { return null; }
}
function sessionSet(k, v) {
  try { window.sessionStorage.setItem(k, v); } catch (e) { /* kept in memory only */ }
}

// Saved on every change; a long text (writing 500 KB to localStorage costs ~40 ms in
// chromium) a moment after typing stops, and at once when the page is hidden or closed.
function saveSoon() {
  clearTimeout(st.saveTimer);
  if (ed.value.length < 200000) saveText();
  else st.saveTimer = setTimeout(saveText, 300);
}
function saveText() {
  clearTimeout(st.saveTimer);
  st.saveTimer = 0;
  if (localSet(KEY.text, ed.value)) {
    savedEl.textContent = 'Đã lưu trong trình duyệt · Saved in this browser';
    savedEl.classList.remove('error');
  } else {
    savedEl.textContent = 'Không lưu được trong trình duyệt: hãy Tải YAML · Not kept in this browser: download the YAML';
    savedEl.classList.add('error');
  }
}

// ---- small helpers -----------------------------------------------------------------------------
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
export function en(text) { return el('span', 'en', text); }
export function lineStartOffset(line) { // line is 1-based
  let off = 0;
  for (let i = 0; i < line - 1 && i < st.lines.length; i++) off += st.lines[i].length + 1;
  return off;
}

// ---- status line ------------------------------------------------------------------------------
export function setStatus(text, kind, extra) {
  statusEl.textContent = text;
  statusEl.className = 'status' + (kind ? ' ' + kind : '');
  if (extra) statusEl.append(' ', extra);
}
export function restoreButton() {
  const b = el('button', 'linkish', 'Khôi phục nội dung cũ · Restore previous text');
  b.type = 'button';
  b.addEventListener('click', () => {
    const prev = localGet(KEY.previous);
    if (prev !== null) {
      replaceText(prev, localGet(KEY.name) || 'report.yaml');
      setStatus('Đã khôi phục nội dung cũ. · Previous text restored.', 'ok');
    }
  });
  return b;
}

// ---- the mirror and the gutter ------------------------------------------------------------------
function makeMirrorLine(text) {
  const d = el('div', 'mirror-line');
  d.textContent = text;
  return d;
}

// Brings the mirror in line with the textarea, replacing only the lines that changed.
function syncMirror() {
  const lines = ed.value.split('\n');
  const old = st.lines;
  const max = Math.min(old.length, lines.length);
  let p = 0;
  while (p < max && old[p] === lines[p]) p++;
  let s = 0;
  while (s < max - p && old[old.length - 1 - s] === lines[lines.length - 1 - s]) s++;
  const kids = mirror.children;
  const oldEnd = old.length - s;
  if (oldEnd - p > 200) {
    const r = document.createRange();
    r.setStartBefore(kids[p]);
    r.setEndAfter(kids[oldEnd - 1]);
    r.deleteContents();
  } else {
    for (let i = oldEnd - 1; i >= p; i--) kids[i].remove();
  }
  const frag = document.createDocumentFragment();
  for (let i = p; i < lines.length - s; i++) frag.appendChild(makeMirrorLine(lines[i]));
  mirror.insertBefore(frag, kids[p] || null);
  st.lines = lines;
  const shift = lines.length - old.length; // marked lines after the change moved by this much
  st.marked = st.marked.filter((i) => i < p || i >= oldEnd).map((i) => (i >= oldEnd ? i + shift : i));
  syncGutterCount();
  if (document.body.classList.contains('wrap')) fitWrapped();
  renderMarks();
  updateCursor();
}

function syncGutterCount() {
  const want = st.lines.length;
  let have = gutterInner.children.length;
  if (have < want) {
    const frag = document.createDocumentFragment();
    for (let i = have; i < want; i++) frag.appendChild(el('div', 'gutter-line', String(i + 1)));
    gutterInner.appendChild(frag);
  } else {
    while (have > want) { gutterInner.lastChild.remove(); have--; }
  }
  const digits = Math.max(3, String(want).length);
  const w = `calc(${digits + 2}ch + 22px)`;
  if (gutterBox.style.flexBasis !== w) gutterBox.style.flexBasis = w;
  st.gutterMarked = st.gutterMarked.filter((i) => i < want);
  if (st.current >= want) st.current = 0;
}

// Wrapped lines: the mirror is as wide as the textarea's text, and each gutter line as tall as
// its mirror line.
function fitWrapped() {
  const wrap = document.body.classList.contains('wrap');
  mirror.style.width = wrap ? ed.clientWidth + 'px' : '';
  const g = gutterInner.children;
  const m = mirror.children;
  const heights = [];
  if (wrap) for (let i = 0; i < m.length; i++) heights.push(m[i].offsetHeight);
  for (let i = 0; i < g.length; i++) {
    const h = wrap ? heights[i] + 'px' : '';
    if (g[i].style.height !== h) g[i].style.height = h;
  }
}

export function syncScroll() {
  const y = ed.scrollTop;
  const x = ed.scrollLeft;
  gutterInner.style.transform = `translateY(${-y}px)`;
  mirror.style.transform = `translate(${-x}px, ${-y}px)`;
  if (st.lenses.length) placeLenses();
}

function queueRender() {
  if (st.renderQueued) return;
  st.renderQueued = true;
  requestAnimationFrame(() => {
    st.renderQueued = false;
    syncMirror();
    syncScroll();
  });
}

export function updateCursor() {
  const pos = ed.selectionStart;
  const before = ed.value.slice(0, pos);
  const nl = before.lastIndexOf('\n');
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  const col = unitsToCp(before.slice(nl + 1)) + 1;
  cursorPos.textContent = `Dòng ${line}, cột ${col}`;
  cursorPos.title = `Line ${line}, column ${col}`;
  const g = gutterInner.children;
  if (g[st.current]) g[st.current].classList.remove('current');
  st.current = line - 1;
  if (g[st.current]) g[st.current].classList.add('current');
}

// ---- typing ---------------------------------------------------------------------------------------------
function insertText(s) {
  let ok = false;
  try { ok = document.execCommand('insertText', false, s); } catch (e) { ok = false; }
  if (!ok) {
    ed.setRangeText(s, ed.selectionStart, ed.selectionEnd, 'end');
    ed.dispatchEvent(new Event('input', { bubbles: true }));
  }
}
function selectedLines() {
  const v = ed.value;
  const a = ed.selectionStart;
  let b = ed.selectionEnd;
  if (b > a && v[b - 1] === '\n') b--;
  const start = v.lastIndexOf('\n', a - 1) + 1;
  let end = v.indexOf('\n', b);
  if (end < 0) end = v.length;
  return [start, end];
}
function indent(out) {
  const v = ed.value;
  const a = ed.selectionStart;
  const b = ed.selectionEnd;
  if (!out && !v.slice(a, b).includes('\n')) { insertText('  '); return; }
  const [start, end] = selectedLines();
  const block = v.slice(start, end);
  const changed = out ? block.replace(/^ {1,2}/gm, '') : block.replace(/^/gm, '  ');
  if (changed === block) return;
  ed.setSelectionRange(start, end);
  insertText(changed);
  if (a === b && out) {
    const removed = block.length - changed.length;
    const p = Math.max(start, a - Math.min(removed, a - start));
    ed.setSelectionRange(p, p);
  } else {
    ed.setSelectionRange(start, start + changed.length);
  }
}
function newline() {
  const v = ed.value;
  const a = ed.selectionStart;
  const lineStart = v.lastIndexOf('\n', a - 1) + 1;
  const before = v.slice(lineStart, a);
  let pad = /^ */.exec(before)[0];
  if (/:\s*$/.test(before.replace(/\s+#.*$/, '')) && before.trim() !== '') pad += '  ';
  insertText('\n' + pad);
}

export function onEdited() {
  saveSoon();
  markStale();
  queueRender();
}

ed.addEventListener('input', () => {
  st.showRestore = false;
  onEdited();
  setState('building');
  scheduleBuild(DEBOUNCE_MS);
});
ed.addEventListener('scroll', syncScroll, { passive: true });
ed.addEventListener('keydown', (e) => {
  if (e.isComposing || e.keyCode === 229) return; // an input method (Telex, VNI) is composing
  if (e.key === 'Escape') { st.escTab = true; return; }
  if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
    if (st.escTab) { st.escTab = false; return; } // Esc then Tab: leave the editor
    e.preventDefault();
    indent(e.shiftKey);
    return;
  }
  st.escTab = false;
  if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
    e.preventDefault();
    newline();
    return;
  }
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
    e.preventDefault();
    setStatus('Nội dung đã được tự lưu trong trình duyệt. Muốn có tệp, bấm “Tải YAML”. '
      + '· Your text is saved in this browser; use Download YAML for a file.', 'ok');
  }
});
for (const t of ['keyup', 'click', 'focus', 'select']) ed.addEventListener(t, updateCursor);
document.addEventListener('selectionchange', () => { if (document.activeElement === ed) updateCursor(); });

gutterInner.addEventListener('click', (e) => {
  const g = e.target.closest('.gutter-line.error');
  if (!g) return;
  const line = Array.prototype.indexOf.call(gutterInner.children, g) + 1;
  const err = st.errors.find((x) => clamp(x.line, 1, st.lines.length) === line);
  if (err) goTo(err.line, err.column);
});
// the gutter is aria-hidden and under the pointer only; it must still take clicks
$('gutter').addEventListener('mousedown', (e) => { if (e.target.closest('.gutter-line.error')) e.preventDefault(); });

// ---- controls ---------------------------------------------------------------------------------------------
templateSel.addEventListener('change', () => {
  localSet(KEY.template, templateSel.value);
  setState('building');
  scheduleBuild(0);
});
$('starter').addEventListener('click', () => loadStarter(true));
$('download-yaml').addEventListener('click', downloadYaml);
pdfButton.addEventListener('click', downloadPdf);
const fileInput = $('file-input');
$('open-file').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const f = fileInput.files && fileInput.files[0];
  fileInput.value = '';
  openFile(f);
});
const wrapArea = $('editor-wrap');
wrapArea.addEventListener('dragover', (e) => {
  if (e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files')) e.preventDefault();
});
wrapArea.addEventListener('drop', (e) => {
  const f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
  if (f) { e.preventDefault(); openFile(f); }
});
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

wrapBox.addEventListener('change', () => {
  document.body.classList.toggle('wrap', wrapBox.checked);
  ed.setAttribute('wrap', wrapBox.checked ? 'soft' : 'off');
  localSet(KEY.wrap, wrapBox.checked ? '1' : '0');
  fitWrapped();
  syncScroll();
  placeLenses();
});

tokenBar.addEventListener('submit', async (e) => {
  e.preventDefault();
  st.token = tokenInput.value.trim();
  sessionSet(TOKEN_KEY, st.token);
  tokenInput.value = '';
  tokenBar.hidden = true;
  setStatus('Đang thử mã truy cập… · Trying the token…');
  if (await loadTemplates()) {
    const then = st.afterAuth;
    st.afterAuth = null;
    loadSchema();
    if (then) then(); else scheduleBuild(0);
  }
});

if (window.ResizeObserver) {
  new ResizeObserver(() => {
    if (document.body.classList.contains('wrap')) fitWrapped();
    syncScroll();
  }).observe(ed);
}
window.addEventListener('pagehide', () => { if (st.saveTimer) saveText(); });
document.addEventListener('visibilitychange', () => { if (document.hidden && st.saveTimer) saveText(); });

// ---- start ------------------------------------------------------------------------------------------------
async function start() {
  if (localGet(KEY.wrap) === '1') {
    wrapBox.checked = true;
    document.body.classList.add('wrap');
    ed.setAttribute('wrap', 'soft');
  }
  const text = localGet(KEY.text);
  st.fileName = localGet(KEY.name) || 'report.yaml';
  ed.value = text || '';
  mirror.textContent = '';
  st.lines = [];
  syncMirror();
  syncScroll();
  if (text !== null) savedEl.textContent = 'Đã lưu trong trình duyệt · Saved in this browser';
  const ok = await loadTemplates();
  loadSchema();
  if (!ok && !tokenBar.hidden) {
    st.afterAuth = () => (ed.value.trim() ? scheduleBuild(0) : loadStarter(false));
    return;
  }
  if (ed.value.trim()) {
    setStatus('Đã mở lại nội dung đang soạn dở. · Your text from last time is back.', 'ok');
    scheduleBuild(0);
  } else {
    loadStarter(false);
  }
}
start();
