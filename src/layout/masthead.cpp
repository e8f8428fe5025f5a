// Page 1's heading block (issuing bodies left, national or Party title right,
// then the document kind and title centred) and the closing block (recipients
// left, signature right, starting on the same row). Both are placed as one
// piece: they never split across pages.
#include "layout/masthead.hpp"

#include <algorithm>

#include "core/number_format.hpp"
#include "layout/marks.hpp"

namespace baocao::layout {
namespace {

/// Lines of one piece of text in a column, stacked from `top`; returns the new top.
struct Stack {
  display::Frame& frame;
  const Context& ctx;
  double x;
  double width;
  double top;
  double last_line_left = 0;
  double last_line_width = 0;

  double put(const style::TextStyle& ts, const std::string& text, bool place = true) {
    auto shaped = balanced(ts, text);
    double pitch = line_pitch(ts);
    top += ts.space_before;
    for (const auto& line : shaped.lines) {
      if (place) put_line(frame, line, x, top, pitch);
      if (place && ts.underline) {
        double y = line_baseline(line, top, pitch) + line.descent * 0.45;
        frame.add(
            display::Rule{{x + line.x, y}, {x + line.x + line.width, y}, ts.size / 20, ts.color});
      }
      last_line_left = x + line.x;
      last_line_width = line.width;
      top += pitch;
    }
    top += ts.space_after;
    return top;
  }

  /// Centred text that wraps is balanced by the shaper ("ĐẢNG ỦY TRƯỜNG /
  /// TRUNG HỌC" rather than a lone last word), as every centred text is.
  text::ShapedParagraph balanced(const style::TextStyle& ts, const std::string& text) {
    return ctx.fonts.shape(make_spec(ts, text, width));
  }

  /// Distance from the stack's top to the first baseline this text would get.
  double first_baseline(const style::TextStyle& ts, const std::string& text) {
    auto shaped = balanced(ts, text);
    if (shaped.lines.empty()) return 0;
    const auto& line = shaped.lines.front();
    return line_baseline(line, ts.space_before, line_pitch(ts));
  }

  void rule(double length, double width_pts) {
    // Two points below the line box: clear of descenders ("p" in "phúc").
    double mid = x + width / 2;
    frame.add(display::Rule{
        {mid - length / 2, top + 2}, {mid + length / 2, top + 2}, width_pts, core::Color{}});
    top += 4;
  }
};

class Masthead : public Element {
public:
  Masthead(const model::Document& doc, bool blank_number_date)
      : doc_(doc), blank_(blank_number_date) {}
  double first_piece() const override { return 0; }

  /// Laid out once into a frame; page 1 takes it whole.
  void measure(const Context& ctx) override {
    frame_.size.width = ctx.width;
    frame_.size.height = ctx.style.masthead.cover ? lay_cover(ctx) : lay(ctx);
  }

  Placement place(const Region&, const Resume&) override { return {std::move(frame_), {}}; }

private:
  /// Draws the block into frame_; returns its height.
  double lay(const Context& ctx) {
    const auto& ms = ctx.style.masthead;
    const auto& labels = ctx.style.labels;
    double left_w = ctx.width * ms.left_share;
    double top = 0;
    Stack left{frame_, ctx, ctx.left, left_w, top};
    Stack right{frame_, ctx, ctx.left + left_w, ctx.width - left_w, top};

    // The national or Party title; its rule is as long as the line it underlines.
    right.put(ms.motto_text, ms.motto);
    bool under_sub = ms.rule_under_sub && !ms.motto_sub.empty();
    if (!under_sub) right.rule(right.last_line_width, ms.rule_width);
    if (!ms.motto_sub.empty()) {
      right.put(ms.motto_sub_text, ms.motto_sub);
      if (under_sub) right.rule(right.last_line_width, ms.rule_width);
    }

    if (!doc_.parent.empty()) left.put(ms.parent_text, doc_.parent);
    left.put(ms.issuer_text, doc_.issuer);
    if (!ms.issuer_mark.empty()) {
      left.put(ms.number_text, ms.issuer_mark);
    } else {
      left.rule(left.last_line_width * ms.issuer_rule_share, ms.rule_width);
    }
    number_and_date(ctx, left, right,
                    std::max(left.top, right.top + line_pitch(ms.date_text) * 0.5));
    left.top = put_document_marks(frame_, ctx.style, ctx.fonts, doc_, left.x, left.width, left.top);

    Stack centre{frame_, ctx, ctx.left, ctx.width, std::max(left.top, right.top)};
    centre.put(ms.kind_text, doc_.kind);
    centre.put(ms.title_text, doc_.title);
    if (!doc_.subtitle.empty()) centre.put(ms.subtitle_text, doc_.subtitle);
    centre.top += 4; // clear of the title's descenders
    centre.rule(std::min(centre.last_line_width, ctx.width / 4), ms.rule_width);
    for (const auto& line : addressee_lines(doc_, labels)) centre.put(ms.addressee_text, line);
    return centre.top + ms.space_after;
  }

