#pragma once
// Paragraph shaping and line breaking with Pango, behind FontSystem::shape
// (internal to text: it names Pango types).
#include <string>
#include <vector>

#include <pango/pango.h>

#include "text/font_system.hpp"

namespace baocao::text {

/// Shapes and breaks one paragraph with this context; a character spec.font
/// lacks is drawn from the first `fallback` family that has it.
ShapedParagraph shape_paragraph(PangoContext* context, const ParagraphSpec& spec,
                                const std::vector<std::string>& fallback);

} // namespace baocao::text
