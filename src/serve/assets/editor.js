// baocao serve: the browser editor (GET /). Plain JavaScript, no framework, no build step; it
// talks only to the service's own /v1 routes. Layout of the editor: a line-number gutter, and a
// textarea drawn over a "mirror" (the same text, transparent, one div per line) that carries the
// error markers, so the markers sit exactly under the text, wrapped or not.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const ed = $('editor');
  const gutterInner = $('gutter-inner');
  const mirror = $('mirror');
  const errorsBox = $('errors');
  const pagesBox = $('pages');
  const statusEl = $('status');
  const savedEl = $('saved');
  const templateSel = $('template');
  const pageCount = $('page-count');
  const previewBusy = $('preview-busy');
  const previewNote = $('preview-note');
  const cursorPos = $('cursor-pos');
  const tokenBar = $('token-bar');
  const tokenInput = $('token');
  const tokenMsg = $('token-message');
  const wrapBox = $('wrap');
  const pdfButton = $('download-pdf');
  const lensLayer = $('lens-layer');
  const codeBox = $('code');
  const gutterBox = $('gutter');

  const KEY = {
    text: 'baocao.editor.text',
    previous: 'baocao.editor.previous',
    template: 'baocao.editor.template',
    wrap: 'baocao.editor.wrap',
    name: 'baocao.editor.name',
  };
  const TOKEN_KEY = 'baocao.token';
  const DEBOUNCE_MS = 600;
  const MAX_OPEN_BYTES = 8 * 1024 * 1024;

  const st = {
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
    schema: null,
    fileName: 'report.yaml',
    escTab: false,
    showRestore: false,
    afterAuth: null,
    renderQueued: false,
    saveTimer: 0,
  };

  // ---- storage (never throws: a browser may refuse storage) -----------------------------------
  function localGet(k) {
    try { return window.localStorage.getItem(k); } catch (e) { return null; }
  }
  function localSet(k, v) {
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
  const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function en(text) { return el('span', 'en', text); }
  // A column the service counts in characters (code points) as an offset in the JS string.
  function cpToUnits(s, cps) {
    let i = 0;
    let n = 0;
    while (i < s.length && n < cps) {
      const c = s.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
      n++;
    }
    return i;
  }
  function unitsToCp(s) { return Array.from(s).length; }
  function lineStartOffset(line) { // line is 1-based
    let off = 0;
    for (let i = 0; i < line - 1 && i < st.lines.length; i++) off += st.lines[i].length + 1;
    return off;
  }
  function indentOf(s) { return s.length - s.replace(/^ +/, '').length; }
  function isContent(s) { return s.trim() !== '' && !/^\s*#/.test(s); }

  // ---- status line ------------------------------------------------------------------------------
  function setStatus(text, kind, extra) {
    statusEl.textContent = text;
    statusEl.className = 'status' + (kind ? ' ' + kind : '');
    if (extra) statusEl.append(' ', extra);
  }
  function restoreButton() {
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

  function syncScroll() {
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

  function updateCursor() {
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

  // ---- error markers in the mirror and the gutter -------------------------------------------------
  // Where the marked token ends: a quoted text to its closing quote, else up to ": ", ", ", a
  // closing bracket or a comment; at least one character.
  function tokenEnd(cps, c0) {
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

  function renderMarks() {
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
  function placeLenses() {
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

  function findSuspects(e) {
    if (!/^YAML syntax error/.test(e.message || '') || !(e.line > 0)) return [];
    const L = clamp(e.line, 1, st.lines.length);
    const out = [];
    for (let i = L; i >= Math.max(1, L - 60); i--) {
      const why = unclosedOn(st.lines[i - 1]);
      if (why) {
        out.push({ line: i, vi: `Dòng ${i}: ${why[0]}.`, en: `Line ${i}: ${why[1]}.`, short: why[2] });
        return out;
      }
    }
    // A key without its colon ("place Hà Nội" among "kind: …" lines), on this line or the one
    // before (the nearest that is not blank or a comment).
    const prevContent = (i) => { let k = i - 1; while (k >= 1 && !isContent(st.lines[k - 1])) k--; return k; };
    const keyLine = (t) => /^(- )?[^\s:#"'[{][^:#]*:( |$)/.test(t.trim());
    const bareLine = (t) => {
      const body = t.trim().replace(/\s+#.*$/, '');
      return body !== '' && !body.startsWith('-') && !/:( |$)/.test(body) && !/^["'[{|>]/.test(body);
    };
    const P = prevContent(L);
    for (const c of [L, P]) {
      if (c < 1 || !bareLine(st.lines[c - 1])) continue;
      const ci = indentOf(st.lines[c - 1]);
      const before = prevContent(c);
      let after = c + 1;
      while (after <= st.lines.length && !isContent(st.lines[after - 1])) after++;
      const sib = [before, after].some((k) => k >= 1 && k <= st.lines.length
        && indentOf(st.lines[k - 1]) === ci && keyLine(st.lines[k - 1]));
      if (sib) {
        out.push({ line: c, vi: `Dòng ${c}: có lẽ thiếu dấu hai chấm sau tên mục (viết “tên: nội dung”, có một dấu cách sau dấu hai chấm).`,
                   en: `Line ${c}: probably a missing colon after the key ("key: value").`, short: 'thiếu dấu hai chấm?' });
        return out;
      }
    }
    if (P < 1) return out;
    const lt = st.lines[L - 1];
    const pt = st.lines[P - 1];
    const li = indentOf(lt);
    const pi = indentOf(pt);
    const pBody = pt.trim().replace(/\s+#.*$/, '');
    if (li > pi && !/:$/.test(pBody) && !pt.trim().startsWith('- ') && /:( |$)/.test(pBody)) {
      // A deeper indent under a line that opens nothing: which of the two is out of line?
      const PP = prevContent(P);
      if (PP >= 1 && indentOf(st.lines[PP - 1]) === li) {
        out.push({ line: P, vi: `Dòng ${P} thụt lề ${pi} dấu cách, các dòng cùng nhóm thụt ${li}: hãy cho thẳng hàng.`,
                   en: `Line ${P} is indented ${pi} spaces, its neighbours ${li}: line them up.`, short: 'thụt lề lệch?' });
      } else {
        out.push({ line: L, vi: `Dòng ${L} thụt lề ${li} dấu cách, nhiều hơn dòng ${P} (${pi}): hãy cho thẳng hàng với dòng trên.`,
                   en: `Line ${L} is indented ${li} spaces, more than line ${P} (${pi}): line it up.`, short: 'thụt lề lệch?' });
      }
    }
    return out;
  }

  // ---- plain Vietnamese for the service's messages ------------------------------------------------
  // [pattern on "message; expected ...", short text by the line, longer text in the panel]
  const HINTS = [
    [/illegal map value \(a second ": " on this line\)/, () => ['hai dấu “: ” trên một dòng',
      'Dòng này có hai dấu “: ”. Khi nội dung có dấu hai chấm, đặt cả nội dung trong dấu nháy kép, ví dụ: title: "Phần I: Kết quả".']],
    [/a tab indents this line/, () => ['có ký tự Tab ở đầu dòng',
      'Đầu dòng này có ký tự Tab. Xóa nó rồi thụt lề bằng dấu cách (ở đây phím Tab tự chèn dấu cách).']],
    [/end of sequence flow not found/, () => ['thiếu dấu “]”',
      'Có dấu “[” mở mà chưa có dấu “]” đóng, ở dòng này hoặc phía trên.']],
    [/end of map flow not found/, () => ['thiếu dấu “}”',
      'Có dấu “{” mở mà chưa có dấu “}” đóng, ở dòng này hoặc phía trên.']],
    [/^YAML syntax error: illegal map value/, () => ['cách viết chưa đúng',
      'Cách viết ở dòng này hoặc dòng ngay trên chưa đúng: thường do thiếu dấu hai chấm sau tên mục (viết “place: Hà Nội”), hoặc do thụt lề lệch so với các dòng cùng nhóm.']],
    [/^YAML syntax error: end of map not found/, () => ['thụt lề chưa thẳng hàng',
      'Thụt lề (số dấu cách ở đầu dòng) ở đây hoặc ở dòng trên không thẳng với các dòng cùng nhóm, hoặc có dấu nháy mở mà chưa đóng ở phía trên.']],
    [/^YAML syntax error/, () => ['cách viết chưa đúng',
      'Cách viết chưa đúng ở đây hoặc ở dòng ngay trên: kiểm tra thụt lề, dấu hai chấm sau tên mục, và các dấu nháy, dấu ngoặc có đủ cặp.']],
    [/is read as a mapping because of the ": "/, () => ['đoạn văn có dấu “: ”',
      "Đoạn văn này có dấu “: ” nên bị hiểu nhầm là tên mục. Đặt cả đoạn trong dấu nháy đơn, ví dụ: - 'Kết quả chung: hoàn thành.'"]],
    [/unknown key "([^"]*)"(?: \(did you mean "([^"]*)"\?\))?/, (m) => [
      m[2] ? `viết đúng là “${m[2]}”?` : `không có mục “${m[1]}”`,
      `Không có mục tên “${m[1]}” ở chỗ này.` + (m[2] ? ` Có lẽ bạn định viết “${m[2]}”.`
        : ' Kiểm tra chính tả tên mục (viết không dấu, như trong báo cáo mẫu) và thụt lề của dòng.')]],
    [/unknown value "([^"]*)"/, (m) => ['giá trị không dùng được',
      `Giá trị “${m[1]}” không dùng được ở đây; chọn một giá trị trong dòng “Cần” bên dưới.`]],
    [/missing required key "([^"]*)"/, (m) => [`thiếu mục “${m[1]}”`,
      `Thiếu mục bắt buộc “${m[1]}”. Thêm một dòng “${m[1]}: …” vào nhóm này (xem báo cáo mẫu).`]],
    [/duplicate key "([^"]*)" \(first at line (\d+)\)/, (m) => [`“${m[1]}” ghi hai lần`,
      `Mục “${m[1]}” được ghi hai lần (lần đầu ở dòng ${m[2]}). Giữ một dòng, xóa dòng kia.`]],
    [/YAML numbers take a decimal point/, () => ['số thập phân dùng dấu chấm',
      'Số thập phân viết bằng dấu chấm, không dùng dấu phẩy: ví dụ 77.3, không phải 77,3.']],
    [/is not a calendar date/, () => ['ngày không có thật',
      'Ngày này không có trên lịch (ví dụ ngày 30 tháng 2). Viết một ngày có thật theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-01-15.']],
    [/is not written YYYY-MM-DD/, () => ['ngày viết sai dạng',
      'Ngày phải viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-01-15 (không viết 15/01/2025).']],
    [/ends \(\d+\) before it starts/, () => ['năm kết thúc trước năm bắt đầu',
      'Năm kết thúc đang sớm hơn năm bắt đầu; kiểm tra lại hai năm.']],
    [/^got text .*expected a year/, () => ['năm phải viết bằng số',
      'Năm phải viết bằng chữ số, ví dụ 2023.']],
    [/^got text .*expected (a|an) (number|whole number|integer|quantity)/, () => ['cần một con số',
      'Ở đây cần một con số (số thập phân viết dấu chấm, ví dụ 77.3).']],
    [/^got nothing \(an unquoted # starts a comment\)/, () => ['nội dung bị dấu # cắt mất',
      'Dấu # bắt đầu một ghi chú nên phần sau nó bị bỏ qua. Nếu nội dung có dấu #, đặt cả nội dung trong dấu nháy kép.']],
    [/^got nothing/, () => ['đang để trống',
      'Mục này đang để trống: viết nội dung sau dấu hai chấm và một dấu cách.']],
    [/^got a mapping; expected text/, () => ['cần một dòng chữ',
      'Ở đây cần một dòng chữ, nhưng dòng này có dấu “: ” nên bị hiểu là một nhóm mục. Đặt nội dung trong dấu nháy kép, ví dụ: - "Lưu: Văn phòng".']],
    [/^got a list/, () => ['không phải danh sách',
      'Ở đây cần một giá trị, không phải một danh sách (các dòng “- …” hoặc [ … ]).']],
    [/^got a mapping/, () => ['không phải nhóm mục',
      'Ở đây không dùng một nhóm mục; kiểm tra thụt lề và dấu hai chấm.']],
    [/^got a number.*expected text/, () => ['cần chữ, không phải số',
      'Ở đây cần chữ. Muốn ghi một con số như chữ, đặt nó trong dấu nháy kép, ví dụ "2021".']],
    [/no font can draw U\+[0-9A-F]+ "([^"]*)"/, (m) => [`ký tự “${m[1]}” không in được`,
      `Phông chữ của mẫu không có ký tự “${m[1]}”. Xóa ký tự này hoặc thay bằng ký tự khác.`]],
    [/the file is empty/, () => ['tệp trống',
      'Chưa có nội dung. Bấm “Mẫu mới” để bắt đầu từ báo cáo mẫu.']],
    [/is not a built-in template/, () => ['không có mẫu này',
      'Không có mẫu trình bày tên này. Sửa dòng “template:” hoặc chọn mẫu trong danh sách “Mẫu trình bày”.']],
    [/version \d+ is not supported/, () => ['phiên bản không hợp lệ',
      'Dòng “schema:” chỉ được là 1 hoặc 2.']],
    [/is out of range/, () => ['ngoài khoảng cho phép',
      'Giá trị nằm ngoài khoảng cho phép (xem dòng “Cần” bên dưới).']],
    [/is negative/, () => ['không được âm', 'Số này không được âm.']],
    [/is not a whole number/, () => ['cần số nguyên', 'Ở đây cần một số nguyên, không có phần thập phân.']],
    [/has no unit|is not a number with a unit/, () => ['thiếu đơn vị',
      'Thiếu đơn vị: viết ví dụ "30%" hoặc "40mm", trong dấu nháy kép.']],
    [/is listed twice|is named twice/, () => ['ghi trùng', 'Mục này bị ghi hai lần; giữ một.']],
    [/the row has \d+ cells?/, () => ['số ô khác số cột',
      'Số ô trong hàng này khác số cột của bảng; thêm hoặc bớt ô (ô trống viết "").']],
    [/the list is empty/, () => ['danh sách trống',
      'Danh sách đang trống; thêm ít nhất một dòng “- …” hoặc xóa mục này.']],
    [/the indicators are not shown/, () => ['chỉ tiêu chưa được đưa vào',
      'Các chỉ tiêu chưa được đưa vào phần nào của báo cáo: thêm dòng “- indicators: {}” vào nội dung (body) của một phần.']],
    [/cannot read|no such file|cannot resolve/, () => ['không đọc được tệp',
      'Không đọc được tệp được nhắc tới (ảnh, bảng số liệu). Bỏ dòng này, hoặc hỏi người quản trị máy chủ.']],
  ];
  const hintCache = new WeakMap();
  function hintFor(e) {
    if (hintCache.has(e)) return hintCache.get(e);
    const s = (e.message || '') + (e.expected ? '; expected ' + e.expected : '');
    let h = null;
    for (const [rx, f] of HINTS) {
      const m = rx.exec(s);
      if (m) { const [short, long] = f(m); h = { short, long }; break; }
    }
    hintCache.set(e, h);
    return h;
  }

  // The Vietnamese name of a key path ("document.date" → "Ngày ban hành"), from /v1/schema.
  function resolveRef(ref) {
    if (!ref.startsWith('#/')) return null;
    let node = st.schema;
    for (const part of ref.slice(2).split('/')) {
      if (!node) return null;
      node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return node;
  }
  function expand(s, depth) {
    if (!s || typeof s !== 'object' || depth > 10) return [];
    if (s.$ref) return expand(resolveRef(s.$ref), depth + 1);
    const out = [s];
    for (const k of ['anyOf', 'oneOf', 'allOf']) {
      if (Array.isArray(s[k])) for (const x of s[k]) out.push(...expand(x, depth + 1));
    }
    return out;
  }
  function fieldLabel(path) {
    if (!st.schema || !path) return '';
    const steps = path.match(/\[\d+\]|[^.[\]]+/g) || [];
    let cands = expand(st.schema, 0);
    let desc = '';
    for (const step of steps) {
      let next = [];
      if (step[0] === '[') {
        for (const c of cands) if (c.items) next.push(...expand(c.items, 0));
      } else {
        for (const c of cands) {
          const p = c.properties && Object.prototype.hasOwnProperty.call(c.properties, step) ? c.properties[step] : null;
          if (p) { next = expand(p, 0); desc = p.description || ''; break; }
        }
      }
      if (!next.length) return '';
      cands = next;
    }
    return desc.split(' — ')[0].trim();
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

  function renderErrors() {
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

  function showServiceError(message) {
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

  function markStale() {
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

  function goTo(line, column) {
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

  // ---- talking to the service ----------------------------------------------------------------------------
  function call(method, url, body) {
    const headers = {};
    if (st.token) headers.Authorization = 'Bearer ' + st.token;
    if (body !== undefined) headers['Content-Type'] = 'application/yaml'; // fetch sends UTF-8
    return fetch(url, { method, headers, body, cache: 'no-store', credentials: 'same-origin' });
  }
  async function readJson(res) {
    try { return await res.json(); } catch (e) { return null; }
  }
  function retryAfter(res) {
    const n = parseInt(res.headers.get('Retry-After') || '', 10);
    return Number.isFinite(n) && n > 0 ? Math.min(n, 120) : 2;
  }
  async function needToken(res, then) {
    const j = await readJson(res);
    tokenBar.hidden = false;
    tokenMsg.textContent = st.token ? 'Mã chưa đúng. · The token was not accepted.'
      : 'Máy chủ cần mã truy cập. · The service needs an access token.';
    if (j && j.message) tokenMsg.append(' ', el('span', 'en', '(' + j.message + ')'));
    const placeholder = $('pages-placeholder');
    if (placeholder) {
      placeholder.textContent = 'Cần mã truy cập để xem trước. ';
      placeholder.append(en('· An access token is needed for the preview.'));
    }
    if (then) st.afterAuth = then; // a later 401 without a follow-up keeps the first one's
    if (document.activeElement !== ed) tokenInput.focus();
    setStatus('Nhập mã truy cập ở trên. · Enter the access token above.', 'error');
  }

  function setState(state) {
    document.body.dataset.state = state;
  }
  function finish(state) {
    st.builds++;
    document.body.dataset.builds = String(st.builds);
    document.body.dataset.errors = String(st.errors.length);
    setState(state);
  }
  function setBusy(on) {
    pagesBox.classList.toggle('busy', on);
    pagesBox.setAttribute('aria-busy', on ? 'true' : 'false');
    previewBusy.hidden = !on;
  }

  function previewDpi() {
    const w = Math.max(200, pagesBox.clientWidth - 24);
    const dpi = (w * (window.devicePixelRatio || 1)) / 8.27; // A4 is 8.27 in wide
    return clamp(Math.round(dpi / 10) * 10, 40, 110);
  }

  function scheduleBuild(delay) {
    clearTimeout(st.timer);
    const wait = Math.max(delay, st.notBefore - Date.now(), 0);
    st.timer = setTimeout(() => { st.timer = 0; startBuild(); }, wait);
  }

  async function startBuild() {
    if (st.inFlight) { st.again = true; return; }
    const text = ed.value;
    const template = templateSel.value;
    if (!text.trim()) { showEmpty(); return; }
    st.inFlight = true;
    st.again = false;
    setState('building');
    setBusy(true);
    const q = new URLSearchParams();
    if (template) q.set('template', template);
    q.set('dpi', String(previewDpi()));
    let outcome = 'failed';
    try {
      const res = await call('POST', '/v1/preview?' + q.toString(), text);
      outcome = await handlePreview(res, text, template);
    } catch (err) {
      outcome = handleNetwork(text, template);
    } finally {
      st.inFlight = false;
    }
    if (outcome === 'retry' || outcome === 'auth') { setBusy(outcome === 'retry'); return; }
    if (st.timer) { setBusy(false); return; } // typing goes on: the pause will send the latest text
    if (st.again || ed.value !== text || templateSel.value !== template) { startBuild(); return; }
    setBusy(false);
  }

  function handleNetwork(text, template) {
    if (ed.value !== text || templateSel.value !== template) return 'failed';
    st.netFailures++;
    const wait = Math.min(60, 5 * st.netFailures);
    setStatus(`Không kết nối được với máy chủ; thử lại sau ${wait} giây. Nội dung vẫn được lưu trong trình duyệt. `
      + `· Cannot reach the service; retrying in ${wait} s. Your text is kept.`, 'error');
    finish('error');
    st.notBefore = Date.now() + wait * 1000;
    scheduleBuild(wait * 1000);
    return 'retry';
  }

  async function handlePreview(res, text, template) {
    const current = () => ed.value === text && templateSel.value === template;
    st.netFailures = 0;
    if (res.status === 503) {
      const n = retryAfter(res);
      st.notBefore = Date.now() + n * 1000;
      setStatus(`Máy chủ đang bận; tự thử lại sau ${n} giây… · The service is busy; retrying in ${n} s…`, 'quiet');
      scheduleBuild(n * 1000);
      return 'retry';
    }
    if (res.status === 401) {
      await needToken(res, () => scheduleBuild(0));
      finish('error');
      return 'auth';
    }
    const j = await readJson(res);
    if (res.ok && j && j.ok) {
      await showPages(j);
      if (!current()) return 'stale';
      st.errors = [];
      st.suspects = [];
      st.warnings = Array.isArray(j.warnings) ? j.warnings : [];
      st.stale = false;
      renderErrors();
      renderMarks();
      if (!j.truncated) previewNote.hidden = true; // else it says only the first pages are shown
      pagesBox.classList.remove('outdated');
      const pages = j.pages || 0;
      setStatus(`Báo cáo hợp lệ: ${pages} trang. · The report is valid: ${pages} page${pages === 1 ? '' : 's'}.`, 'ok',
        localGet(KEY.previous) !== null && st.showRestore ? restoreButton() : null);
      finish('ok');
      return 'ok';
    }
    if (res.status === 422 && j && Array.isArray(j.errors)) {
      if (!current()) return 'stale';
      showReportErrors(j.errors, j.warnings);
      const first = st.errors.find((e) => e.line > 0);
      setStatus(first ? `Báo cáo có lỗi ở dòng ${first.line}: xem khung đỏ bên trái. · The report has an error at line ${first.line}.`
        : 'Báo cáo có lỗi: xem khung đỏ bên trái. · The report has an error.', 'error');
      finish('error');
      return 'error';
    }
    if (!current()) return 'stale';
    const msg = (j && (j.message || j.error)) || `HTTP ${res.status}`;
    showServiceError(msg);
    setStatus(`Máy chủ trả lời: ${msg} · The service answered: ${msg}`, 'error');
    finish('error');
    return 'failed';
  }

  function keepCaretInView() {
    if (document.activeElement !== ed) return;
    const line = ed.value.slice(0, ed.selectionStart).split('\n').length;
    const div = mirror.children[line - 1];
    if (!div) return;
    const top = div.offsetTop;
    if (top < ed.scrollTop) ed.scrollTop = Math.max(0, top - 20);
    else if (top + div.offsetHeight > ed.scrollTop + ed.clientHeight - 16) ed.scrollTop = top + div.offsetHeight - ed.clientHeight + 40;
    syncScroll();
  }

  function showReportErrors(errors, warnings) {
    st.errors = errors;
    st.warnings = Array.isArray(warnings) ? warnings : [];
    st.stale = false;
    st.suspects = [];
    for (const e of errors) {
      for (const s of findSuspects(e)) {
        if (s.line !== e.line || !st.suspects.some((x) => x.line === s.line)) st.suspects.push(s);
      }
    }
    // a suspect on the error's own line is said in the panel, not marked twice
    renderErrors();
    renderMarks();
    keepCaretInView();
    const first = errors.find((e) => e.line > 0);
    previewNote.hidden = false;
    previewNote.className = 'preview-note error';
    previewNote.textContent = '';
    if (st.hasPages) {
      previewNote.append(first ? `Bản xem trước là bản đúng gần nhất. Sửa lỗi ở dòng ${first.line} (bên trái) để cập nhật. `
        : 'Bản xem trước là bản đúng gần nhất. Sửa lỗi bên trái để cập nhật. ',
      en('· These are the last good pages; fix the error on the left to update them.'));
      pagesBox.classList.add('outdated');
    } else {
      previewNote.append('Chưa có bản xem trước: hãy sửa lỗi bên trái trước. ', en('· No preview yet: fix the error on the left first.'));
    }
    previewNote.onclick = first ? () => goTo(first.line, first.column) : null;
  }

  async function showPages(j) {
    const images = Array.isArray(j.images) ? j.images : [];
    const pages = j.pages || images.length;
    const placeholder = $('pages-placeholder');
    if (placeholder && images.length) placeholder.remove();
    const waits = [];
    for (let i = 0; i < images.length; i++) {
      let fig = pagesBox.children[i];
      if (!fig || !fig.classList.contains('page-frame')) {
        fig = el('figure', 'page-frame');
        const img = el('img', 'page');
        img.decoding = 'async';
        fig.append(img, el('figcaption'));
        pagesBox.insertBefore(fig, pagesBox.children[i] || null);
      }
      const img = fig.querySelector('img');
      const src = 'data:image/png;base64,' + images[i];
      if (img.getAttribute('src') !== src) {
        // decode first, then swap: the old page stays until the new one can be drawn
        const pre = new Image();
        pre.src = src;
        waits.push((pre.decode ? pre.decode() : Promise.resolve()).catch(() => {}).then(() => { img.src = src; }));
      }
      img.alt = `Trang ${i + 1} / ${pages} · Page ${i + 1} of ${pages}`;
      img.dataset.page = String(i + 1);
      fig.querySelector('figcaption').textContent = `Trang ${i + 1} / ${pages} · Page ${i + 1}`;
    }
    while (pagesBox.children.length > images.length && pagesBox.lastElementChild.classList.contains('page-frame')) {
      pagesBox.lastElementChild.remove();
    }
    await Promise.all(waits);
    st.hasPages = images.length > 0;
    pageCount.textContent = `${pages} trang · ${pages} page${pages === 1 ? '' : 's'}`;
    if (j.truncated) {
      previewNote.hidden = false;
      previewNote.onclick = null;
      previewNote.className = 'preview-note info';
      previewNote.textContent = '';
      previewNote.append(`Chỉ xem trước ${images.length} trang đầu; tệp PDF có đủ ${pages} trang. `,
        en(`· Only the first ${images.length} pages are previewed; the PDF has all ${pages}.`));
    }
  }

  function showEmpty() {
    st.errors = [];
    st.suspects = [];
    st.warnings = [];
    renderErrors();
    renderMarks();
    previewNote.hidden = false;
    previewNote.className = 'preview-note info';
    previewNote.textContent = '';
    previewNote.append('Ô soạn đang trống. Bấm “Mẫu mới” để bắt đầu từ báo cáo mẫu, hoặc “Mở tệp”. ',
      en('· The editor is empty: start from the starter, or open a file.'));
    previewNote.onclick = null;
    pagesBox.classList.add('outdated');
    setBusy(false);
    setStatus('Ô soạn đang trống. · The editor is empty.');
    finish('empty');
  }

  // ---- templates, schema, starter --------------------------------------------------------------------------
  async function loadTemplates() {
    let res;
    try { res = await call('GET', '/v1/templates'); } catch (e) { return false; }
    if (res.status === 401) { await needToken(res, null); return false; }
    const j = await readJson(res);
    if (!res.ok || !j || !Array.isArray(j.templates)) return false;
    while (templateSel.options.length > 1) templateSel.remove(1);
    for (const t of j.templates) {
      const o = el('option', '', t.description ? `${t.name} — ${t.description}` : t.name);
      o.value = t.name;
      if (t.description) o.title = t.description;
      templateSel.append(o);
    }
    const saved = localGet(KEY.template);
    if (saved && j.templates.some((t) => t.name === saved)) templateSel.value = saved;
    return true;
  }

  async function loadSchema() {
    try {
      const res = await call('GET', '/v1/schema');
      if (!res.ok) return;
      st.schema = await res.json();
      if (st.errors.length) renderErrors();
    } catch (e) { /* field names are a nicety */ }
  }

  function confirmReplace(vi, enText) {
    const dlg = $('confirm');
    $('confirm-text').textContent = '';
    $('confirm-text').append(vi + ' ', en(enText));
    if (typeof dlg.showModal !== 'function') return Promise.resolve(window.confirm(vi + '\n\n' + enText));
    return new Promise((resolve) => {
      dlg.returnValue = '';
      dlg.addEventListener('close', () => resolve(dlg.returnValue === 'replace'), { once: true });
      dlg.showModal();
    });
  }

  async function loadStarter(askFirst) {
    const t = templateSel.value || 'dang';
    if (askFirst && ed.value.trim()) {
      const ok = await confirmReplace(
        `Nội dung đang soạn sẽ được thay bằng báo cáo mẫu (mẫu trình bày “${t}”). Bản cũ được giữ lại: bấm “Khôi phục nội dung cũ” ở dưới cùng để lấy lại.`,
        `What you typed will be replaced by the starter report for “${t}”; the old text is kept and can be restored.`);
      if (!ok) return;
    }
    setStatus('Đang tải báo cáo mẫu… · Loading the starter…');
    let res;
    try { res = await call('GET', '/v1/starter?template=' + encodeURIComponent(t)); } catch (e) {
      setStatus('Không kết nối được với máy chủ. · Cannot reach the service.', 'error');
      return;
    }
    if (res.status === 401) { await needToken(res, () => loadStarter(false)); return; }
    if (res.status === 503) {
      const n = retryAfter(res);
      setStatus(`Máy chủ đang bận; thử lại sau ${n} giây… · The service is busy; retrying in ${n} s…`, 'quiet');
      setTimeout(() => loadStarter(false), n * 1000);
      return;
    }
    if (!res.ok) {
      const j = await readJson(res);
      setStatus(`Không tải được báo cáo mẫu: ${(j && j.message) || res.status} · Could not load the starter.`, 'error');
      return;
    }
    const text = await res.text();
    const hadText = ed.value.trim() !== '';
    replaceText(text, 'report.yaml');
    setStatus(`Đã mở báo cáo mẫu “${t}”: sửa nội dung, bản xem trước tự cập nhật. · Starter loaded: edit it and the preview follows.`,
      'ok', hadText ? restoreButton() : null);
    st.showRestore = hadText;
  }

  function replaceText(text, name) {
    const old = ed.value;
    if (old.trim() && old !== text) localSet(KEY.previous, old);
    // Set as the value (chromium's insertText takes seconds for a long text); the old text stays
    // in localStorage for "Khôi phục nội dung cũ".
    ed.value = text;
    ed.focus({ preventScroll: true });
    ed.setSelectionRange(0, 0);
    ed.scrollTop = 0;
    ed.scrollLeft = 0;
    st.fileName = name || 'report.yaml';
    localSet(KEY.name, st.fileName);
    st.errors = [];
    st.suspects = [];
    st.warnings = [];
    st.stale = false;
    renderErrors();
    onEdited();
    scheduleBuild(0);
  }

  async function openFile(file) {
    if (!file) return;
    if (file.size > MAX_OPEN_BYTES) {
      setStatus('Tệp quá lớn để mở ở đây. · The file is too large to open here.', 'error');
      return;
    }
    let text;
    try { text = await file.text(); } catch (e) {
      setStatus('Không đọc được tệp. · Could not read the file.', 'error');
      return;
    }
    text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    if (ed.value.trim() && ed.value !== text) {
      const ok = await confirmReplace(
        `Nội dung đang soạn sẽ được thay bằng tệp “${file.name}”. Bản cũ được giữ lại để khôi phục.`,
        `What you typed will be replaced by “${file.name}”; the old text is kept and can be restored.`);
      if (!ok) return;
    }
    replaceText(text, file.name);
    st.showRestore = true;
    const bad = text.includes('\uFFFD') ? ' Lưu ý: tệp có ký tự lạ, có thể không phải UTF-8. · Note: the file may not be UTF-8.' : '';
    setStatus(`Đã mở tệp “${file.name}”. · Opened “${file.name}”.` + bad, bad ? 'error' : 'ok', restoreButton());
  }

  // ---- downloads ------------------------------------------------------------------------------------------
  function saveBlob(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = el('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function reportTitle(text) {
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
  function slug(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
      .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  }

  async function downloadPdf() {
    const text = ed.value;
    if (!text.trim()) { setStatus('Ô soạn đang trống. · The editor is empty.', 'error'); return; }
    const template = templateSel.value;
    const q = new URLSearchParams({ format: 'pdf' });
    if (template) q.set('template', template);
    pdfButton.disabled = true;
    setStatus('Đang tạo tệp PDF… · Making the PDF…');
    try {
      for (let attempt = 0; attempt < 6; attempt++) {
        let res;
        try { res = await call('POST', '/v1/build?' + q.toString(), text); } catch (e) {
          setStatus('Không kết nối được với máy chủ. · Cannot reach the service.', 'error');
          return;
        }
        if (res.status === 503) {
          const n = retryAfter(res);
          setStatus(`Máy chủ đang bận; thử lại sau ${n} giây… · The service is busy; retrying in ${n} s…`, 'quiet');
          await new Promise((r) => setTimeout(r, n * 1000));
          continue;
        }
        if (res.status === 401) { await needToken(res, downloadPdf); return; }
        if (res.ok) {
          const blob = await res.blob();
          const name = (slug(reportTitle(text)) || 'report') + '.pdf';
          saveBlob(blob, name);
          setStatus(`Đã tải tệp PDF “${name}”. · Downloaded “${name}”.`, 'ok');
          return;
        }
        const j = await readJson(res);
        if (res.status === 422 && j && Array.isArray(j.errors)) {
          if (ed.value === text) {
            showReportErrors(j.errors, j.warnings);
            finish('error');
          }
          setStatus('Chưa tạo được PDF: báo cáo có lỗi, xem khung đỏ bên trái. · No PDF yet: fix the error first.', 'error');
          return;
        }
        const msg = (j && (j.message || j.error)) || `HTTP ${res.status}`;
        setStatus(`Chưa tạo được PDF: ${msg} · Could not make the PDF: ${msg}`, 'error');
        return;
      }
      setStatus('Máy chủ vẫn bận; hãy thử lại sau ít phút. · The service is still busy; try again in a few minutes.', 'error');
    } finally {
      pdfButton.disabled = false;
    }
  }

  function downloadYaml() {
    let name = st.fileName || 'report.yaml';
    if (!/\.ya?ml$/i.test(name)) name = name.replace(/\.[^.]*$/, '') + '.yaml';
    saveBlob(new Blob([ed.value], { type: 'text/yaml;charset=utf-8' }), name);
    setStatus(`Đã tải “${name}”. · Downloaded “${name}”.`, 'ok');
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

  function onEdited() {
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
})();