  /// "Số ..." in the left stack and the place and date in the right one, on a
  /// shared baseline (whatever their sizes), starting no higher than `row`.
  void number_and_date(const Context& ctx, Stack& left, Stack& right, double row) const {
    const auto& ms = ctx.style.masthead;
    const auto& labels = ctx.style.labels;
    std::string number = number_line(doc_, labels, blank_);
    std::string date = date_line(doc_, labels, blank_);
    double number_drop = number.empty() ? 0 : left.first_baseline(ms.number_text, number);
    double date_drop = right.first_baseline(ms.date_text, date);
    double baseline = row + std::max(number_drop, date_drop);
    left.top = baseline - number_drop;
    right.top = baseline - date_drop;
    if (!number.empty()) left.put(ms.number_text, number);
    right.put(ms.date_text, date);
  }

  /// A band in the accent colour holding the parent and issuing bodies, the
  /// number and date under it on one baseline, then the kind and a large
  /// title flush left over a short accent rule.
  double lay_cover(const Context& ctx) {
    const auto& ms = ctx.style.masthead;
    const auto& labels = ctx.style.labels;
    const double pad = ms.issuer_text.size * 0.8;
    double top = 0;
    auto band_lines = [&](bool place) {
      Stack band{frame_, ctx, ctx.left + pad, ctx.width - 2 * pad, top + pad};
      if (!doc_.parent.empty()) band.put(ms.parent_text, doc_.parent, place);
      band.put(ms.issuer_text, doc_.issuer, place);
      return band.top + pad;
    };
    double band_bottom = band_lines(false);
    display::Box box;
    box.rect = core::Rect{ctx.left, top, ctx.width, band_bottom - top};
    box.fill = true;
    box.fill_color = ms.accent;
    frame_.add(box);
    band_lines(true);

    Stack left{frame_, ctx, ctx.left, ctx.width / 2, band_bottom};
    Stack right{frame_, ctx, ctx.left + ctx.width / 2, ctx.width / 2, band_bottom};
    number_and_date(ctx, left, right, band_bottom);
    left.top = put_document_marks(frame_, ctx.style, ctx.fonts, doc_, left.x, left.width, left.top);

    Stack title{frame_, ctx, ctx.left, ctx.width, std::max(left.top, right.top)};
    title.put(ms.kind_text, doc_.kind);
    title.put(ms.title_text, doc_.title);
    if (!doc_.subtitle.empty()) title.put(ms.subtitle_text, doc_.subtitle);
    title.top += 4;
    frame_.add(display::Rule{
        {ctx.left, title.top}, {ctx.left + ctx.width / 6, title.top}, ms.rule_width, ms.accent});
    title.top += ms.rule_width;
    for (const auto& a : doc_.addressees) title.put(ms.addressee_text, labels.addressee + " " + a);
    return title.top + ms.space_after;
  }

  const model::Document& doc_;
  bool blank_ = false; ///< the number and date left for the issuing office
  display::Frame frame_;
};

class Closing : public Element {
public:
  Closing(const model::Report& report, bool signature_fields)
      : report_(report), fields_(signature_fields) {}

  double space_before() const override { return before_; }
  bool needs_company() const override { return true; }
  double first_piece() const override { return frame_.size.height; }

  void measure(const Context& ctx) override {
    frame_.size.width = ctx.width;
    frame_.size.height = lay(ctx);
  }

  /// Never split: on this page if it fits, else at the top of the next.
  Placement place(const Region& region, const Resume&) override {
    if (!region.takes_whole(frame_.size.height)) return Placement::push();
    return {std::move(frame_), {}};
  }

