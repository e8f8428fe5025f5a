#pragma once
// Key figures as a grid of cards: value, unit, label and, against a target,
// the computed wording ("vượt 53% so với chỉ tiêu") and the target itself.
#include <memory>
#include <string>
#include <vector>

#include "layout/elements.hpp"
#include "model/report.hpp"

namespace baocao::layout {

/// The lines of one card, top to bottom, each with the style key it uses:
/// value ("919", "14,4%"), unit, label, target wording, "Chỉ tiêu: 600", note.
struct CardLine {
  enum class Kind { value, unit, label, note } kind;
  std::string text;
};
std::vector<CardLine> card_lines(const model::Figure& f, const style::Style& style);
/// Schema 2: an indicator's card: the result ("4,25%", "04/09"), the unit
/// unless "%", the label, the computed assessment, "Chỉ tiêu: dưới 2%", note.
std::vector<CardLine> card_lines(const model::Indicator& ind, const style::Style& style);

/// Cards (each its lines, from card_lines) in rows of `columns`; the cards of
/// a row share a height and a row never splits across pages.
std::unique_ptr<Element> make_key_figures_grid(std::vector<std::vector<CardLine>> cards,
                                               int columns);

} // namespace baocao::layout
