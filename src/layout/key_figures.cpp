#include "layout/key_figures.hpp"

#include <algorithm>

#include "core/number_format.hpp"
#include "core/placeholders.hpp"
#include "layout/figure_text.hpp"
#include "layout/indicator_text.hpp"

namespace baocao::layout {

std::vector<CardLine> card_lines(const model::Figure& f, const style::Style& style) {
  const auto& n = style.numbers;
  std::vector<CardLine> out;
  std::string value = core::format_number(f.value, -1, n.thousands, n.decimal);
  // "14,4%" keeps its sign on the number; any other unit goes on its own line.
  bool percent = f.unit == "%";
  out.push_back({CardLine::Kind::value, percent ? value + "%" : value});
  if (!f.unit.empty() && !percent) out.push_back({CardLine::Kind::unit, f.unit});
  out.push_back({CardLine::Kind::label, f.label});
  if (f.target) {
    out.push_back({CardLine::Kind::note, format_target(f, style.labels)});
    std::string target = core::format_number(*f.target, -1, n.thousands, n.decimal);
    if (percent) target += "%";
    out.push_back({CardLine::Kind::note,
                   core::fill_placeholders(style.labels.key_figures_target, {{"target", target}})});
  }
  if (!f.note.empty()) out.push_back({CardLine::Kind::note, f.note});
  return out;
}

std::vector<CardLine> card_lines(const model::Indicator& ind, const style::Style& style) {
  std::vector<CardLine> out;
  // "%" stays on the number, as on a figure's card; a target alone has no value line.
  std::string value = format_indicator_result(ind, style.numbers, Units::percent_only);
  if (!value.empty()) out.push_back({CardLine::Kind::value, value});
  if (!ind.unit.empty() && ind.unit != "%") out.push_back({CardLine::Kind::unit, ind.unit});
  out.push_back({CardLine::Kind::label, ind.label});
  std::string assessment = format_assessment(ind, style.indicators, style.numbers);
  if (!assessment.empty()) out.push_back({CardLine::Kind::note, assessment});
  std::string target =
      format_indicator_target(ind, style.indicators, style.numbers, Units::percent_only);
  if (!target.empty()) {
    if (!ind.period.empty()) target += " " + ind.period;
    out.push_back({CardLine::Kind::note,
                   core::fill_placeholders(style.labels.key_figures_target, {{"target", target}})});
  }
  if (!ind.note.empty()) out.push_back({CardLine::Kind::note, ind.note});
  return out;
}

namespace {

class KeyFiguresGrid : public Element {
public:
  KeyFiguresGrid(std::vector<std::vector<CardLine>> cards, int columns)
      : cards_(std::move(cards)), columns_(std::max(1, columns)) {}

  double space_after() const override { return after_; }

  void measure(const Context& ctx) override {
    const auto& ks = ctx.style.key_figures;
    style_ = &ks;
    after_ = ks.space_after;
    gap_ = ks.gap;
    card_width_ = (ctx.width - ks.gap * (columns_ - 1)) / columns_;
    double inner = std::max(1.0, card_width_ - 2 * ks.padding);
    for (size_t i = 0; i < cards_.size(); ++i) {
      if (i % static_cast<size_t>(columns_) == 0) rows_.emplace_back();
      Card card;
      for (const auto& line : cards_[i]) {
        style::TextStyle ts = line.kind == CardLine::Kind::value   ? ks.value_text
                              : line.kind == CardLine::Kind::unit  ? ks.unit_text
                              : line.kind == CardLine::Kind::label ? ks.label_text
                                                                   : ks.note_text;
        ts.first_line_indent = 0;
        Piece p;
        p.shaped = ctx.fonts.shape(make_spec(ts, line.text, inner));
        p.pitch = line_pitch(ts);
        // The first line of a card sits at the padding: no space above it.
        p.before = card.pieces.empty() ? 0 : ts.space_before;
        card.height += p.before + static_cast<double>(p.shaped.lines.size()) * p.pitch;
        card.pieces.push_back(std::move(p));
      }
      Row& row = rows_.back();
      row.height = std::max(row.height, card.height + 2 * ks.padding);
      row.cards.push_back(std::move(card));
    }
  }

  /// A row is the smallest piece: it never splits.
  double first_piece() const override { return rows_.empty() ? 0 : rows_.front().height; }

  /// Rows from `from.index`, as many as the region holds.
  Placement place(const Region& region, const Resume& from) override {
    Placement out;
    out.frame.size.width = region.width;
    double y = 0;
    for (size_t r = from.index; r < rows_.size(); ++r) {
      const Row& row = rows_[r];
      if (r > 0 && !region.at_top_after(y)) y += gap_; // dropped at a page's top
      if (!region.takes_whole(row.height, y)) {
        out.rest = Resume::at(r);
        break;
      }
      for (size_t c = 0; c < row.cards.size(); ++c) {
        double x = region.x + static_cast<double>(c) * (card_width_ + gap_);
        draw_card(out.frame, row.cards[c], x, y, row.height);
      }
      y += row.height;
    }
    out.frame.size.height = y;
    return out;
  }

private:
  struct Piece {
    text::ShapedParagraph shaped;
    double pitch = 0;
    double before = 0;
  };
  struct Card {
    std::vector<Piece> pieces;
    double height = 0; ///< content only
  };
  struct Row {
    std::vector<Card> cards;
    double height = 0; ///< the tallest card, padding included
  };

  void draw_card(display::Frame& frame, const Card& card, double x, double top,
                 double height) const {
    const auto& ks = *style_;
    display::Box box;
    box.rect = core::Rect{x, top, card_width_, height};
    box.fill = ks.fill;
    box.fill_color = ks.fill_color;
    box.stroke = ks.rule_width > 0;
    box.stroke_width = ks.rule_width;
    if (box.fill || box.stroke) frame.add(box);
    double y = top + ks.padding;
    for (const auto& p : card.pieces) {
      y += p.before;
      for (const auto& line : p.shaped.lines) {
        put_line(frame, line, x + ks.padding, y, p.pitch);
        y += p.pitch;
      }
    }
  }

  std::vector<std::vector<CardLine>> cards_;
  int columns_;
  const style::KeyFiguresStyle* style_ = nullptr;
  double after_ = 0;
  double gap_ = 0;
  double card_width_ = 0;
  std::vector<Row> rows_;
};

} // namespace

std::unique_ptr<Element> make_key_figures_grid(std::vector<std::vector<CardLine>> cards,
                                               int columns) {
  return std::make_unique<KeyFiguresGrid>(std::move(cards), columns);
}

} // namespace baocao::layout
