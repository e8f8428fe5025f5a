#pragma once
// Finds the characters that no font could draw: layout gives such a cluster
// glyph 0 (.notdef, Pango's "unknown glyph"), which a painter would show as an
// empty box. A forwarding sink, so it sees every page as it streams past.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "display/display_list.hpp"

namespace baocao::display {

/// A character drawn as .notdef, and how many times.
struct MissingCharacter {
  char32_t code = 0;
  std::string utf8;
  int count = 0;
};

/// Records the characters of every cluster drawn with glyph 0, in the order
/// first seen, then passes the page on unchanged.
class MissingGlyphSink : public Sink {
public:
  explicit MissingGlyphSink(Sink& next) : next_(next) {}
  void begin(const DocumentInfo& info) override { next_.begin(info); }
  void page(Page&& page) override;
  void end() override { next_.end(); }

  /// Adds the run's missing characters (exposed for tests).
  void scan(const GlyphRun& run);
  const std::vector<MissingCharacter>& found() const { return found_; }

private:
  Sink& next_;
  std::vector<MissingCharacter> found_;
  std::unordered_map<char32_t, size_t> index_;
};

} // namespace baocao::display
