#!/usr/bin/python3
"""The editor page of `baocao serve` (GET /) in a real headless browser (issue 18, part 4).

usage: /usr/bin/python3 tests/serve/editor_browser.py BAOCAO_BINARY SCREENSHOT_DIR

Starts `BAOCAO_BINARY serve --listen 127.0.0.1:0` (or, when BAOCAO_EDITOR_URL is set, uses the
service already listening there and starts nothing), opens the page in Debian's chromium through
chromedriver (python3-selenium), and does what a clerk does: waits for the starter's first
preview, types a wrong date on a known line, sees the marker at that line and the service's
message, clicks the message to put the caret there, types the fix and sees the preview change.
Then wrapped lines, the template list, the starter's confirmation, the two downloads, a
2,000-line report, the text kept over a reload, a service with a token, and SIGTERM (exit
status 0). Writes editor-error.png and editor-ok.png
(and editor-long.png) to SCREENSHOT_DIR. One line per check; exit status 1 if any failed.
Every wait is bounded; chromium and the service are always stopped. Exit status 77 (ctest's
SKIP_RETURN_CODE) when selenium or chromedriver is not installed.
"""
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

SKIP = 77  # ctest's SKIP_RETURN_CODE: no browser on this machine
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select
except ImportError:
    webdriver = None

WAIT = 30  # seconds, for any one thing to happen
FAILED = []


class Abort(Exception):
    """A check failed that the following ones depend on."""


def report(ok, what, detail=""):
    print(("ok   " if ok else "FAIL ") + what + (": " + detail if detail and not ok else ""), flush=True)
    if not ok:
        FAILED.append(what)
    return ok


def must(ok, what, detail=""):
    if not report(ok, what, detail):
        raise Abort(what)


def wait_for(cond, what, timeout=WAIT):
    end = time.time() + timeout
    last = None
    while time.time() < end:
        try:
            last = cond()
            if last:
                return last
        except Exception as e:  # the page may be between two states
            last = e
        time.sleep(0.05)
    raise Abort("timed out after %d s waiting for %s (last: %r)" % (timeout, what, last))


# ---- the service ----------------------------------------------------------------------------------
def start_service(binary, logdir, env=None, log="serve.stderr"):
    err = open(os.path.join(logdir, log), "wb")
    proc = subprocess.Popen([binary, "serve", "--listen", "127.0.0.1:0"], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=err, env=env)
    lines = queue.Queue()

    def drain():  # keep reading, so a chatty service never blocks on a full pipe
        for raw in proc.stdout:
            lines.put(raw.decode("utf-8", "replace"))
        lines.put(None)

    threading.Thread(target=drain, daemon=True).start()
    try:
        first = lines.get(timeout=WAIT)
    except queue.Empty:
        first = None
    m = re.match(r"baocao serve: listening on (http://127\.0\.0\.1:\d+/)\s*$", first or "")
    if not m:
        proc.kill()
        proc.wait()
        with open(err.name, encoding="utf-8", errors="replace") as f:
            raise Abort("the service did not say where it listens (first line %r; stderr %r)" % (first, f.read()[-500:]))
    return proc, m.group(1)


def http(base, method, path, body=None):
    """(status, headers, bytes) of one request to the service, as the test's own client."""
    req = urllib.request.Request(base.rstrip("/") + path, data=body, method=method)
    if body is not None:
        req.add_header("Content-Type", "application/yaml")
    token = os.environ.get("BAOCAO_EDITOR_TOKEN")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=WAIT) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


# ---- the browser ------------------------------------------------------------------------------------
def start_browser(profile, downloads):
    o = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
              "--user-data-dir=" + profile, "--lang=vi", "--no-first-run", "--disable-extensions"):
        o.add_argument(a)
    o.add_experimental_option("prefs", {"download.default_directory": downloads,
                                        "download.prompt_for_download": False})
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.set_page_load_timeout(WAIT)
    d.set_script_timeout(WAIT)
    d.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return d


def stop_browser(d, profile):
    try:
        d.quit()
    except Exception:
        pass
    try:  # chromedriver, if quit could not reach it
        if d.service.process and d.service.process.poll() is None:
            d.service.process.kill()
    except Exception:
        pass
    # any chromium of ours still running: ours are the ones with our fresh profile directory
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                cmd = f.read()
        except OSError:
            continue
        if ("--user-data-dir=" + profile).encode() in cmd:
            try:
                os.kill(int(pid), signal.SIGKILL)
            except OSError:
                pass


