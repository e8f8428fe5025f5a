// The paginator: the one place pages start. An element only fills the
// region it is given and says where to resume.
#include <catch2/catch.hpp>

#include "layout/paginator.hpp"
#include "support/pipeline.hpp"

using namespace baocao;

namespace {

/// Slabs of a fixed height, never split, each a box: the smallest element
/// that continues over pages. It records how many pages the sink had when
/// each region was offered.
class Slabs : public layout::Element {
public:
  Slabs(size_t count, double height, const std::vector<int>& pages_seen, std::vector<int>& log)
      : count_(count), height_(height), pages_seen_(pages_seen), log_(log) {}
  void measure(const layout::Context&) override { measured_ += 1; }
  double first_piece() const override { return height_; }
  layout::Placement place(const layout::Region& region, const layout::Resume& from) override {
    log_.push_back(static_cast<int>(pages_seen_.size()));
    layout::Placement out;
    double y = 0;
    for (size_t i = from.index; i < count_; ++i) {
      if (!region.takes_whole(height_, y)) {
        out.rest = layout::Resume::at(i);
        break;
      }
      out.frame.add(display::Box{{region.x, y, region.width, height_}, true, {}, false, {}, 0});
      y += height_;
    }
    out.frame.size = {region.width, y};
    return out;
  }
  int measured_ = 0;

private:
  size_t count_;
  double height_;
  const std::vector<int>& pages_seen_;
  std::vector<int>& log_;
};

/// Remembers each page's number and boxes as it arrives.
class PageLog : public display::Sink {
public:
  void begin(const display::DocumentInfo&) override {}
  void page(display::Page&& p) override {
    numbers.push_back(p.number);
    int boxes = 0;
    for (const auto& item : p.items) {
      if (const auto* b = std::get_if<display::Box>(&item)) {
        ++boxes;
        CHECK(b->rect.y >= p.text_area.y - 1e-6);
        CHECK(b->rect.bottom() <= p.text_area.bottom() + 1e-6);
      }
    }
    box_counts.push_back(boxes);
  }
  void end() override {}
  std::vector<int> numbers;
  std::vector<int> box_counts;
};

} // namespace

TEST_CASE("the paginator starts the pages an element continues on, and streams them",
          "[layout][paginator]") {
  auto style = test::builtin_template("dang");
  PageLog sink;
  layout::Paginator paginator(style, test::bundled_fonts(), sink);
  double room = paginator.context().page_height;
  // Ten slabs a quarter of a page high (less a hair): four to a page.
  std::vector<int> offered_at;
  auto slabs = std::make_unique<Slabs>(10, room / 4 - 0.01, sink.numbers, offered_at);
  Slabs* s = slabs.get();
  layout::ElementList elements;
  elements.push_back(std::move(slabs));
  paginator.run(elements);
  CHECK(s->measured_ == 1);
  CHECK(sink.numbers == std::vector<int>{1, 2, 3});
  CHECK(sink.box_counts == std::vector<int>{4, 4, 2});
  // Each region came after the page before it had gone to the sink.
  CHECK(offered_at == std::vector<int>{0, 1, 2});
}

TEST_CASE("an element that does not fit below another is pushed whole to the next page",
          "[layout][paginator]") {
  auto style = test::builtin_template("dang");
  PageLog sink;
  layout::Paginator paginator(style, test::bundled_fonts(), sink);
  double room = paginator.context().page_height;
  std::vector<int> first_log, second_log;
  layout::ElementList elements;
  elements.push_back(std::make_unique<Slabs>(1, room * 0.6, sink.numbers, first_log));
  elements.push_back(std::make_unique<Slabs>(1, room * 0.6, sink.numbers, second_log));
  paginator.run(elements);
  CHECK(sink.box_counts == std::vector<int>{1, 1});
  CHECK(second_log == std::vector<int>{0, 1}); // offered the rest of page 1, then page 2
}
