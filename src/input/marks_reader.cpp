#include "input/marks_reader.hpp"

#include <algorithm>

#include "input/loader_util.hpp"
#include "input/report_schema.hpp"

namespace baocao::input {
namespace {

/// docs/limits.md: a draft names at most this many pages, each at most kMaxPage.
constexpr std::size_t kMaxListedPages = 1000;
constexpr long long kMaxPage = 100000;

} // namespace

model::Urgency read_urgency(const Tree& node) {
  std::string word = choice(node, schema::values_of("document", "urgency"));
  if (word == "khan") return model::Urgency::khan;
  if (word == "thuong_khan") return model::Urgency::thuong_khan;
  return model::Urgency::hoa_toc;
}

std::optional<model::Draft> read_draft(const Tree& node, const core::SourceSpan& key) {
  model::Draft d;
  d.where = key;
  if (node.kind == Tree::Kind::scalar && !node.quoted && is_plain_bool(node)) {
    if (!boolean(node)) return std::nullopt;
    return d;
  }
  if (node.kind != Tree::Kind::mapping) {
    fail(node, "got " + describe(node),
         "true, false, or a mapping {label, pages, watermark} (docs/marks.md)");
  }
  Mapping m(node, schema::keys_of("draft"), "a mapping with label, pages and watermark");
  d.label = optional_text(m, "label");
  if (const Tree* w = m.find("watermark")) d.watermark = boolean(*w);
  if (const Tree* p = m.find("pages")) {
    if (p->kind == Tree::Kind::sequence) {
      const auto& items = list(*p, 1, "a list of page numbers, such as [1, 3]");
      if (items.size() > kMaxListedPages) {
        fail(*p, "names " + std::to_string(items.size()) + " pages",
             "at most " + std::to_string(kMaxListedPages) + " page numbers, or all");
      }
      d.pages = model::Draft::Pages::listed;
      for (const auto& item : items) {
        int page = static_cast<int>(whole_number(item, 1, kMaxPage, "a page number from 1"));
        if (std::find(d.listed.begin(), d.listed.end(), page) != d.listed.end()) {
          fail(item, "page " + std::to_string(page) + " is listed twice", "each page once");
        }
        d.listed.push_back(page);
      }
      std::sort(d.listed.begin(), d.listed.end());
    } else {
      d.pages = choice(*p, {"first", "all"}) == "all" ? model::Draft::Pages::all
                                                      : model::Draft::Pages::first;
    }
  }
  return d;
}

} // namespace baocao::input