def js(d, script, *args):
    return d.execute_script(script, *args)


def builds(d):
    return int(js(d, "return document.body.dataset.builds || '0'"))


def state(d):
    return js(d, "return document.body.dataset.state")


def wait_build(d, before, want, what):
    """Waits for a rebuild that finished after `before` with the page in state `want`."""
    return wait_for(lambda: builds(d) > before and state(d) == want, "%s (state %s)" % (what, want))


def editor_text(d):
    return js(d, "return document.getElementById('editor').value")


def set_text(d, text):
    """Replaces the whole text and tells the page, as a paste does (execCommand('insertText')
    would be closer to a paste, but chromium takes ~20 s for 100 KB that way)."""
    js(d, """const ed = document.getElementById('editor'); ed.focus(); ed.value = arguments[0];
             ed.dispatchEvent(new Event('input', {bubbles: true}));""", text)


def page_images(d):
    return js(d, "return [...document.querySelectorAll('#pages img.page')].map(i => i.getAttribute('src'))")


def offset_of(text, line, column):
    """Where (line, column), both 1-based and counted in characters, is in the textarea's value.
    Python counts code points and the textarea UTF-16 units: the same for these texts (no emoji)."""
    lines = text.split("\n")
    return sum(len(l) + 1 for l in lines[:line - 1]) + column - 1


