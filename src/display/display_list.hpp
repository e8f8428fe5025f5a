#pragma once
// The display list: finished pages of positioned items. Layout produces it;
// painters consume it and decide nothing. Coordinates are points, origin at the
// page's top-left corner, y downwards.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/geometry.hpp"
#include "core/image_format.hpp"

namespace baocao::display {

/// One glyph, positioned absolutely on the page (baseline origin).
struct Glyph {
  uint32_t id = 0;
  double x = 0;
  double y = 0;
};

/// Maps a stretch of the run's text to the glyphs that draw it (in order).
/// Text extraction and the PDF's ActualText-like cluster maps come from this.
struct Cluster {
  uint32_t text_bytes = 0;
  uint32_t glyph_count = 0;
};

/// Glyphs of one font at one size, with the source text of each cluster.
struct GlyphRun {
  std::string font_file; ///< absolute path of the TrueType/OpenType file
  int face_index = 0;
  double size = 0; ///< points (em size)
  core::Color color;
  std::vector<Glyph> glyphs;
  std::string text; ///< UTF-8 text the glyphs draw
  std::vector<Cluster> clusters;
  double baseline = 0; ///< y of the baseline (same for every glyph here)
  double x_end = 0;    ///< x where the run's advance ends
  double ascent = 0;   ///< line box above the baseline, points
  double descent = 0;  ///< line box below the baseline, points
  /// Degrees, counter-clockwise as seen on the page, about `pivot` (a draft
  /// watermark across the page): glyph positions are given before the turn.
  double angle = 0;
  core::Point pivot;
};

/// A straight line.
struct Rule {
  core::Point from;
  core::Point to;
  double width = 0.5;
  core::Color color;
};

/// A rectangle, filled and/or stroked.
struct Box {
  core::Rect rect;
  bool fill = false;
  core::Color fill_color;
  bool stroke = false;
  core::Color stroke_color;
  double stroke_width = 0.5;
};

/// A clickable area pointing at a URI, or (uri empty) at a place in the
/// document: a contents line's target heading.
struct Link {
  core::Rect area;
  std::string uri;
  int page = 0; ///< internal target: 1-based page number in the document (Page::number)
  double y = 0; ///< internal target: the y (from the page's top) shown at the window's top
  /// internal target: its page's Page::part. With --split-appendices a link
  /// into another part's file is dropped (that file has its own page numbers).
  int part = 0;
};

/// A PNG, JPEG or SVG picture scaled into a rectangle (a signature, a seal,
/// a picture in the body).
struct Image {
  std::string file; ///< absolute path
  core::Rect rect;
  core::ImageFormat format = core::ImageFormat::png;
  std::string alt = {}; ///< what it shows, kept for tagged output; may be empty
};

/// Where a digital signature's appearance goes (issue 15): layout puts the
/// signer's and the organisation's here instead of their images when the
/// document is to be signed. Painters draw nothing for it; the signing step
/// turns it into a named signature field with this rectangle.
struct SignatureField {
  std::string name; ///< "signer", "organisation"
  core::Rect rect;
};

using Item = std::variant<GlyphRun, Rule, Box, Link, Image, SignatureField>;

/// Moves a run by (dx, dy): glyph positions and baseline.
void translate(GlyphRun& run, double dx, double dy);

/// A bookmark: a heading's title and where it starts.
struct OutlineEntry {
  std::string title;
  int level = 1; ///< 1 = top level
  double y = 0;  ///< top of the heading on its page
  /// Layout's number for the heading (1, 2, … in document order; 0 none): a
  /// contents page finds where its headings landed by it.
  int anchor = 0;
};

/// A page's PDF page label (what a viewer shows as its number): `prefix`
/// then `number` in decimal; number 0 shows the prefix alone.
struct PageLabel {
  std::string prefix; ///< "", "PL I-"
  int number = 0;
};

struct Page {
  int number = 1;  ///< 1-based, counted through the whole document
  core::Size size; ///< per page: a landscape page is wider than high
  PageLabel label; ///< the number printed on the page, as the PDF's page label
  /// 0: the report; k: its k-th appendix (--split-appendices writes each part to its own file).
  int part = 0;
  core::Rect text_area; ///< where body content may go (inside the margins)
  std::vector<Item> items;
  std::vector<OutlineEntry> outline;
};

/// Moves any item by (dx, dy): the one way a laid-out piece is put in place.
void translate(Item& item, double dx, double dy);

/// A laid-out piece (a paragraph's lines on one page, a table's rows, a
/// chart): its size and its items and bookmarks relative to its top-left
/// corner. Elements fill frames; only the paginator puts them on pages.
struct Frame {
  core::Size size;
  std::vector<Item> items;
  std::vector<OutlineEntry> outline; ///< y from the frame's top

  void add(Item item) { items.push_back(std::move(item)); }
  /// Moves `piece` in with its top-left corner at `at` (this frame's coordinates).
  void add(Frame&& piece, core::Point at);
};

/// Moves the frame's items and bookmarks onto the page, its top-left corner at `at`.
void put(Page& page, Frame&& frame, core::Point at);

/// Document-wide facts a painter writes into the file.
struct DocumentInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords; ///< comma-separated
  std::string creator;
  /// Creation and modification time, UTC: the report's date at midnight
  /// unless SOURCE_DATE_EPOCH or --date says otherwise (never the clock, so
  /// output is reproducible). year 0: no date.
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
};

/// Receives pages as layout finishes them, so no stage holds a whole document.
class Sink {
public:
  virtual ~Sink() = default;
  virtual void begin(const DocumentInfo& info) = 0;
  virtual void page(Page&& page) = 0;
  virtual void end() = 0;
};

/// Keeps every page: for tests and the text dump.
class CollectingSink : public Sink {
public:
  void begin(const DocumentInfo& info) override { info_ = info; }
  void page(Page&& page) override { pages_.push_back(std::move(page)); }
  void end() override {}
  const DocumentInfo& info() const { return info_; }
  const std::vector<Page>& pages() const { return pages_; }

private:
  DocumentInfo info_;
  std::vector<Page> pages_;
};

/// Forwards to several sinks (dump and paint in one run).
class TeeSink : public Sink {
public:
  explicit TeeSink(std::vector<Sink*> sinks) : sinks_(std::move(sinks)) {}
  void begin(const DocumentInfo& info) override;
  void page(Page&& page) override;
  void end() override;

private:
  std::vector<Sink*> sinks_;
};

/// The run's line box: from its first pen position to x_end, from
/// baseline - ascent to baseline + descent.
core::Rect run_bounds(const GlyphRun& run);

} // namespace baocao::display
