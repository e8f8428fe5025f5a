#include "support/docx_tools.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <poppler-document.h>
#include <sstream>
#include <stdexcept>

#include "support/pdf_reader.hpp"
#include "support/test_support.hpp"

namespace baocao::test {
namespace {

namespace fs = std::filesystem;

bool have(const std::string& program) {
  return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

void need(const std::string& program, const std::string& package) {
  if (!have(program))
    throw std::runtime_error("this test needs " + program + ": apt-get install " + package);
}

struct SplitResult {
  int status = -1;
  std::string out; ///< stdout alone
  std::string err; ///< stderr alone
};

/// Runs a shell command with its stdout and stderr apart, for programs whose
/// stdout is data (a warning on stderr must not end up in the text).
SplitResult run_split(const std::string& command) {
  TempDir dir;
  auto err = dir / "stderr";
  // In a subshell: run_command's own 2>&1, outside it, must not undo the 2>.
  CommandResult r = run_command("(" + command + " 2>" + q(err) + ")");
  SplitResult s;
  s.status = r.status;
  s.out = std::move(r.output);
  if (fs::exists(err)) s.err = read_file(err);
  return s;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> f;
  std::string::size_type start = 0;
  for (;;) {
    auto tab = line.find('\t', start);
    f.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) return f;
    start = tab + 1;
  }
}

std::string unescape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
  }
  return out;
}

/// "-" is "not set".
double number_or(const std::string& s, double unset) {
  return s == "-" || s.empty() ? unset : std::stod(s);
}

std::string dash_empty(const std::string& s) {
  return s == "-" ? std::string() : s;
}

const std::string& field(const std::vector<std::string>& f, std::size_t i,
                         const std::string& line) {
  if (i >= f.size()) throw std::runtime_error("docx_inspect.py: short line: " + line);
  return f[i];
}

DocxParagraph parse_paragraph(const std::vector<std::string>& f, const std::string& line) {
  DocxParagraph p;
  p.style = unescape(field(f, 1, line));
  p.outline_level = static_cast<int>(number_or(field(f, 2, line), 0));
  p.text = unescape(field(f, 3, line));
  p.numbering = dash_empty(field(f, 4, line));
  p.number_format = dash_empty(unescape(field(f, 5, line)));
  p.alignment = dash_empty(field(f, 6, line));
  p.first_line_set = field(f, 7, line) != "-";
  p.first_line_mm = number_or(f[7], 0);
  return p;
}

bool is_space_at(const std::string& s, std::size_t i, std::size_t& len) {
  auto u = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = u(0);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    len = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && u(1) == 0xA0) { // U+00A0 no-break space
    len = 2;
    return true;
  }
  if (c == 0xE2 && i + 2 < s.size() && u(1) == 0x80 &&
      ((u(2) >= 0x80 && u(2) <= 0x8B) || u(2) == 0xAF)) { // U+2000-U+200B, U+202F
    len = 3;
    return true;
  }
  if (c == 0xE3 && i + 2 < s.size() && u(1) == 0x80 && u(2) == 0x80) { // U+3000
    len = 3;
    return true;
  }
  return false;
}

const std::vector<std::string>& punctuation() {
  static const std::vector<std::string> p = {
      ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "{", "}", "\"", "'", "*", "-", "/",
      "…", "“", "”", "‘", "’", "–", "—", "‐", "‑", "−", "•", "·", "«",  "»", "‹", "›"};
  return p;
}

std::string trim_punctuation(std::string w) {
  for (bool again = true; again && !w.empty();) {
    again = false;
    for (const auto& p : punctuation()) {
      if (w.size() >= p.size() && w.compare(0, p.size(), p) == 0) {
        w.erase(0, p.size());
        again = true;
      }
      if (w.size() >= p.size() && w.compare(w.size() - p.size(), p.size(), p) == 0) {
        w.erase(w.size() - p.size());
        again = true;
      }
    }
  }
  return w;
}

bool pure_number(const std::string& w) {
  bool digit = false;
  for (char c : w) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if (c != '.' && c != ',' && c != ':' && c != '/' && c != '-')
      return false;
  }
  return digit;
}

} // namespace

std::string pandoc_text(const fs::path& docx, bool with_alt_text) {
  need("pandoc", "pandoc");
  std::string filter;
  TempDir dir;
  if (!with_alt_text) {
    // A Lua filter (pandoc 2.17 runs them itself) that drops every picture.
    write_file(dir / "no-images.lua", "function Image(el) return {} end\n");
    filter = " --lua-filter=" + q(dir / "no-images.lua");
  }
  auto r = run_split("pandoc -f docx -t plain --wrap=none" + filter + " " + q(docx));
  if (r.status != 0)
    throw std::runtime_error("pandoc cannot read " + docx.string() + " (exit " +
                             std::to_string(r.status) + "): " + r.err);
  return r.out;
}

