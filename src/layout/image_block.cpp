#include "layout/image_block.hpp"

#include <algorithm>

#include "layout/lines.hpp"

namespace baocao::layout {
namespace {

/// A CSS pixel (1/96 inch) in points: a picture's natural size.
constexpr double kPointsPerPixel = 72.0 / 96.0;

class ImageElement : public Element {
public:
  ImageElement(model::ImageBlock block, std::string caption)
      : block_(std::move(block)), caption_(std::move(caption)) {}

  double space_before() const override { return before_; }
  double space_after() const override { return after_; }
  /// All of it at its smallest: a picture is never cut.
  double first_piece() const override { return smallest_; }

  void measure(const Context& ctx) override {
    const auto& is = ctx.style.image;
    before_ = is.space_before;
    after_ = is.space_after;
    min_scale_ = std::clamp(is.min_scale, 0.01, 1.0);
    caption_above_ = is.caption_above;
    if (!caption_.empty()) {
      caption_style_ = is.caption_text;
      caption_style_.first_line_indent = 0;
      caption_text_ = ctx.fonts.shape(make_spec(caption_style_, caption_, ctx.width));
      caption_h_ = static_cast<double>(caption_text_.lines.size()) * line_pitch(caption_style_) +
                   is.caption_gap;
    }
    const double aspect = image_aspect(block_);
    double w = image_width(block_, ctx.width);
    // A page holds the picture and its caption: a tall one is made narrower.
    const double room = std::max(1.0, ctx.page_height - caption_h_);
    if (w * aspect > room) w = room / aspect;
    width_ = w;
    height_ = w * aspect;
    smallest_ = caption_h_ + height_ * min_scale_;
  }

  Placement place(const Region& region, const Resume& /*from*/) override {
    double scale = 1;
    if (!region.takes_whole(caption_h_ + height_)) {
      // Shrinks to fill the page's foot rather than leave it empty, as far
      // as the template allows; else the whole picture moves on.
      if (min_scale_ >= 1 || !region.takes_whole(smallest_)) return Placement::push();
      scale = std::clamp((region.height - caption_h_) / height_, min_scale_, 1.0);
    }
    const double w = std::min(width_ * scale, region.width), h = w * height_ / width_;
    double x = region.x;
    if (block_.align == model::ImageAlign::center) x += (region.width - w) / 2;
    if (block_.align == model::ImageAlign::right) x += region.width - w;
    Placement out;
    double image_top = caption_above_ ? caption_h_ : 0;
    display::Image picture;
    picture.file = block_.image.path;
    picture.format = block_.image.format;
    picture.rect = core::Rect{x, image_top, w, h};
    picture.alt = block_.alt;
    out.frame.add(std::move(picture));
    if (!caption_.empty()) {
      const double gap =
          caption_h_ - static_cast<double>(caption_text_.lines.size()) * line_pitch(caption_style_);
      double top = caption_above_ ? 0 : h + gap;
      const double pitch = line_pitch(caption_style_);
      const double dx = caption_shift(region, x + w / 2);
      for (const auto& line : caption_text_.lines) {
        put_line(out.frame, line, region.x + dx, top, pitch);
        top += pitch;
      }
    }
    out.frame.size = core::Size{region.width, caption_h_ + h};
    return out;
  }

private:
  /// A centred caption is centred under the picture (one standing left or
  /// right of the text area), as far as the text area allows; the caption was
  /// shaped once for the whole text width, so only its place changes.
  double caption_shift(const Region& region, double centre) const {
    if (caption_style_.align != style::TextAlign::center || caption_text_.lines.empty()) return 0;
    double lo = region.width, hi = 0;
    for (const auto& line : caption_text_.lines) {
      lo = std::min(lo, line.x);
      hi = std::max(hi, line.x + line.width);
    }
    const double dx = centre - (region.x + (lo + hi) / 2);
    return std::clamp(dx, -lo, std::max(-lo, region.width - hi));
  }

  model::ImageBlock block_;
  std::string caption_;
  style::TextStyle caption_style_;
  text::ShapedParagraph caption_text_;
  double caption_h_ = 0;          ///< the caption's lines and the gap to the picture; 0 without one
  double width_ = 0, height_ = 0; ///< the picture at full size, fitted to a page
  double smallest_ = 0;           ///< caption and picture at min_scale
  double min_scale_ = 1;
  bool caption_above_ = false;
  double before_ = 0, after_ = 0;
};

} // namespace

double image_aspect(const model::ImageBlock& block) {
  return static_cast<double>(block.image.height_px) / std::max(1, block.image.width_px);
}

double image_width(const model::ImageBlock& block, double text_width) {
  double w = 0;
  switch (block.width.kind) {
  case model::ColumnWidth::Kind::automatic:
    w = block.image.width_px * kPointsPerPixel;
    break;
  case model::ColumnWidth::Kind::mm:
    w = core::mm(block.width.value);
    break;
  case model::ColumnWidth::Kind::percent:
    w = text_width * block.width.value / 100;
    break;
  }
  return std::min(w, text_width);
}

std::unique_ptr<Element> make_image(const model::ImageBlock& block, std::string caption) {
  return std::make_unique<ImageElement>(block, std::move(caption));
}

} // namespace baocao::layout
