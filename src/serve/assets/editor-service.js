// Talking to the service (/v1 routes only): the token, the preview (one POST /v1/preview at a
// time, rebuilt a moment after typing stops), the pages and the preview's notes, the template
// list, the schema, the starter, opening a file, and the two downloads (YAML, PDF).

import { clamp, findSuspects, reportTitle, slug } from './editor-text.js';
import { setSchema } from './editor-hints.js';
import { goTo, renderErrors, renderMarks, showServiceError } from './editor-errors.js';
import {
  $, ed, el, en, KEY, localGet, localSet, mirror, onEdited, pageCount, pagesBox, pdfButton,
  previewBusy, previewNote, restoreButton, setStatus, st, syncScroll, templateSel, tokenBar,
  tokenInput, tokenMsg,
} from './editor.js';

const MAX_OPEN_BYTES = 8 * 1024 * 1024;

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

export function setState(state) {
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

export function scheduleBuild(delay) {
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
    for (const s of findSuspects(e, st.lines)) {
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
export async function loadTemplates() {
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

export async function loadSchema() {
  try {
    const res = await call('GET', '/v1/schema');
    if (!res.ok) return;
    setSchema(await res.json());
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

export async function loadStarter(askFirst) {
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

export function replaceText(text, name) {
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

export async function openFile(file) {
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

export async function downloadPdf() {
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

export function downloadYaml() {
  let name = st.fileName || 'report.yaml';
  if (!/\.ya?ml$/i.test(name)) name = name.replace(/\.[^.]*$/, '') + '.yaml';
  saveBlob(new Blob([ed.value], { type: 'text/yaml;charset=utf-8' }), name);
  setStatus(`Đã tải “${name}”. · Downloaded “${name}”.`, 'ok');
}
