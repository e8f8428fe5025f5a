#include "support/page_samples.hpp"

namespace baocao::test {

display::DocumentInfo sample_info() {
  display::DocumentInfo info;
  info.title = "Báo cáo tổng kết nhiệm kỳ";
  info.author = "Văn phòng Đảng ủy Khối";
  info.creator = "baocao test";
  info.year = 2015;
  info.month = 8;
  info.day = 11;
  return info;
}

namespace {

display::Page page(int number, bool landscape, display::PageLabel label, int part) {
  display::Page p;
  p.number = number;
  p.size = landscape ? core::Size{841.89, 595.28} : core::Size{595.28, 841.89};
  p.label = std::move(label);
  p.part = part;
  p.text_area = {56.7, 56.7, p.size.width - 113.4, p.size.height - 113.4};
  display::Box box;
  box.rect = {50, 40, 100, 40};
  box.fill = true;
  box.fill_color = {0, 0, 0};
  box.stroke = false;
  p.items.push_back(box);
  return p;
}

display::Link link_to(int page, double y, int part, double at) {
  display::Link l;
  l.area = {70, at, 300, 14};
  l.page = page;
  l.y = y;
  l.part = part;
  return l;
}

} // namespace

std::vector<display::Page> sample_pages() {
  std::vector<display::Page> pages;
  pages.push_back(page(1, false, {"", 1}, 0));
  pages.back().items.push_back(link_to(2, 100, 0, 200));
  pages.back().items.push_back(link_to(3, 50, 1, 220));
  pages.back().outline.push_back({"MỤC LỤC", 1, 80});
  pages.push_back(page(2, true, {"", 2}, 0));
  pages.back().outline.push_back({"Bảng tổng hợp", 1, 100});
  pages.push_back(page(3, false, {"PL I-", 1}, 1));
  pages.back().outline.push_back({"PHỤ LỤC I", 1, 50});
  pages.back().items.push_back(link_to(3, 400, 1, 500)); // to its own page
  pages.push_back(page(4, false, {"PL I-", 2}, 1));
  pages.back().items.push_back(link_to(3, 200, 1, 300));
  return pages;
}

} // namespace baocao::test
