#include "layout/flow.hpp"

#include <algorithm>

#include "core/number_format.hpp"
#include "core/placeholders.hpp"
#include "layout/awards.hpp"
#include "layout/figure_text.hpp"
#include "layout/indicator_table.hpp"
#include "layout/indicator_text.hpp"
#include "layout/report_table.hpp"

namespace baocao::layout {

std::string roman(int n) {
  static const std::pair<int, const char*> table[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  std::string out;
  for (const auto& [value, digits] : table) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

std::string alpha_vi(int n) {
  static const char* letters[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                  "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
  constexpr int count = sizeof letters / sizeof letters[0];
  std::string out;
  // Past "y": "aa", "ab", ... as spreadsheets do.
  if (n > count) out = alpha_vi((n - 1) / count);
  return out + letters[(n - 1) % count];
}

std::string heading_number(style::Numbering numbering, int n) {
  switch (numbering) {
  case style::Numbering::roman:
    return roman(n);
  case style::Numbering::arabic:
    return std::to_string(n);
  case style::Numbering::alpha_vi:
    return alpha_vi(n);
  case style::Numbering::none:
    break;
  }
  return "";
}

std::vector<text::Span> plain(const std::string& s) {
  return {{s, false, false}};
}

std::vector<text::Span> spans_of(const model::RichText& t, bool bold) {
  std::vector<text::Span> out;
  for (const auto& r : t.runs) out.push_back({r.text, r.bold || bold, r.italic});
  return out;
}

TableSpec::Column titled_column(const std::string& title, style::TextAlign align, double percent) {
  TableSpec::Column c;
  c.title = plain(title);
  c.align = align;
  if (percent > 0) {
    c.width_kind = TableSpec::Column::Width::percent;
    c.width = percent;
  }
  return c;
}

FlowText sub_label(const style::Style& style, const std::string& label) {
  FlowText t;
  t.role = FlowText::Role::sub_label;
  t.style = style.sub_label_text;
  t.spans = plain(label);
  t.keep_with_next = true;
  t.keep_together = true;
  return t;
}

namespace {

using Role = FlowText::Role;

/// Where the body's last words are, for the closing "./.": a paragraph or a
/// list's last item, by its place in the flow.
struct LastText {
  size_t at = 0;
  bool set = false;
};

class Walker {
public:
  Walker(const model::Report& report, const style::Style& style, const LayoutOptions& options)
      : report_(report), style_(style), options_(options) {
    if (report.schema >= 2) {
      tally_ = format_tally(model::tally(report.indicators), style.indicators, style.numbers);
    }
  }

  Flow run() {
    out_.push_back(FlowMasthead{&report_.document, options_.blank_number_date});
    size_t contents_at = out_.size();
    int n = 0;
    for (const auto& s : report_.sections) section(s, ++n);
    bool signed_off = report_.signature || !report_.recipients.empty();
    if (!report_.closing.runs.empty()) {
      // Kept whole and with what follows, so the signature never starts a page
      // without the report's last words above it.
      FlowText b = text(Role::closing, style_.body, spans_of(with_tally(report_.closing)));
      b.keep_together = true;
      b.keep_with_next = signed_off || !report_.source.empty();
      push_text(std::move(b));
    }
    if (!style_.labels.closing_mark.empty()) close_body();
    if (!report_.source.empty()) {
      FlowText src =
          text(Role::source, style_.signature.source_text,
               plain(core::fill_placeholders(style_.labels.source, {{"source", report_.source}})));
      src.keep_together = true;
      src.keep_with_next = signed_off;
      out_.push_back(std::move(src));
    }
    if (signed_off) out_.push_back(FlowClosing{options_.signature_fields});
    using Position = model::Contents::Position;
    bool contents_at_end = report_.contents && report_.contents->position == Position::end;
    if (contents_at_end) {
      out_.push_back(FlowBreak{PageSetup{}});
      contents_at = out_.size();
    }
    int k = 0;
    for (const auto& a : report_.appendices) appendix(a, ++k);
    if (report_.contents) insert_contents(contents_at, !contents_at_end);
    return std::move(out_);
  }

private:
  static FlowText text(Role role, const style::TextStyle& ts, std::vector<text::Span> spans) {
    FlowText t;
    t.role = role;
    t.style = ts;
    t.spans = std::move(spans);
    return t;
  }

  /// A paragraph of the body's text: the closing mark may follow it.
  void push_text(FlowText t) {
    last_ = {out_.size(), true};
    out_.push_back(std::move(t));
  }

  void push(FlowBlock b) {
    out_.push_back(std::move(b));
    last_.set = false;
  }

  /// The body's end mark ("./."): after the last paragraph's text, or on a
  /// line of its own when the body ends in a table.
  void close_body() {
    if (last_.set) {
      std::vector<text::Span>* spans = nullptr;
      if (auto* t = std::get_if<FlowText>(&out_[last_.at])) spans = &t->spans;
      if (auto* l = std::get_if<FlowList>(&out_[last_.at])) spans = &l->items.back();
      // "./." follows the last sentence directly, its first dot being the
      // sentence's own: "...quyết định./.".
      const std::string& mark = style_.labels.closing_mark;
      bool ends_with_dot =
          !spans->empty() && !spans->back().text.empty() && spans->back().text.back() == '.';
      bool shared_dot = mark.front() == '.' && ends_with_dot;
      spans->push_back({shared_dot ? mark.substr(1) : mark, false, false});
      return;
    }
    style::TextStyle ts = style_.body;
    ts.first_line_indent = 0;
    ts.align = style::TextAlign::right;
    out_.push_back(text(Role::closing_mark, ts, plain(style_.labels.closing_mark)));
  }

  /// The contents title and list where they go; at the start, the body
  /// then begins on a page of its own (by template).
  void insert_contents(size_t at, bool at_start) {
    const auto& c = *report_.contents;
    Flow list;
    FlowText title = text(Role::contents_title, style_.contents.title_text,
                          plain(c.title.empty() ? style_.labels.contents : c.title));
    title.keep_with_next = true;
    title.keep_together = true;
    list.push_back(std::move(title));
    list.push_back(FlowContents{std::move(contents_)});
    if (at_start && style_.contents.new_page_after) list.push_back(FlowBreak{PageSetup{}});
    out_.insert(out_.begin() + static_cast<std::ptrdiff_t>(at),
                std::make_move_iterator(list.begin()), std::make_move_iterator(list.end()));
  }

  /// A bookmark for a heading, and its line in the contents when it is shallow enough.
  void outline(FlowText& h, const std::string& title, int level, bool uppercase) {
    int anchor = ++anchors_;
    std::string shown = uppercase ? text::to_upper(title) : title;
    h.outline = FlowText::Outline{shown, level, anchor};
    if (report_.contents && level <= report_.contents->depth.value_or(style_.contents.depth))
      contents_.push_back({shown, level, anchor});
  }

  /// PHỤ LỤC I: a new page (landscape if asked), the label and title, then
  /// its blocks and its sections numbered afresh, one level below it in the
  /// bookmarks and the contents.
  void appendix(const model::Appendix& a, int k) {
    const auto& as = style_.appendix;
    std::vector<std::pair<std::string_view, std::string>> fields{{"n", roman(k)},
                                                                 {"number", std::to_string(k)}};
    std::string label = core::fill_placeholders(as.label, fields);
    setup_ = PageSetup{};
    setup_.landscape = a.landscape;
    setup_.part = k;
    setup_.restart = as.restart_pages;
    setup_.opens = true;
    setup_.label_prefix = as.restart_pages ? core::fill_placeholders(as.page_label, fields) : "";
    setup_.appendix = label;
    push(FlowBreak{setup_});
    setup_.opens = false;
    setup_.restart = false;

    FlowText head = text(Role::appendix_label, as.label_text, plain(label));
    head.keep_with_next = true;
    head.keep_together = true;
    outline(head, label + ". " + a.title, 1, false);
    out_.push_back(std::move(head));
    FlowText title = text(Role::appendix_title, as.title_text, plain(a.title));
    title.keep_with_next = true;
    title.keep_together = true;
    if (a.subtitle.empty()) title.spacing = {as.title_text.space_before, as.space_after};
    out_.push_back(std::move(title));
    if (!a.subtitle.empty()) {
      FlowText sub = text(Role::appendix_subtitle, as.subtitle_text, plain(a.subtitle));
      sub.keep_with_next = true;
      sub.keep_together = true;
      sub.spacing = {as.subtitle_text.space_before, as.space_after};
      out_.push_back(std::move(sub));
    }
    last_.set = false;
    level_offset_ = 1;
    for (const auto& b : a.body) std::visit([this](const auto& v) { block(v); }, b);
    int n = 0;
    for (const auto& s : a.sections) section(s, ++n);
    level_offset_ = 0;
  }

  void section(const model::Section& s, int n) {
    int level = std::clamp(s.level, 1, 3);
    const auto& hs = style_.headings[level - 1];
    std::string number = heading_number(hs.numbering, n);
    std::string title = number.empty() ? s.title : number + hs.separator + s.title;
    FlowText h = text(Role::heading, hs.text, plain(title));
    h.level = level;
    h.keep_with_next = true;
    h.keep_together = true;
    outline(h, title, std::min(s.level + level_offset_, 3), hs.text.uppercase);
    push(std::move(h));
    for (const auto& b : s.body) std::visit([this](const auto& v) { block(v); }, b);
    int k = 0;
    for (const auto& sub : s.sections) section(sub, ++k);
  }

  /// Schema 2: "{tally}" in body text is the computed "13/15 chỉ tiêu đạt và
  /// vượt" of every indicator (input refuses it when nothing is assessed).
  model::RichText with_tally(const model::RichText& t) const {
    if (tally_.empty()) return t;
    model::RichText out = t;
    for (auto& run : out.runs) {
      for (auto at = run.text.find("{tally}"); at != std::string::npos;
           at = run.text.find("{tally}", at + tally_.size())) {
        run.text.replace(at, 7, tally_);
      }
    }
    return out;
  }

  void block(const model::Paragraph& p) {
    push_text(text(Role::body, style_.body, spans_of(with_tally(p.text))));
  }

  void block(const model::List& l) {
    FlowList list;
    list.numbered = l.style == model::ListStyle::numbered;
    for (const auto& i : l.items) list.items.push_back(spans_of(with_tally(i)));
    if (list.items.empty()) return push(std::move(list));
    last_ = {out_.size(), true};
    out_.push_back(std::move(list));
  }

  void block(const model::Table& t) {
    bool turn = t.landscape && !setup_.landscape;
    if (turn) turn_pages(true);
    push(FlowTable{report_table(t, style_, t.caption.empty() ? 0 : ++tables_)});
    if (turn) turn_pages(false);
  }

  /// A landscape table inside portrait pages: pages of its own, then back.
  /// The headings just before it go with it, so none is left at a page's foot.
  void turn_pages(bool landscape) {
    setup_.landscape = landscape;
    size_t at = out_.size();
    auto kept = [](const FlowBlock& b) {
      const auto* t = std::get_if<FlowText>(&b);
      return t && t->keep_with_next;
    };
    while (landscape && at > 0 && kept(out_[at - 1])) --at;
    out_.insert(out_.begin() + static_cast<std::ptrdiff_t>(at), FlowBreak{setup_});
    if (last_.set && last_.at >= at) ++last_.at;
  }

  /// Label and result always; the target and note columns only when a figure has one.
  TableSpec figures_table(const std::vector<const model::Figure*>& figures) {
    const auto& cols = style_.labels.figures_columns;
    bool targets = false, notes = false;
    for (const auto* f : figures) {
      targets = targets || f->target.has_value();
      notes = notes || !f->note.empty();
    }
    TableSpec spec;
    spec.columns = {titled_column(cols.at(0), style::TextAlign::left, 0),
                    titled_column(cols.at(1), style::TextAlign::right, 22)};
    if (targets) spec.columns.push_back(titled_column(cols.at(2), style::TextAlign::left, 22));
    if (notes) spec.columns.push_back(titled_column(cols.at(3), style::TextAlign::left, 22));
    for (const auto* f : figures) {
      std::vector<std::vector<text::Span>> row{
          plain(f->label), plain(format_figure_value(f->value, f->unit, style_.numbers))};
      if (targets) row.push_back(plain(format_target(*f, style_.labels)));
      if (notes) row.push_back(plain(f->note));
      spec.rows.push_back(std::move(row));
    }
    return spec;
  }

  /// The next term's targets: label and target, and notes where some target has one. A
  /// goal that also gives a `target` keeps the figures table, which can show it.
  TableSpec goals_table(const std::vector<model::Figure>& goals) {
    std::vector<const model::Figure*> figures;
    bool against = false, notes = false;
    for (const auto& f : goals) {
      figures.push_back(&f);
      against = against || f.target.has_value();
      notes = notes || !f.note.empty();
    }
    if (against) return figures_table(figures);
    const auto& cols = style_.labels.goals_columns;
    TableSpec spec;
    spec.columns = {titled_column(cols.at(0), style::TextAlign::left, 0),
                    titled_column(cols.at(1), style::TextAlign::right, 22)};
    if (notes) spec.columns.push_back(titled_column(cols.at(2), style::TextAlign::left, 22));
    for (const auto* f : figures) {
      std::vector<std::vector<text::Span>> row{
          plain(f->label), plain(format_figure_value(f->value, f->unit, style_.numbers))};
      if (notes) row.push_back(plain(f->note));
      spec.rows.push_back(std::move(row));
    }
    return spec;
  }

  void block(const model::FiguresBlock& fb) {
    if (report_.schema >= 2) return indicator_figures(fb);
    std::vector<const model::Figure*> figures;
    for (const auto& id : fb.ids) {
      if (const auto* f = model::find_figure(report_, id)) figures.push_back(f);
    }
    const auto& ks = style_.key_figures;
    if (fb.as ? *fb.as == model::FiguresForm::grid : ks.grid) {
      FlowCards cards{{}, fb.columns.value_or(ks.columns)};
      for (const auto* f : figures) cards.cards.push_back(card_lines(*f, style_));
      return push(std::move(cards));
    }
    push(FlowTable{figures_table(figures)});
  }

  /// Schema 2: the ids name indicators; cards of them, or their results table
  /// without group rows.
  void indicator_figures(const model::FiguresBlock& fb) {
    IndicatorRows rows;
    for (const auto& id : fb.ids) {
      if (const auto* i = model::find_indicator(report_, id)) rows.indicators.push_back(i);
    }
    if (rows.indicators.empty()) return; // input refuses unknown ids
    const auto& ks = style_.key_figures;
    if (fb.as ? *fb.as == model::FiguresForm::grid : ks.grid) {
      FlowCards cards{{}, fb.columns.value_or(ks.columns)};
      for (const auto* i : rows.indicators) cards.cards.push_back(card_lines(*i, style_));
      return push(std::move(cards));
    }
    push(FlowTable{indicators_table({rows}, style_)});
  }

  void block(const model::AwardsBlock& ab) {
    flow_awards(report_.awards, ab, style_, out_);
    last_.set = false;
  }

  void block(const model::GoalsBlock&) {
    const auto& g = report_.goals;
    if (!g.indicators.empty()) {
      push(sub_label(style_, style_.labels.goals_targets));
      push(FlowTable{targets_table(shown_groups(g.indicators), style_)});
    } else if (!g.targets.empty()) {
      push(sub_label(style_, style_.labels.goals_targets));
      push(FlowTable{goals_table(g.targets)});
    }
    if (!g.breakthroughs.empty()) {
      push(sub_label(style_, style_.labels.goals_breakthroughs));
      block(model::List{model::ListStyle::numbered, g.breakthroughs, {}});
    }
    if (!g.tasks.empty()) {
      push(sub_label(style_, style_.labels.goals_tasks));
      block(model::List{model::ListStyle::bullet, g.tasks, {}});
    }
  }

  /// Schema 2's results table, its caption numbered with the report's
  /// tables, and the tally line under it unless the block or template says none.
  void block(const model::IndicatorsBlock& ib) {
    auto groups = shown_groups(report_.indicators, ib.groups);
    if (groups.empty()) return; // input refuses this; no empty table either way
    std::string caption;
    if (!ib.caption.empty()) {
      caption = core::fill_placeholders(
          style_.labels.table_caption, {{"n", std::to_string(++tables_)}, {"caption", ib.caption}});
    }
    push(FlowTable{indicators_table(groups, style_, std::move(caption))});
    if (!ib.tally.value_or(true)) return;
    std::string line = tally_line(groups, style_);
    if (line.empty()) return;
    push_text(text(Role::body, style_.body, plain(line)));
  }

  /// Charts with a caption are numbered in document order: "Biểu đồ 1: ...".
  void block(const model::Chart& c) {
    std::string caption;
    if (!c.caption.empty()) {
      caption = core::fill_placeholders(style_.labels.chart_caption,
                                        {{"n", std::to_string(++charts_)}, {"caption", c.caption}});
    }
    push(FlowChart{&c, std::move(caption)});
  }

  /// Pictures with a caption are numbered in document order: "Hình 1: ...".
  void block(const model::ImageBlock& im) {
    std::string caption;
    if (!im.caption.empty()) {
      caption = core::fill_placeholders(
          style_.labels.image_caption, {{"n", std::to_string(++images_)}, {"caption", im.caption}});
    }
    push(FlowImage{&im, std::move(caption)});
  }

  const model::Report& report_;
  const style::Style& style_;
  LayoutOptions options_;
  PageSetup setup_;                     ///< of the pages being walked
  int anchors_ = 0;                     ///< headings so far
  int level_offset_ = 0;                ///< 1 inside an appendix: its sections sit under it
  std::vector<ContentsEntry> contents_; ///< the contents' lines so far
  Flow out_;
  LastText last_;     ///< the body's last paragraph or list so far
  std::string tally_; ///< schema 2: the tally of every indicator, for "{tally}"
  int charts_ = 0;    ///< captioned charts so far
  int tables_ = 0;    ///< report tables with a caption so far, for "Bảng {n}"
  int images_ = 0;    ///< captioned pictures so far, for "Hình {n}"
};

} // namespace

Flow flow(const model::Report& report, const style::Style& style, const LayoutOptions& options) {
  return Walker(report, style, options).run();
}

} // namespace baocao::layout