std::string pdf_text(const fs::path& pdf) {
  std::string text;
  for (const auto& page : read_pdf(pdf).page_text) text += page + "\n";
  return text;
}

int pdf_pages(const fs::path& pdf) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
  if (!doc) throw std::runtime_error("poppler cannot open " + pdf.string());
  return doc->pages();
}

std::vector<fs::path> soffice_pdfs(const std::vector<fs::path>& docx, const fs::path& outdir,
                                   int timeout_seconds) {
  need("soffice", "libreoffice-writer-nogui");
  need("timeout", "coreutils");
  fs::create_directories(outdir);
  std::vector<fs::path> pdfs;
  std::string files;
  for (const auto& d : docx) {
    if (!fs::is_regular_file(d)) throw std::runtime_error("no such file: " + d.string());
    auto pdf = outdir / (d.stem().string() + ".pdf");
    if (std::find(pdfs.begin(), pdfs.end(), pdf) != pdfs.end())
      throw std::runtime_error("two inputs would both be converted to " + pdf.string());
    fs::remove(pdf); // an old PDF must not pass for this run's
    pdfs.push_back(pdf);
    files += " " + q(d);
  }
  // A private profile: two soffice processes with one profile wait on its
  // lock or hand the job to each other. The TempDir's name is ASCII, so the
  // URL needs no escaping.
  TempDir profile;
  // timeout signals soffice's whole process group (soffice.bin included);
  // -k kills it when it ignores the TERM.
  std::string cmd = "timeout -k 10 " + std::to_string(timeout_seconds) +
                    " soffice -env:UserInstallation=file://" + profile.path().string() +
                    " --headless --norestore --infilter='MS Word 2007 XML'" +
                    " --convert-to pdf --outdir " + q(outdir) + files + " </dev/null";
  CommandResult r = run_command(cmd);
  std::string what;
  if (r.status == 124 || r.status == 137)
    what = "timed out after " + std::to_string(timeout_seconds) + " s";
  else if (r.status != 0)
    what = "exit " + std::to_string(r.status);
  else if (r.output.find("Error:") != std::string::npos)
    what = "no PDF written"; // soffice exits 0 when it cannot load a file
  for (std::size_t i = 0; what.empty() && i < pdfs.size(); ++i)
    if (!fs::exists(pdfs[i])) what = "no PDF written for " + docx[i].string();
  if (!what.empty())
    throw std::runtime_error("LibreOffice could not convert" + files + " (" + what + "): " + cmd +
                             "\n" + r.output);
  return pdfs;
}

fs::path soffice_pdf(const fs::path& docx, const fs::path& outdir, int timeout_seconds) {
  return soffice_pdfs({docx}, outdir, timeout_seconds).front();
}

std::string DocxCell::text() const {
  std::string t;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) t += (i ? "\n" : "") + paragraphs[i].text;
  return t;
}

std::vector<DocxParagraph> DocxInspection::with_style(const std::string& style) const {
  std::vector<DocxParagraph> out;
  for (const auto& p : paragraphs)
    if (p.style == style) out.push_back(p);
  return out;
}

const DocxParagraph* DocxInspection::find(const std::string& text) const {
  for (const auto& p : paragraphs)
    if (p.text.find(text) != std::string::npos) return &p;
  return nullptr;
}

