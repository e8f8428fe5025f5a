#include "layout/compose.hpp"
#include "layout/text_block.hpp"

#include "layout/blocks.hpp"
#include "layout/chart.hpp"
#include "layout/contents.hpp"
#include "layout/flow.hpp"
#include "layout/image_block.hpp"
#include "layout/key_figures.hpp"
#include "layout/masthead.hpp"

namespace baocao::layout {
namespace {

/// The flow's blocks as elements, each at the width of the pages it goes on.
class Composer {
public:
  Composer(const model::Report& report, const style::Style& style, double width,
           const PageFacts* facts)
      : report_(report), style_(style), width_(width), portrait_width_(width),
        landscape_width_(width + style.page.size.height - style.page.size.width), facts_(facts) {}

  ElementList run(Flow flow) {
    for (auto& b : flow) std::visit([this](auto& v) { element(v); }, b);
    return std::move(out_);
  }

private:
  void element(FlowText& t) {
    auto b = std::make_unique<TextBlock>(t.style, std::move(t.spans), 0, width_);
    b->set_keep_with_next(t.keep_with_next);
    b->set_keep_together(t.keep_together);
    if (t.spacing) b->set_spacing(t.spacing->first, t.spacing->second);
    if (t.outline) b->set_outline(t.outline->title, t.outline->level, t.outline->anchor);
    out_.push_back(std::move(b));
  }

  void element(FlowList& l) { list_items(style_, std::move(l.items), l.numbered, width_, out_); }

  void element(FlowTable& t) { out_.push_back(make_table(std::move(t.spec))); }

  void element(FlowCards& c) {
    out_.push_back(make_key_figures_grid(std::move(c.cards), c.columns));
  }

  void element(FlowChart& c) { out_.push_back(make_chart(*c.chart, std::move(c.caption))); }

  void element(FlowImage& im) { out_.push_back(make_image(*im.image, std::move(im.caption))); }

  void element(FlowMasthead& m) { out_.push_back(make_masthead(*m.document, m.blank_number_date)); }

  void element(FlowClosing& c) {
    out_.push_back(make_closing(report_, style_, c.signature_fields));
  }

  void element(FlowBreak& b) {
    width_ = b.setup.landscape ? landscape_width_ : portrait_width_;
    out_.push_back(std::make_unique<PageBreak>(b.setup));
  }

  void element(FlowContents& c) {
    out_.push_back(std::make_unique<ContentsList>(style_.contents, std::move(c.entries),
                                                  portrait_width_, facts_));
  }

  const model::Report& report_;
  const style::Style& style_;
  double width_; ///< of the pages being composed
  double portrait_width_, landscape_width_;
  const PageFacts* facts_;
  ElementList out_;
};

} // namespace

ElementList compose(const model::Report& report, const style::Style& style, double text_width,
                    const LayoutOptions& options, const PageFacts* facts) {
  return Composer(report, style, text_width, facts).run(flow(report, style, options));
}

} // namespace baocao::layout
