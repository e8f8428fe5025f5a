// Showing the service's errors in the editor: the markers in the mirror and the gutter, the
// short message by each error line (the lenses), the error panel under the editor, and moving
// the caret to an error. The errors themselves are kept in st (editor.js), put there by
// editor-service.js from the service's answers.

import { clamp, cpToUnits, indentOf, tokenEnd } from './editor-text.js';
import { fieldLabel, hintFor } from './editor-hints.js';
import {
  codeBox, ed, el, en, errorsBox, gutterInner, lensLayer, lineStartOffset, mirror, st, syncScroll,
  updateCursor,
} from './editor.js';

// ---- error markers in the mirror and the gutter -------------------------------------------------
function clearMarks() {
  for (const i of st.marked) {
    const d = mirror.children[i];
    if (d) {
      d.className = 'mirror-line';
      d.textContent = st.lines[i];
    }
  }
  st.marked = [];
  for (const i of st.gutterMarked) {
    const g = gutterInner.children[i];
    if (g) {
      g.classList.remove('error', 'suspect', 'stale');
      g.removeAttribute('title');
    }
  }
  st.gutterMarked = [];
}

export function renderMarks() {
  clearMarks();
  st.lenses = [];
  const n = st.lines.length;
  const byLine = new Map();
  for (const e of st.errors) {
    if (!(e.line > 0)) continue;
    const line = clamp(e.line, 1, n);
    if (!byLine.has(line)) byLine.set(line, []);
    byLine.get(line).push(e);
  }
  for (const s of st.suspects) {
    if (byLine.has(s.line) || s.line < 1 || s.line > n) continue;
    const i = s.line - 1;
    mirror.children[i].classList.add('suspect');
    st.marked.push(i);
    const g = gutterInner.children[i];
    g.classList.add('suspect');
    g.title = s.vi;
    st.gutterMarked.push(i);
    st.lenses.push({ i, tokenEnd: 0, text: '← có thể do đây: ' + s.short, suspect: true });
  }
  for (const [line, errs] of byLine) {
    const i = line - 1;
    const e = errs[0];
    const d = mirror.children[i];
    const text = st.lines[i];
    const cps = Array.from(text);
    let c0 = e.column > 0 ? clamp(e.column - 1, 0, cps.length) : cps.length - Array.from(text.trimStart()).length;
    const c1 = e.column > 0 ? tokenEnd(cps, c0) : cps.length;
    if (c0 > cps.length) c0 = cps.length;
    d.textContent = '';
    d.className = 'mirror-line err' + (st.stale ? ' stale' : '');
    d.append(cps.slice(0, c0).join(''));
    const tok = el('span', 'mark-at' + (c1 > c0 ? ' mark-token' : ''), cps.slice(c0, c1).join(''));
    d.append(tok, cps.slice(c1).join(''));
    const hint = hintFor(e);
    const more = errs.length > 1 ? ` (+${errs.length - 1})` : '';
    st.lenses.push({ i, tokenEnd: cpToUnits(text, c1), text: '← ' + (hint ? hint.short : 'lỗi, xem bên dưới · see below') + more });
    st.marked.push(i);
    const g = gutterInner.children[i];
    g.classList.remove('suspect');
    g.classList.add('error');
    if (st.stale) g.classList.add('stale');
    g.title = errs.map((x) => x.message).join('\n');
    st.gutterMarked.push(i);
  }
  placeLenses();
}

// The short message by each error line, in a layer over the text: just after the line's text
// when it fits in view, else at the right edge of the view if that leaves the marked token
// uncovered, else not at all (the panel below always has it). Not while the clerk is editing
// (stale errors), so it never covers what is being typed.
function pointRect(div, offset) {
  const at = textNodeAt(div, offset);
  if (!at) return div.getBoundingClientRect();
  const r = document.createRange();
  r.setStart(at[0], at[1]);
  r.setEnd(at[0], at[1]);
  const rects = r.getClientRects();
  return rects.length ? rects[rects.length - 1] : r.getBoundingClientRect();
}
export function placeLenses() {
  lensLayer.textContent = '';
  if (st.stale || !st.lenses.length) return;
  const box = codeBox.getBoundingClientRect();
  const width = ed.clientWidth;
  const height = ed.clientHeight;
  for (const l of st.lenses) {
    const div = mirror.children[l.i];
    if (!div) continue;
    const end = pointRect(div, st.lines[l.i].length);
    const tok = pointRect(div, l.tokenEnd);
    const y = end.top - box.top;
    if (y < 0 || y + end.height > height) continue;
    const chip = el('div', 'lens-chip' + (l.suspect ? ' suspect' : ''), l.text);
    chip.style.top = y + 'px';
    lensLayer.append(chip);
    const w = chip.offsetWidth;
    const inline = end.right - box.left + 12;
    const right = width - w - 4;
    const sameRow = Math.abs(tok.top - end.top) < 2;
    if (inline + w <= width - 4) {
      chip.style.left = inline + 'px';
    } else if (!sameRow || right > tok.right - box.left + 16) {
      chip.style.left = right + 'px';
      chip.classList.add('cover');
    } else {
      chip.remove();
    }
  }
}

