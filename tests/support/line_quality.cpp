#include "support/line_quality.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "layout/lines.hpp"

namespace baocao::test {

SpaceFace space_face(const text::FontSystem& fonts, const style::TextStyle& ts) {
  style::TextStyle plain = ts;
  plain.bold = false;
  plain.italic = false;
  plain.uppercase = false;
  plain.align = style::TextAlign::left;
  plain.first_line_indent = 0;
  auto shaped = fonts.shape(layout::make_spec(plain, "x x", 0));
  const auto& run = shaped.lines.at(0).runs.at(0);
  return {run.font_file, run.size, run.glyphs.at(2).x - run.glyphs.at(1).x};
}

namespace {

struct Placed {
  double x = 0;
  double advance = 0;
  bool space = false;
  bool face = false;
};

} // namespace

std::vector<LineStretch> justified_lines(const std::vector<display::Page>& pages,
                                         const SpaceFace& face) {
  std::vector<LineStretch> out;
  for (const auto& page : pages) {
    // A line: the runs on one baseline inside the text area, in x order.
    std::map<long, std::vector<const display::GlyphRun*>> rows;
    for (const auto& item : page.items) {
      const auto* r = std::get_if<display::GlyphRun>(&item);
      if (!r || r->glyphs.empty()) continue;
      rows[std::lround(r->baseline * 100)].push_back(r);
    }
    for (auto& [key, runs] : rows) {
      std::sort(runs.begin(), runs.end(),
                [](auto* a, auto* b) { return a->glyphs.front().x < b->glyphs.front().x; });
      double right = runs.back()->x_end;
      if (std::fabs(right - page.text_area.right()) > 0.5) continue;
      std::vector<Placed> glyphs;
      std::string text;
      for (const auto* r : runs) {
        bool ours = r->font_file == face.font_file && std::fabs(r->size - face.size) < 1e-6;
        size_t g = 0, byte = 0;
        for (const auto& c : r->clusters) {
          std::string chars = r->text.substr(byte, c.text_bytes);
          for (uint32_t k = 0; k < c.glyph_count; ++k, ++g)
            glyphs.push_back({r->glyphs[g].x, 0, chars == " " && k == 0, ours});
          byte += c.text_bytes;
        }
        if (!glyphs.empty()) glyphs.back().advance = r->x_end; // the end, resolved below
        text += r->text;
      }
      for (size_t i = 0; i < glyphs.size(); ++i) {
        double next = i + 1 < glyphs.size() ? glyphs[i + 1].x : runs.back()->x_end;
        glyphs[i].advance = next - glyphs[i].x;
      }
      double sum = 0;
      int n = 0;
      for (size_t i = 0; i + 1 < glyphs.size(); ++i) { // a trailing space is not between words
        if (glyphs[i].space && glyphs[i].face) {
          sum += glyphs[i].advance;
          ++n;
        }
      }
      if (n < 2) continue;
      double x = glyphs.front().x;
      double natural = right - x - (sum - n * face.advance);
      out.push_back({page.number, key / 100.0, sum / n / face.advance, text, x, natural, n});
    }
  }
  return out;
}

StretchSummary summarise(const std::vector<LineStretch>& lines) {
  StretchSummary s;
  if (lines.empty()) return s;
  double sum = 0;
  s.max = 0;
  const LineStretch* previous = nullptr;
  for (const auto& l : lines) {
    ++s.lines;
    sum += l.ratio;
    s.max = std::max(s.max, l.ratio);
    if (l.ratio > 1.5) {
      ++s.loose;
      if (previous && previous->page == l.page && previous->ratio > 1.5) ++s.consecutive_loose;
    }
    previous = &l;
  }
  s.mean = sum / static_cast<double>(s.lines);
  return s;
}

} // namespace baocao::test