  void set_space_before(double v) { before_ = v; }

private:
  /// Draws the block into frame_. Returns its bottom.
  double lay(const Context& ctx) {
    const auto& ss = ctx.style.signature;
    double left_w = ctx.width * 0.45;
    double top = 0;
    Stack left{frame_, ctx, ctx.left, left_w, top};
    Stack right{frame_, ctx, ctx.left + left_w, ctx.width - left_w, top};
    if (!report_.recipients.empty()) {
      left.put(ss.recipients_label_text, ctx.style.labels.recipients);
      for (const auto& line : recipient_lines(report_)) left.put(ss.recipients_text, line);
    }
    if (report_.signature) {
      const auto& sig = *report_.signature;
      right.put(ss.on_behalf_text, sig.on_behalf_of);
      if (!sig.delegation.empty()) right.put(ss.delegation_text, sig.delegation);
      right.put(ss.role_text, sig.role);
      draw_images(frame_, sig, ss, right.x, right.width, right.top);
      right.top += ss.signature_space;
      if (!sig.name.empty()) right.put(ss.name_text, sig.name);
    }
    double bottom = std::max(left.top, right.top);
    return bottom;
  }

  /// The signature image centred in the space left for it; the seal over the
  /// left third of the signature, as official documents are stamped. For a
  /// document to be signed, their rectangles become signature fields and
  /// nothing is drawn: the images are the signatures' appearances.
  void draw_images(display::Frame& frame, const model::Signature& sig,
                   const style::SignatureStyle& ss, double x, double width, double top) const {
    double mid = top + ss.signature_space / 2;
    // Without an image a field keeps the room of one twice as wide as it is tall.
    double h = ss.image_height;
    double sig_width =
        std::min(width, sig.image ? h * sig.image->width_px / sig.image->height_px : 2 * h);
    if (sig.image) h = sig_width * sig.image->height_px / sig.image->width_px;
    const double sig_left = x + (width - sig_width) / 2;
    const core::Rect sig_rect{sig_left, mid - h / 2, sig_width, h};
    if (fields_) {
      frame.add(display::SignatureField{"signer", sig_rect});
    } else if (sig.image) {
      frame.add(display::Image{sig.image->path, sig_rect, sig.image->format});
    }
    if (!sig.seal && !fields_) return;
    double w = ss.seal_size;
    double seal_h = sig.seal ? w * sig.seal->height_px / sig.seal->width_px : w;
    double right_edge = sig.image || fields_ ? sig_left + sig_width / 3 : x + width / 2 + w / 2;
    // Its foot stays clear of the name; it may climb over the title above.
    double y = std::min(mid - seal_h / 2, top + ss.signature_space - seal_h);
    const core::Rect seal_rect{right_edge - w, y, w, seal_h};
    if (fields_) {
      frame.add(display::SignatureField{"organisation", seal_rect});
    } else {
      frame.add(display::Image{sig.seal->path, seal_rect, sig.seal->format});
    }
  }

  const model::Report& report_;
  bool fields_ = false; ///< signature fields instead of images: the document is to be signed
  double before_ = 0;
  display::Frame frame_;
};

} // namespace

std::string number_line(const model::Document& doc, const style::Labels& labels, bool blank) {
  if (blank) return labels.number_prefix + " " + core::blank_number(doc.number);
  return doc.number.empty() ? "" : labels.number_prefix + " " + doc.number;
}

std::string date_line(const model::Document& doc, const style::Labels& labels, bool blank) {
  return blank ? core::format_blank_date(labels.date_pattern, labels.month_names, doc.place)
               : core::format_date(labels.date_pattern, doc.date, labels.month_names, doc.place);
}

/// One addressee on the "Kính gửi:" line; several each on a line of their own.
std::vector<std::string> addressee_lines(const model::Document& doc, const style::Labels& labels) {
  const auto& to = doc.addressees;
  if (to.size() == 1) return {labels.addressee + " " + to.front()};
  std::vector<std::string> lines;
  if (to.empty()) return lines;
  lines.push_back(labels.addressee);
  for (size_t i = 0; i < to.size(); ++i)
    lines.push_back("- " + to[i] + (i + 1 == to.size() ? "." : ";"));
  return lines;
}

std::vector<std::string> recipient_lines(const model::Report& report) {
  std::vector<std::string> lines;
  for (size_t i = 0; i < report.recipients.size(); ++i) {
    bool last = i + 1 == report.recipients.size();
    lines.push_back("- " + report.recipients[i] + (last ? "." : ";"));
  }
  return lines;
}

std::unique_ptr<Element> make_masthead(const model::Document& doc, bool blank_number_date) {
  return std::make_unique<Masthead>(doc, blank_number_date);
}

std::unique_ptr<Element> make_closing(const model::Report& report, const style::Style& style,
                                      bool signature_fields) {
  auto c = std::make_unique<Closing>(report, signature_fields);
  c->set_space_before(style.signature.space_before);
  return c;
}

} // namespace baocao::layout