MARKS = """
const g = [...document.querySelectorAll('#gutter .gutter-line')];
const err = g.map((x, i) => x.classList.contains('error') ? i + 1 : 0).filter(Boolean);
const m = [...document.querySelectorAll('#mirror .mirror-line')];
const hl = m.map((x, i) => x.classList.contains('err') ? i + 1 : 0).filter(Boolean);
const items = [...document.querySelectorAll('#errors .error-item:not(.suspect-item)')].map(x => ({
  line: +x.dataset.line, column: +x.dataset.column,
  message: (x.querySelector('.error-message') || {}).textContent || ''}));
const ed = document.getElementById('editor').getBoundingClientRect();
let aligned = null, visible = null;
if (err.length && hl.length) {
  const a = g[err[0] - 1].getBoundingClientRect(), b = m[hl[0] - 1].getBoundingClientRect();
  aligned = Math.abs(a.top - b.top) < 1.5 && Math.abs(a.height - b.height) < 1.5;
  visible = b.top >= ed.top - 1 && b.bottom <= ed.bottom + 1;
}
return {gutterErrors: err, highlighted: hl, items, aligned, visible, lines: g.length,
        panelHidden: document.getElementById('errors').hidden};
"""


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    binary, shots = argv[1], argv[2]
    if webdriver is None or not os.path.exists("/usr/bin/chromedriver"):
        print("skip: needs python3-selenium and chromium-driver (/usr/bin/chromedriver)")
        return SKIP
    os.makedirs(shots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="baocao-editor-test-")
    downloads = os.path.join(work, "downloads")
    os.makedirs(downloads)
    profile = os.path.join(work, "profile")
    proc = None
    d = None
    try:
        base = os.environ.get("BAOCAO_EDITOR_URL")
        if base:
            print("note using the service at %s (BAOCAO_EDITOR_URL)" % base)
        else:
            proc, base = start_service(binary, work)
            report(True, "service started on " + base)

        status, _, body = http(base, "GET", "/v1/templates")
        must(status == 200, "GET /v1/templates answers 200", str(status))
        names = [t["name"] for t in json.loads(body)["templates"]]
        status, _, body = http(base, "GET", "/v1/starter?template=dang")
        must(status == 200, "GET /v1/starter answers 200", str(status))
        starter = body.decode("utf-8")

        d = start_browser(profile, downloads)
        d.get(base)
        must(bool(d.find_elements(By.ID, "editor")), "GET / serves the editor page",
             "no #editor in %r" % d.page_source[:120])
        ed = d.find_element(By.ID, "editor")

        # -- 1. a fresh browser gets the starter and its first preview
        wait_for(lambda: builds(d) >= 1 and state(d) in ("ok", "error"), "the first preview")
        must(state(d) == "ok", "first preview: state ok", state(d))
        text = editor_text(d)
        must(text == starter, "the editor opens with the starter (GET /v1/starter, dang)",
             "%d chars vs %d" % (len(text), len(starter)))
        status, _, body = http(base, "POST", "/v1/check", text.encode("utf-8"))
        pages = json.loads(body).get("pages", 0)
        imgs = page_images(d)
        must(pages > 0 and len(imgs) == min(pages, 50), "one image per page (%d pages)" % pages,
             "%d images" % len(imgs))
        report(str(pages) in d.find_element(By.ID, "page-count").text, "the page count is shown")
        opts = [(o.get_attribute("value")) for o in d.find_elements(By.CSS_SELECTOR, "#template option")]
        report(opts == [""] + names, "the template list is /v1/templates, after 'theo báo cáo'",
               repr(opts))
        before = imgs[0]

        # -- 2. type a wrong date on a known line
        lines = text.split("\n")
        line = next(i + 1 for i, l in enumerate(lines) if re.match(r"^  date: 2025-01-15\b", l))
        column = lines[line - 1].index("2025") + 1
        start = offset_of(text, line, column) + len("2025-")
        ed.click()
        js(d, "document.getElementById('editor').setSelectionRange(arguments[0], arguments[0] + 5)", start)
        b0 = builds(d)
        ed.send_keys("02-30")  # 2025-02-30: no such day
        wait_build(d, b0, "error", "the rebuild after typing a wrong date")
        broken = editor_text(d)
        report(broken.split("\n")[line - 1].startswith("  date: 2025-02-30"), "the typed line reads 2025-02-30")
        status, _, body = http(base, "POST", "/v1/check", broken.encode("utf-8"))
        answer = json.loads(body)
        must(status == 422 and answer["errors"], "the service finds the error (422)", str(status))
        want = answer["errors"][0]
        report(want["line"] == line and want["column"] == column,
               "the service reports line %d, column %d" % (line, column), "%s:%s" % (want["line"], want["column"]))
        marks = js(d, MARKS)
        report(marks["gutterErrors"] == [line], "the gutter marks exactly line %d" % line, repr(marks["gutterErrors"]))
        report(marks["highlighted"] == [line], "the highlighted line is line %d" % line, repr(marks["highlighted"]))
        report(marks["aligned"] is True, "the gutter mark and the highlight are level")
        report(marks["visible"] is True, "the marked line is in view")
        items = marks["items"]
        report(len(items) == 1 and items[0]["line"] == line and items[0]["column"] == column,
               "one .error-item with data-line=%d data-column=%d" % (line, column), repr(items))
        report(bool(items) and items[0]["message"] == want["message"],
               "the panel shows the service's message", repr(items[:1]))
        report(js(d, "return !!document.querySelector('#errors .error-item .error-hint')"),
               "the panel explains it in Vietnamese")
        report(page_images(d)[0] == before and len(page_images(d)) == len(imgs),
               "the last good pages stay while the report is broken")
        report(not d.find_element(By.ID, "preview-note").get_attribute("hidden"),
               "the preview says its pages are the last good ones")
        d.save_screenshot(os.path.join(shots, "editor-error.png"))
        report(True, "screenshot editor-error.png")
        d.find_element(By.ID, "wrap").click()  # wrapped lines: the mirror must wrap as the textarea does
        wrapped = js(d, """const e = document.getElementById('editor'), m = document.getElementById('mirror');
                           return [e.scrollHeight, m.offsetHeight, e.scrollWidth <= e.clientWidth]""")
        marks = js(d, MARKS)
        report(wrapped[0] == wrapped[1] and wrapped[2] and marks["gutterErrors"] == [line] and marks["aligned"] is True,
               "wrapped lines: text and markers laid out alike, the mark still at line %d" % line,
               "%r %r" % (wrapped, marks))
        d.find_element(By.ID, "wrap").click()

        # -- 3. a click on the message puts the caret at the line and column
        js(d, "const e = document.getElementById('editor'); e.setSelectionRange(0, 0); e.scrollTop = 0;")
        d.find_element(By.CSS_SELECTOR, "#errors .error-item").click()
        caret = js(d, "const e = document.getElementById('editor'); return [document.activeElement === e, e.selectionStart, e.selectionEnd]")
        want_at = offset_of(broken, line, column)
        report(caret == [True, want_at, want_at], "clicking the error puts the caret at line %d, column %d" % (line, column),
               "%r, want offset %d" % (caret, want_at))
        report(js(d, MARKS)["visible"] is True, "after the click the line is in view")

        # -- 4. fix it by typing where the caret is, and see the preview change
        b0 = builds(d)
        ed.send_keys(Keys.DELETE * len("2025-02-30") + "2025-03-15")
        wait_build(d, b0, "ok", "the rebuild after the fix")
        marks = js(d, MARKS)
        report(marks["gutterErrors"] == [] and marks["highlighted"] == [] and marks["panelHidden"],
               "the markers and the panel are gone", repr(marks))
        after = page_images(d)
        report(len(after) == len(imgs), "the same number of pages")
        report(after[0] != before, "page 1 changed (the date on it)")
        report(after[1:] == imgs[1:], "the other pages did not")
        d.save_screenshot(os.path.join(shots, "editor-ok.png"))
        report(True, "screenshot editor-ok.png")
        fixed = editor_text(d)

        # -- 5. the template list rebuilds with template=
        b0 = builds(d)
        Select(d.find_element(By.ID, "template")).select_by_value("nha-nuoc")
        wait_build(d, b0, "ok", "the rebuild with template=nha-nuoc")
        report(page_images(d)[0] != after[0], "choosing nha-nuoc changes the pages")
        b0 = builds(d)
        Select(d.find_element(By.ID, "template")).select_by_value("")
        wait_build(d, b0, "ok", "the rebuild with the report's own template")
        report(page_images(d)[0] == after[0], "'theo báo cáo' gives the report's own template again")

        # -- 6. the starter asks first, and "keep my text" keeps it
        d.find_element(By.ID, "starter").click()
        wait_for(lambda: js(d, "return document.getElementById('confirm').open"), "the confirmation")
        d.find_element(By.ID, "confirm-cancel").click()
        wait_for(lambda: not js(d, "return document.getElementById('confirm').open"), "the dialog to close")
        time.sleep(0.3)
        report(editor_text(d) == fixed, "the starter asks first; 'keep my text' keeps it")

        # -- 7. the downloads
        d.find_element(By.ID, "download-yaml").click()
        path = wait_for(lambda: next((os.path.join(downloads, f) for f in os.listdir(downloads)
                                      if f.endswith(".yaml")), None), "the YAML download")
        wait_for(lambda: os.path.getsize(path) > 0, "the YAML file to be written")
        with open(path, encoding="utf-8") as f:
            report(f.read() == fixed and os.path.basename(path) == "report.yaml",
                   "Tải YAML saves the text as report.yaml", os.path.basename(path))
        d.find_element(By.ID, "download-pdf").click()
        pdf = wait_for(lambda: next((os.path.join(downloads, f) for f in os.listdir(downloads)
                                     if f.endswith(".pdf")), None), "the PDF download")
        wait_for(lambda: os.path.getsize(pdf) > 1000, "the PDF to be written")
        with open(pdf, "rb") as f:
            head = f.read(5)
        report(head == b"%PDF-" and os.path.basename(pdf) == "tong-ket-nhiem-ky-2020-2025.pdf",
               "Tải PDF saves a PDF named from the title", os.path.basename(pdf))

        # -- 8. Tab inserts two spaces
        end_of_first = len(fixed.split("\n")[0])
        js(d, "const e = document.getElementById('editor'); e.focus(); e.setSelectionRange(arguments[0], arguments[0])", end_of_first)
        b0 = builds(d)
        ed.send_keys(Keys.TAB)
        report(editor_text(d).split("\n")[0] == fixed.split("\n")[0] + "  ", "Tab inserts two spaces")
        wait_build(d, b0, "ok", "the rebuild after Tab")

        # -- 9. a 2,000-line report: the marker at line ~1,900 and the gutter still level
        long_lines = lines[:5] + ["# dòng chú thích %d · filler comment %d" % (i, i) for i in range(1, 1901)] + lines[5:]
        long_text = "\n".join(long_lines)
        long_line = line + 1900
        long_text = long_text.replace("  date: 2025-01-15", "  date: 2025-02-30", 1)
        b0 = builds(d)
        set_text(d, long_text)
        wait_build(d, b0, "error", "the 2,000-line report's check")
        marks = js(d, MARKS)
        report(marks["lines"] == len(long_lines), "the gutter has %d lines" % len(long_lines), str(marks["lines"]))
        report(marks["gutterErrors"] == [long_line] and marks["highlighted"] == [long_line],
               "long file: the marker is at line %d" % long_line, repr(marks["gutterErrors"]))
        js(d, "const e = document.getElementById('editor'); e.setSelectionRange(0, 0); e.scrollTop = 0;")
        d.find_element(By.CSS_SELECTOR, "#errors .error-item").click()
        marks = js(d, MARKS)
        report(marks["visible"] is True and marks["aligned"] is True,
               "long file: a click scrolls to line %d, gutter level with the text" % long_line, repr(marks))
        ms = js(d, """const e = document.getElementById('editor'); const t0 = performance.now();
                      for (let i = 0; i < 20; i++) document.execCommand('insertText', false, 'x');
                      e.getBoundingClientRect(); document.getElementById('mirror').offsetHeight;
                      return performance.now() - t0;""")
        report(ms < 2000, "long file: 20 keystrokes handled in %.0f ms" % ms)
        d.save_screenshot(os.path.join(shots, "editor-long.png"))
        set_text(d, fixed)
        wait_for(lambda: state(d) == "ok" and editor_text(d) == fixed, "the fixed text to build again")

        # -- 10. a reload brings the text back from localStorage
        d.refresh()
        wait_for(lambda: builds(d) >= 1 and state(d) in ("ok", "error"), "the preview after a reload")
        report(editor_text(d) == fixed, "a reload restores the text from localStorage")
        report(state(d) == "ok" and len(page_images(d)) == len(imgs), "and builds its preview")

        # -- 11. no JavaScript errors (a 422 answer is logged by chromium as a failed load)
        errs = [e["message"] for e in d.get_log("browser")
                if e["level"] == "SEVERE" and "status of 422" not in e["message"]]
        report(not errs, "no errors in the browser console", repr(errs[:3]))

        # -- 12. a service started with a token: the page asks for it ("Mã truy cập"), then works
        if proc is not None:
            token = "editor-test-" + os.urandom(8).hex()
            tproc, tbase = start_service(binary, work, dict(os.environ, BAOCAO_SERVE_TOKEN=token), "serve-token.stderr")
            try:
                d.get(tbase)  # another port, another origin: no text, no token stored yet
                wait_for(lambda: d.find_element(By.ID, "token-bar").is_displayed(), "the token field")
                report(True, "a service with a token: the page asks for it")
                d.find_element(By.ID, "token").send_keys(token + Keys.ENTER)
                wait_for(lambda: builds(d) >= 1 and state(d) == "ok", "the preview once the token is given")
                report(len(page_images(d)) > 0 and not d.find_element(By.ID, "token-bar").is_displayed()
                       and js(d, "return sessionStorage.getItem('baocao.token')") == token,
                       "with the token the starter and its preview come; the token is kept for the session")
            finally:
                tproc.send_signal(signal.SIGTERM)
                try:
                    tproc.wait(timeout=WAIT)
                except subprocess.TimeoutExpired:
                    tproc.kill()
                    tproc.wait()
    except Abort as e:
        report(False, "stopped", str(e))
    except Exception as e:  # a broken page or driver: report it, still clean up
        report(False, "unexpected %s" % type(e).__name__, (str(e).strip().splitlines() or [""])[0][:300])
    finally:
        if d is not None:
            stop_browser(d, profile)
        if proc is not None:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    rc = proc.wait(timeout=WAIT)
                    report(rc == 0, "SIGTERM stops the service with exit status 0", "status %s" % rc)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                    report(False, "SIGTERM stops the service", "still running after %d s; killed" % WAIT)
            else:
                report(False, "the service ran until the end", "exited early with %s" % proc.returncode)
            if FAILED:
                with open(os.path.join(work, "serve.stderr"), encoding="utf-8", errors="replace") as f:
                    tail = f.read()[-2000:]
                if tail.strip():
                    print("service stderr (end):\n" + tail)
        shutil.rmtree(work, ignore_errors=True)
    print("%s: %d failed" % ("FAIL" if FAILED else "PASS", len(FAILED)))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