// ---- the error panel ------------------------------------------------------------------------------
function errorItem(e) {
  const b = el('button', 'error-item');
  b.type = 'button';
  b.dataset.line = String(e.line || 0);
  b.dataset.column = String(e.column || 0);
  const head = el('span', 'error-head');
  const where = el('span', 'error-where');
  if (e.line > 0) {
    const col = e.column > 0 ? e.column : 1;
    where.append(`Dòng ${e.line}, cột ${col} `, en(`· Line ${e.line}, column ${col}`));
  } else {
    where.append('Lỗi chung ', en('· General error'));
  }
  head.append(where);
  if (e.path) {
    const f = el('span', 'error-field');
    const label = fieldLabel(e.path);
    f.append('Mục: ' + (label ? label + ' ' : ''));
    f.append(el('code', '', e.path));
    head.append(f);
  }
  if (e.line > 0) head.append(el('span', 'error-go', 'Tới chỗ lỗi › · Go there'));
  b.append(head);
  const hint = hintFor(e);
  if (hint) {
    b.classList.add('has-hint');
    b.append(el('span', 'error-hint', hint.long));
  }
  const words = el('span', 'error-words');
  words.append(el('span', 'error-message', e.message || e.text || ''));
  if (e.expected) {
    const x = el('span', 'error-expected');
    x.append(el('span', 'error-label', 'Cần · Expected: '), e.expected);
    words.append(x);
  }
  b.append(words);
  b.title = 'Bấm để tới chỗ lỗi · Click to go to the error';
  b.addEventListener('click', () => goTo(e.line, e.column));
  return b;
}

function suspectItem(s) {
  const b = el('button', 'error-item suspect-item');
  b.type = 'button';
  b.dataset.suspectLine = String(s.line);
  b.title = 'Bấm để tới dòng này · Click to go to this line';
  b.append(el('span', 'error-where', 'Có thể do chỗ này: '), s.vi + ' ', en('· Possibly here: ' + s.en));
  b.addEventListener('click', () => goTo(s.line, indentOf(st.lines[s.line - 1] || '') + 1));
  return b;
}

function warningItem(w) {
  const o = typeof w === 'string' ? { message: w } : w || {};
  const d = el(o.line > 0 ? 'button' : 'div', 'warning-item');
  if (o.line > 0) {
    d.type = 'button';
    d.dataset.line = String(o.line);
    d.dataset.column = String(o.column || 0);
    d.addEventListener('click', () => goTo(o.line, o.column));
  }
  const where = el('span', 'error-where');
  where.append(o.line > 0 ? `Lưu ý, dòng ${o.line} ` : 'Lưu ý ', en(o.line > 0 ? `· Note, line ${o.line}` : '· Note'));
  d.append(where, el('span', 'error-message', o.message || o.text || ''));
  return d;
}

export function renderErrors() {
  if (st.errors.length) ed.setAttribute('aria-invalid', 'true');
  else ed.removeAttribute('aria-invalid');
  errorsBox.textContent = '';
  errorsBox.classList.toggle('stale', st.stale);
  const n = st.errors.length;
  if (!n && !st.warnings.length) { errorsBox.hidden = true; return; }
  errorsBox.hidden = false;
  if (n) {
    const t = el('p', 'errors-title', n === 1 ? 'Cần sửa 1 lỗi ' : `Cần sửa ${n} lỗi `);
    t.append(en(n === 1 ? '· 1 error to fix' : `· ${n} errors to fix`));
    errorsBox.append(t);
  }
  for (const e of st.errors) errorsBox.append(errorItem(e));
  for (const s of st.suspects) errorsBox.append(suspectItem(s));
  for (const w of st.warnings) errorsBox.append(warningItem(w));
}

export function showServiceError(message) {
  st.errors = [];
  st.suspects = [];
  renderMarks();
  errorsBox.textContent = '';
  errorsBox.hidden = false;
  const d = el('div', 'warning-item service-error');
  d.append(el('span', 'error-where', 'Máy chủ báo lỗi '), en('· The service answered'));
  d.append(el('span', 'error-message', message));
  errorsBox.append(d);
}

export function markStale() {
  if (st.stale || (!st.errors.length && !st.suspects.length)) return;
  st.stale = true;
  errorsBox.classList.add('stale');
  lensLayer.textContent = '';
}

// ---- moving the caret to an error -------------------------------------------------------------------
function textNodeAt(div, offset) {
  const walker = document.createTreeWalker(div, NodeFilter.SHOW_TEXT);
  let left = offset;
  let last = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    last = n;
    if (left <= n.length) return [n, left];
    left -= n.length;
  }
  return last ? [last, last.length] : null;
}
function xAt(line, offset) {
  const div = mirror.children[line - 1];
  if (!div) return 0;
  const at = textNodeAt(div, offset);
  if (!at) return 0;
  const r = document.createRange();
  r.setStart(at[0], at[1]);
  r.setEnd(at[0], at[1]);
  const rect = r.getBoundingClientRect();
  return rect.left - mirror.getBoundingClientRect().left;
}

export function goTo(line, column) {
  if (!(line > 0)) return;
  line = clamp(line, 1, st.lines.length);
  const text = st.lines[line - 1];
  const off = cpToUnits(text, column > 0 ? column - 1 : 0);
  const pos = lineStartOffset(line) + off;
  ed.focus({ preventScroll: true });
  ed.setSelectionRange(pos, pos);
  const div = mirror.children[line - 1];
  if (div) {
    const top = div.offsetTop;
    if (top < ed.scrollTop + 10 || top + div.offsetHeight > ed.scrollTop + ed.clientHeight - 10) {
      ed.scrollTop = Math.max(0, top - ed.clientHeight / 3);
    }
    if (!document.body.classList.contains('wrap')) {
      const x = xAt(line, off);
      if (x < ed.scrollLeft + 30 || x > ed.scrollLeft + ed.clientWidth - 40) {
        ed.scrollLeft = Math.max(0, x - ed.clientWidth / 2);
      }
    }
    div.classList.remove('flash');
    void div.offsetWidth; // restart the animation
    div.classList.add('flash');
  }
  syncScroll();
  updateCursor();
}
