#include "layout/contents.hpp"

#include <algorithm>
#include <cmath>

#include "layout/lines.hpp"

namespace baocao::layout {
namespace {

style::TextStyle entry_style(const style::ContentsStyle& cs, int level) {
  style::TextStyle ts = cs.entry_text[std::clamp(level, 1, 3) - 1];
  ts.align = style::TextAlign::left;
  ts.first_line_indent = 0;
  return ts;
}

} // namespace

ContentsList::ContentsList(const style::ContentsStyle& style, std::vector<ContentsEntry> entries,
                           double width, const PageFacts* facts)
    : style_(style), entries_(std::move(entries)), width_(width), facts_(facts) {}

void ContentsList::measure(const Context& ctx) {
  shaped_.clear();
  for (const auto& e : entries_) {
    style::TextStyle ts = entry_style(style_, e.level);
    Shaped s;
    s.indent = style_.indent * (std::clamp(e.level, 1, 3) - 1);
    s.pitch = line_pitch(ts);
    s.before = ts.space_before;
    double room = std::max(width_ - s.indent - style_.number_width, width_ / 3);
    s.title = ctx.fonts.shape(make_spec(ts, e.text, room));
    if (facts_) {
      if (const HeadingPlace* h = facts_->heading(e.anchor)) {
        style::TextStyle ns = ts;
        ns.uppercase = false;
        s.number = ctx.fonts.shape(make_spec(ns, h->label, 0));
      }
    }
    shaped_.push_back(std::move(s));
  }
  if (!style_.leader.empty()) {
    for (int level = 1; level <= 3; ++level) {
      style::TextStyle ts = entry_style(style_, level);
      ts.uppercase = false;
      leader_[level - 1] = ctx.fonts.shape(make_spec(ts, style_.leader, 0));
    }
  }
}

double ContentsList::first_piece() const {
  return shaped_.empty() ? 0 : shaped_.front().height();
}

void ContentsList::draw(display::Frame& frame, size_t i, double x, double top) const {
  const Shaped& s = shaped_[i];
  const auto& lines = s.title.lines;
  if (lines.empty()) return;
  for (size_t k = 0; k < lines.size(); ++k)
    put_line(frame, lines[k], x + s.indent, top + static_cast<double>(k) * s.pitch, s.pitch);
  const text::Line& last = lines.back();
  double last_top = top + static_cast<double>(lines.size() - 1) * s.pitch;
  double baseline = line_baseline(last, last_top, s.pitch);
  double right = x + width_;
  double number_left = right;
  if (s.number && !s.number->lines.empty()) {
    const text::Line& n = s.number->lines.front();
    number_left = right - n.width;
    for (auto run : n.runs) {
      display::translate(run, number_left - n.x, baseline);
      frame.items.push_back(std::move(run));
    }
  }
  // Leaders on a grid from the text area's left edge, so the dots of every
  // line stand in columns, with a gap at each end.
  const auto& leader = leader_[std::clamp(entries_[i].level, 1, 3) - 1];
  if (leader && !leader->lines.empty() && !leader->lines.front().runs.empty()) {
    const text::Line& dot = leader->lines.front();
    double step = std::max(dot.width, 1.0) * 2;
    double from = x + s.indent + last.x + last.width + step / 2;
    double to = number_left - step / 2;
    display::GlyphRun run = dot.runs.front();
    run.glyphs.clear();
    run.text.clear();
    run.clusters.clear();
    const display::GlyphRun& one = dot.runs.front();
    for (double at = std::ceil((from - x) / step) * step + x; at + dot.width <= to; at += step) {
      for (const auto& g : one.glyphs) run.glyphs.push_back({g.id, g.x + at, baseline});
      run.text += one.text;
      run.clusters.insert(run.clusters.end(), one.clusters.begin(), one.clusters.end());
      run.x_end = at + dot.width;
    }
    run.baseline = baseline;
    if (!run.glyphs.empty()) frame.items.push_back(std::move(run));
  }
  if (facts_) {
    if (const HeadingPlace* h = facts_->heading(entries_[i].anchor)) {
      display::Link link{{x + s.indent, top, width_ - s.indent, s.height()}, "", h->page, h->y};
      link.part = h->part; // --split-appendices drops a link into another file
      frame.items.push_back(std::move(link));
    }
  }
}

Placement ContentsList::place(const Region& region, const Resume& from) {
  Placement out;
  out.frame.size.width = region.width;
  double y = 0;
  for (size_t i = from.index; i < shaped_.size(); ++i) {
    const Shaped& s = shaped_[i];
    double before = y > 0 ? s.before : 0;
    if (!region.takes_whole(before + s.height(), y)) {
      if (i == from.index && !from.begun && !region.at_top) return Placement::push();
      out.frame.size.height = y;
      out.rest = Resume::at(i);
      return out;
    }
    y += before;
    draw(out.frame, i, region.x, y);
    y += s.height();
  }
  out.frame.size.height = y;
  return out;
}

} // namespace baocao::layout
