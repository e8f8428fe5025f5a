#pragma once
// Justified paragraphs broken by total fit (internal to text: it names Pango types).
#include <optional>
#include <vector>

#include <pango/pango.h>

#include "text/font_system.hpp"
#include "text/unbreakable.hpp"

namespace baocao::text {

/// Breaks a justified paragraph whose text and attributes `layout` holds,
/// shaped once on a single unbroken line (no width set), into lines of
/// spec.width chosen together (total_fit.hpp), their spaces stretched or
/// shrunk to fill the measure. No line breaks inside a `bound` range; one
/// breaks inside an `avoided` range (a slashed document number) only where
/// every other choice leaves a line looser than spec.justify.max_space.
/// Returns nothing where Pango must break instead: a hard line break, a
/// right-to-left run, or a word wider than the measure that may break.
std::optional<ShapedParagraph> break_justified(PangoLayout* layout, const ParagraphSpec& spec,
                                               const std::vector<ByteRange>& bound,
                                               const std::vector<ByteRange>& avoided);

} // namespace baocao::text
