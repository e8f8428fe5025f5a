#include "layout/awards.hpp"
#include "layout/text_block.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/number_format.hpp"
#include "core/placeholders.hpp"
#include "layout/blocks.hpp"
#include "layout/table.hpp"

namespace baocao::layout {
namespace {

using Level = model::Award::Level;

/// A lone dash is how the input says "not stated": nothing to print in a sentence.
bool stated(const std::string& s) {
  return !s.empty() && s != "—" && s != "–" && s != "-";
}

struct Group {
  std::string heading; ///< empty: no heading (group_by none)
  std::vector<const model::Award*> entries;
};

/// The awards in display order, split into groups (one unnamed group for
/// group_by none). Linear apart from the one stable sort.
std::vector<Group> arrange(const std::vector<model::Award>& awards, model::AwardsGrouping by,
                           model::AwardsOrder order, const style::Labels& labels) {
  std::vector<const model::Award*> sorted;
  sorted.reserve(awards.size());
  for (const auto& a : awards) sorted.push_back(&a);
  if (order == model::AwardsOrder::year) {
    // Ascending by year, undated last; equal years keep the input order.
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
      if (a->year.has_value() != b->year.has_value()) return a->year.has_value();
      return a->year.value_or(0) < b->year.value_or(0);
    });
  }
  std::vector<Group> groups;
  if (by == model::AwardsGrouping::none) {
    groups.push_back({"", std::move(sorted)});
  } else if (by == model::AwardsGrouping::level) {
    groups = {
        {labels.awards_collective, {}}, {labels.awards_individual, {}}, {labels.awards_mixed, {}}};
    for (const auto* a : sorted) {
      size_t g = a->level == Level::collective ? 0 : a->level == Level::individual ? 1 : 2;
      groups[g].entries.push_back(a);
    }
  } else {
    std::unordered_map<std::string, size_t> index; // authority -> group, first appearance first
    for (const auto* a : sorted) {
      auto [it, added] = index.emplace(a->conferred_by, groups.size());
      if (added) groups.push_back({a->conferred_by, {}});
      groups[it->second].entries.push_back(a);
    }
  }
  std::erase_if(groups, [](const Group& g) { return g.entries.empty(); });
  return groups;
}

class AwardsComposer {
public:
  AwardsComposer(const style::Style& style, Flow& out) : style_(style), out_(out) {}

  void run(const std::vector<model::Award>& awards, const model::AwardsBlock& block) {
    const auto& d = style_.awards;
    bool list = block.as ? *block.as == model::AwardsForm::list : d.list;
    using G = style::AwardsStyle::Grouping;
    auto by =
        block.group_by.value_or(d.group_by == G::level       ? model::AwardsGrouping::level
                                : d.group_by == G::authority ? model::AwardsGrouping::authority
                                                             : model::AwardsGrouping::none);
    auto order =
        block.sort.value_or(d.sort_by_year ? model::AwardsOrder::year : model::AwardsOrder::input);
    bool summary = block.summary.value_or(d.summary);
    bool with_authority = by != model::AwardsGrouping::authority;
    for (const auto& g : arrange(awards, by, order, style_.labels)) {
      if (!g.heading.empty()) out_.push_back(sub_label(style_, g.heading));
      if (list)
        listing(g.entries, with_authority);
      else
        out_.push_back(FlowTable{table(g.entries, with_authority)});
    }
    if (summary) {
      std::string line = awards_summary(awards, style_);
      if (!line.empty()) {
        FlowText t;
        t.style = style_.body;
        t.spans = plain(line);
        out_.push_back(std::move(t));
      }
    }
  }

private:
  /// Numbered lines with a hanging indent, as compose writes a numbered list.
  void listing(const std::vector<const model::Award*>& entries, bool with_authority) {
    FlowList items;
    items.numbered = true;
    for (const auto* a : entries)
      items.items.push_back(plain(award_line(*a, style_.labels, with_authority)));
    out_.push_back(std::move(items));
  }

  TableSpec table(const std::vector<const model::Award*>& entries, bool with_authority) const {
    const auto& cols = style_.labels.awards_columns;
    // Every column sized from its content (the number column from its last
    // number), so "4375" never breaks in a 5,000-row listing and the long
    // award names get what the short columns leave.
    auto column = [](const std::string& title, style::TextAlign align, std::string widest = {}) {
      TableSpec::Column c;
      c.title = plain(title);
      c.align = align;
      c.widest = std::move(widest);
      return c;
    };
    TableSpec spec;
    spec.columns = {column(cols.at(0), style::TextAlign::right, std::to_string(entries.size())),
                    column(cols.at(1), style::TextAlign::left),
                    column(cols.at(2), style::TextAlign::left)};
    if (with_authority) spec.columns.push_back(column(cols.at(3), style::TextAlign::left));
    spec.columns.push_back(column(cols.at(4), style::TextAlign::center));
    int n = 0;
    for (const auto* a : entries) {
      std::string award = a->award;
      if (a->count) award += " (" + times(*a) + ")";
      std::vector<std::vector<text::Span>> row{plain(std::to_string(++n)), plain(a->recipient),
                                               plain(award)};
      if (with_authority) row.push_back(plain(a->conferred_by));
      row.push_back(plain(a->year ? core::format_year(*a->year) : ""));
      spec.rows.push_back(std::move(row));
    }
    return spec;
  }

  std::string times(const model::Award& a) const {
    return core::fill_placeholders(style_.labels.times, {{"count", std::to_string(*a.count)}});
  }

  const style::Style& style_;
  Flow& out_;
};

} // namespace

AwardsCount count_awards(const std::vector<model::Award>& awards) {
  AwardsCount c;
  for (const auto& a : awards) {
    if (a.level == Level::individual) c.individuals += a.recipients;
    if (a.level == Level::collective) c.collectives += a.recipients;
  }
  return c;
}

std::string awards_summary(const std::vector<model::Award>& awards, const style::Style& style) {
  AwardsCount c = count_awards(awards);
  auto number = [&](long long v) {
    return core::format_number(static_cast<double>(v), 0, style.numbers.thousands,
                               style.numbers.decimal);
  };
  const auto& l = style.labels;
  const std::string& pattern = c.individuals && c.collectives ? l.awards_summary
                               : c.individuals                ? l.awards_summary_individuals
                               : c.collectives                ? l.awards_summary_collectives
                                                              : std::string();
  if (pattern.empty()) return "";
  return core::fill_placeholders(
      pattern, {{"individuals", number(c.individuals)}, {"collectives", number(c.collectives)}});
}

std::string award_line(const model::Award& a, const style::Labels& labels, bool with_authority) {
  std::string s = a.recipient + ": " + a.award;
  if (a.count)
    s += ", " + core::fill_placeholders(labels.times, {{"count", std::to_string(*a.count)}});
  std::string aside;
  if (with_authority && stated(a.conferred_by)) aside = a.conferred_by;
  if (a.year) {
    if (!aside.empty()) aside += ", ";
    aside += core::fill_placeholders(labels.awards_year, {{"year", core::format_year(*a.year)}});
  }
  if (!aside.empty()) s += " (" + aside + ")";
  if (s.back() != '.') s += '.';
  return s;
}

void flow_awards(const std::vector<model::Award>& awards, const model::AwardsBlock& block,
                 const style::Style& style, Flow& out) {
  AwardsComposer(style, out).run(awards, block);
}

} // namespace baocao::layout