DocxInspection parse_docx_inspection(const std::string& lines) {
  DocxInspection d;
  std::istringstream in(lines);
  std::string line;
  int position = 0;
  std::vector<int> declared_rows; // each T line's count, checked against its R lines
  auto need_table = [&](const std::string& l) -> DocxTable& {
    if (d.tables.empty()) throw std::runtime_error("docx_inspect.py: row before table: " + l);
    return d.tables.back();
  };
  auto need_row = [&](const std::string& l) -> DocxRow& {
    auto& t = need_table(l);
    if (t.rows.empty()) throw std::runtime_error("docx_inspect.py: cell before row: " + l);
    return t.rows.back();
  };
  auto need_cell = [&](const std::string& l) -> DocxCell& {
    auto& r = need_row(l);
    if (r.cells.empty()) throw std::runtime_error("docx_inspect.py: text before cell: " + l);
    return r.cells.back();
  };
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto f = split_tabs(line);
    const std::string& kind = f[0];
    if (kind == "D") {
      d.title = unescape(field(f, 1, line));
      d.subject = unescape(field(f, 2, line));
      d.author = unescape(field(f, 3, line));
      d.keywords = unescape(field(f, 4, line));
    } else if (kind == "P") {
      d.paragraphs.push_back(parse_paragraph(f, line));
      d.paragraph_positions.push_back(position++);
    } else if (kind == "T") {
      DocxTable t;
      declared_rows.push_back(std::stoi(field(f, 1, line)));
      t.cols = std::stoi(field(f, 2, line));
      t.position = position++;
      d.tables.push_back(t);
    } else if (kind == "R") {
      need_table(line).rows.push_back({field(f, 1, line) == "1", field(f, 2, line) == "1", {}});
    } else if (kind == "C") {
      DocxCell c;
      c.span = std::stoi(field(f, 1, line));
      c.vmerge = dash_empty(field(f, 2, line));
      need_row(line).cells.push_back(c);
    } else if (kind == "Q") {
      need_cell(line).paragraphs.push_back(parse_paragraph(f, line));
    } else if (kind == "S") {
      DocxSection s;
      s.orientation = dash_empty(field(f, 1, line));
      s.page_width_mm = number_or(field(f, 2, line), -1);
      s.page_height_mm = number_or(field(f, 3, line), -1);
      s.top_mm = number_or(field(f, 4, line), -1);
      s.bottom_mm = number_or(field(f, 5, line), -1);
      s.left_mm = number_or(field(f, 6, line), -1);
      s.right_mm = number_or(field(f, 7, line), -1);
      s.title_page = field(f, 8, line) == "1";
      d.sections.push_back(s);
    } else if (kind == "H") {
      DocxHeaderFooter h;
      h.section = std::stoi(field(f, 1, line));
      h.part = field(f, 2, line);
      h.kind = field(f, 3, line);
      if (field(f, 4, line) != "-") {
        std::istringstream names(f[4]);
        std::string name;
        while (std::getline(names, name, ',')) h.fields.push_back(name);
      }
      h.text = unescape(field(f, 5, line));
      d.headers_footers.push_back(h);
    } else if (kind == "I") {
      DocxPicture p;
      p.alt = unescape(field(f, 1, line));
      p.width_mm = number_or(field(f, 2, line), -1);
      p.height_mm = number_or(field(f, 3, line), -1);
      p.px_width = static_cast<int>(number_or(field(f, 4, line), -1));
      p.px_height = static_cast<int>(number_or(field(f, 5, line), -1));
      p.content_type = dash_empty(field(f, 6, line));
      d.pictures.push_back(p);
    } else if (kind == "F") {
      DocxFont font;
      font.name = unescape(field(f, 1, line));
      font.variant = field(f, 2, line);
      font.bytes = std::stol(field(f, 3, line));
      font.sfnt = field(f, 4, line) == "1";
      d.fonts.push_back(font);
    } else {
      throw std::runtime_error("docx_inspect.py: unknown line: " + line);
    }
  }
  for (std::size_t i = 0; i < d.tables.size(); ++i)
    if (static_cast<int>(d.tables[i].rows.size()) != declared_rows[i])
      throw std::runtime_error("docx_inspect.py: table " + std::to_string(i) + " declares " +
                               std::to_string(declared_rows[i]) + " rows and lists " +
                               std::to_string(d.tables[i].rows.size()));
  return d;
}

std::string debian_python() {
  return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

DocxInspection inspect_docx(const fs::path& docx) {
  auto script = repo_dir() / "tests" / "support" / "docx_inspect.py";
  auto r = run_split(debian_python() + " " + q(script) + " " + q(docx));
  if (r.status != 0)
    throw std::runtime_error("python-docx cannot read " + docx.string() +
                             " (apt-get install python3-docx when it is missing; exit " +
                             std::to_string(r.status) + "):\n" + r.err);
  return parse_docx_inspection(r.out);
}

std::vector<std::string> words(const std::string& text, const WordOptions& options) {
  std::vector<std::string> out;
  auto keep = [&](std::string w) {
    if (options.strip_punctuation) w = trim_punctuation(std::move(w));
    if (w.empty()) return;
    if (options.ignore_numbers && pure_number(w)) return;
    if (std::find(options.ignore.begin(), options.ignore.end(), w) != options.ignore.end()) return;
    out.push_back(std::move(w));
  };
  std::string word;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 0;
    if (is_space_at(text, i, len)) {
      keep(std::move(word));
      word.clear();
      i += len;
    } else {
      word += text[i++];
    }
  }
  keep(std::move(word));
  return out;
}

std::vector<std::string> words_missing(const std::string& expected, const std::string& actual,
                                       const WordOptions& options) {
  std::map<std::string, int> have;
  for (auto& w : words(actual, options)) ++have[w];
  std::vector<std::string> missing;
  for (auto& w : words(expected, options)) {
    auto it = have.find(w);
    if (it != have.end() && it->second > 0)
      --it->second;
    else
      missing.push_back(std::move(w));
  }
  return missing;
}

std::string describe_missing(const std::vector<std::string>& missing, std::size_t limit) {
  if (missing.empty()) return "none missing";
  std::string s = std::to_string(missing.size()) + " missing:";
  for (std::size_t i = 0; i < missing.size() && i < limit; ++i) s += " " + missing[i];
  if (missing.size() > limit) s += " …";
  return s;
}

} // namespace baocao::test
