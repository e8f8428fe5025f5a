#include "input/awards_reader.hpp"

#include "input/loader_util.hpp"
#include "input/report_schema.hpp"

namespace baocao::input {

namespace {
const std::string kYear = "a year 1900-2200";
} // namespace

model::Award read_award(const Tree& node) {
  Mapping m(node, schema::keys_of("award"),
            "an award mapping with recipient, award and conferred_by");
  model::Award a;
  a.where = node.where;
  a.recipient = text(m.need("recipient", "text"));
  a.award = text(m.need("award", "text"));
  a.conferred_by = text(m.need("conferred_by", "text"));
  if (const Tree* t = m.find("year")) {
    a.year = static_cast<int>(whole_number(*t, 1900, 2200, kYear));
  }
  if (const Tree* t = m.find("count")) {
    a.count = static_cast<int>(whole_number(*t, 1, 1000000, "a whole number of at least 1"));
  }
  if (const Tree* t = m.find("level")) {
    a.level = choice(*t, schema::values_of("award", "level")) == "collective"
                  ? model::Award::Level::collective
                  : model::Award::Level::individual;
  }
  if (const Tree* t = m.find("recipients")) {
    a.recipients = static_cast<int>(whole_number(*t, 1, 100000000, "a whole number of at least 1"));
  }
  return a;
}

model::AwardsBlock read_awards_block(const Tree& value, const Tree& block) {
  model::AwardsBlock b;
  b.where = block.where;
  if (value.kind == Tree::Kind::null) return b; // `awards:`: the template's defaults
  Mapping m(value, schema::keys_of("awards_block"),
            "{} or a mapping with as, group_by, sort and summary");
  if (const Tree* t = m.find("as")) {
    b.as = choice(*t, schema::values_of("awards_block", "as")) == "list" ? model::AwardsForm::list
                                                                         : model::AwardsForm::table;
  }
  if (const Tree* t = m.find("group_by")) {
    std::string g = choice(*t, schema::values_of("awards_block", "group_by"));
    b.group_by = g == "level"       ? model::AwardsGrouping::level
                 : g == "authority" ? model::AwardsGrouping::authority
                                    : model::AwardsGrouping::none;
  }
  if (const Tree* t = m.find("sort")) {
    b.sort = choice(*t, schema::values_of("awards_block", "sort")) == "year"
                 ? model::AwardsOrder::year
                 : model::AwardsOrder::input;
  }
  if (const Tree* t = m.find("summary")) b.summary = boolean(*t);
  return b;
}

} // namespace baocao::input
