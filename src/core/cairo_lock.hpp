#pragma once
// One lock around every use of Cairo in the process (the painters, the
// previews, pictures for a DOCX, SVGs rasterised for libharu). Cairo 1.16,
// Debian 12's, keeps a process-wide scaled-glyph cache whose eviction takes
// another thread's font lock in the opposite order to a thread painting with
// that font: two threads painting at once deadlocked (baocao serve under
// load, bench/serve.sh). Layout uses no Cairo (Pango over FreeType), so builds
// still lay out in parallel; only the painting of pages takes turns.
#include <mutex>

namespace baocao::core {

/// Held while Cairo is called, including while Cairo objects are destroyed.
/// Recursive: a painter may call another (an SVG inside a page).
std::unique_lock<std::recursive_mutex> cairo_lock();

} // namespace baocao::core
