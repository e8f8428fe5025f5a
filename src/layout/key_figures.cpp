#include "layout/key_figures.hpp"

#include <algorithm>

#include "core/number_format.hpp"
#include "core/placeholders.hpp"
#include "layout/figure_text.hpp"

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

namespace {

class KeyFiguresGrid : public Element {
public:
  KeyFiguresGrid(std::vector<const model::Figure*> figures, int columns)
      : figures_(std::move(figures)), columns_(std::max(1, columns)) {}

  double space_after() const override { return after_; }

  /// A row is the smallest piece: it never splits.
  double first_piece(Flow& flow) override {
    prepare(flow);
    return rows_.empty() ? 0 : rows_.front().height;
  }

  void place(Flow& flow, double /*tail*/) override {
    prepare(flow);
    const auto& ks = flow.style().key_figures;
    for (size_t r = 0; r < rows_.size(); ++r) {
      const Row& row = rows_[r];
      if (r > 0) flow.space(ks.gap);
      if (row.height > flow.room() && !flow.at_page_top()) flow.next_page();
      double top = flow.y();
      for (size_t c = 0; c < row.cards.size(); ++c) {
        double x = flow.left() + static_cast<double>(c) * (card_width_ + ks.gap);
        draw_card(flow, row.cards[c], x, top, row.height);
      }
      flow.advance(row.height);
    }
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

  void prepare(Flow& flow) {
    if (prepared_) return;
    prepared_ = true;
    const auto& ks = flow.style().key_figures;
    after_ = ks.space_after;
    card_width_ = (flow.width() - ks.gap * (columns_ - 1)) / columns_;
    double inner = std::max(1.0, card_width_ - 2 * ks.padding);
    for (size_t i = 0; i < figures_.size(); ++i) {
      if (i % static_cast<size_t>(columns_) == 0) rows_.emplace_back();
      Card card;
      for (const auto& line : card_lines(*figures_[i], flow.style())) {
        style::TextStyle ts = line.kind == CardLine::Kind::value   ? ks.value_text
                              : line.kind == CardLine::Kind::unit  ? ks.unit_text
                              : line.kind == CardLine::Kind::label ? ks.label_text
                                                                   : ks.note_text;
        ts.first_line_indent = 0;
        Piece p;
        p.shaped = flow.fonts().shape(make_spec(ts, line.text, inner));
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

  void draw_card(Flow& flow, const Card& card, double x, double top, double height) const {
    const auto& ks = flow.style().key_figures;
    display::Box box;
    box.rect = core::Rect{x, top, card_width_, height};
    box.fill = ks.fill;
    box.fill_color = ks.fill_color;
    box.stroke = ks.rule_width > 0;
    box.stroke_width = ks.rule_width;
    if (box.fill || box.stroke) flow.add(box);
    double y = top + ks.padding;
    for (const auto& p : card.pieces) {
      y += p.before;
      for (const auto& line : p.shaped.lines) {
        flow.place_line_at(line, x + ks.padding, y, p.pitch);
        y += p.pitch;
      }
    }
  }

  std::vector<const model::Figure*> figures_;
  int columns_;
  bool prepared_ = false;
  double after_ = 0;
  double card_width_ = 0;
  std::vector<Row> rows_;
};

} // namespace

std::unique_ptr<Element> make_key_figures_grid(std::vector<const model::Figure*> figures,
                                               int columns) {
  return std::make_unique<KeyFiguresGrid>(std::move(figures), columns);
}

} // namespace baocao::layout
