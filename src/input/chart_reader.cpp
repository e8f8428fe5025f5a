#include "input/chart_reader.hpp"

#include <algorithm>

#include "input/loader_util.hpp"
#include "input/report_schema.hpp"

namespace baocao::input {
namespace {

constexpr std::size_t kMaxSeries = 8; // more colours than this cannot be told apart

/// A value a bar can show: bars grow up from 0, so a negative one cannot be drawn.
double non_negative(const Tree& t, const NumberUse& use) {
  double v = number(t, "a number >= 0", use);
  if (v < 0) fail(t, plain_number(v) + " is negative", "a number >= 0 (bars start at 0)");
  return v;
}

std::string values(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " value" : " values");
}

class ChartReader {
public:
  ChartReader(const Tree& value, const model::Report& report) : value_(value), report_(report) {}

  model::Chart read(const Tree& block) {
    Mapping m(value_, schema::keys_of("chart"), "a chart mapping with kind and data");
    const Tree& kind = m.need("kind", "bars, shares or target");
    std::string k = choice(kind, schema::values_of("chart", "kind"));
    chart_.kind = k == "bars"     ? model::Chart::Kind::bars
                  : k == "shares" ? model::Chart::Kind::shares
                                  : model::Chart::Kind::target;
    chart_.where = block.where;
    // The keys each kind uses: a key of another kind is a mistake, not something to ignore.
    const std::vector<std::string>& allowed = schema::variant_keys("chart", k);
    for (const auto& e : value_.entries) {
      if (std::find(allowed.begin(), allowed.end(), e.key) == allowed.end()) {
        fail_at(e.key_where, value_.path, "\"" + e.key + "\" is not used by a " + k + " chart",
                "one of: " + join(allowed));
      }
    }
    chart_.caption = optional_text(m, "caption");
    chart_.unit = optional_text(m, "unit");
    const Tree* figures = m.find("figures");
    if (figures && m.find("unit")) {
      fail_at(m.entry("unit")->key_where, value_.path,
              "the unit of a chart of figures comes from the figures",
              "no \"unit\" key next to \"figures\"");
    }
    switch (chart_.kind) {
    case model::Chart::Kind::bars:
      read_bars(m, figures);
      break;
    case model::Chart::Kind::shares:
      read_shares(m, figures);
      break;
    case model::Chart::Kind::target:
      read_target(m, figures);
      break;
    }
    return std::move(chart_);
  }

private:
  /// For hints about a number typed with its unit: the chart's unit is read first.
  NumberUse use(const std::string& unit = {}) const {
    return NumberUse{NumberUse::Where::chart, unit.empty() ? chart_.unit : unit, false};
  }

  /// Exactly one source of data: `figures` or the kind's own key(s).
  void one_source(const Mapping& m, const Tree* figures, const std::string& own,
                  const std::string& expected) {
    if (figures && m.find(own)) {
      fail_at(m.entry(own)->key_where, value_.path,
              "the chart has both \"figures\" and \"" + own + "\"", "one of them");
    }
    if (!figures && !m.find(own)) {
      fail(value_, "the chart has no data", expected);
    }
  }

  /// The figures the ids name, all in one unit, each with the item naming it.
  std::vector<std::pair<const model::Figure*, const Tree*>> figures_of(const Tree& list_node) {
    std::vector<std::string> ids;
    for (const auto& f : report_.figures) {
      if (!f.id.empty()) ids.push_back(f.id);
    }
    std::vector<std::pair<const model::Figure*, const Tree*>> out;
    for (const auto& item : list(list_node, 1, "a list of figure ids")) {
      std::string id = text(item);
      const model::Figure* f = model::find_figure(report_, id);
      if (!f) {
        fail(item, "no figure has the id \"" + shorten(id) + "\"" + did_you_mean(id, ids),
             ids.empty() ? "an id given to a figure in the top-level \"figures\" list"
                         : "one of the figure ids: " + join(ids));
      }
      if (!out.empty() && f->unit != out.front().first->unit) {
        auto unit = [](const std::string& u) { return u.empty() ? "no unit" : u; };
        fail(item,
             "the figure \"" + id + "\" is in " + unit(f->unit) + ", but \"" +
                 out.front().first->id + "\" is in " + unit(out.front().first->unit),
             "figures with one unit");
      }
      if (f->value < 0) {
        fail(item, "the figure \"" + id + "\" is negative (" + plain_number(f->value) + ")",
             "figures >= 0 (bars start at 0)");
      }
      out.emplace_back(f, &item);
    }
    chart_.unit = out.front().first->unit;
    return out;
  }

  void read_bars(const Mapping& m, const Tree* figures) {
    one_source(m, figures, "categories", "categories and series, or figures");
    if (figures) {
      model::ChartSeries s;
      for (const auto& [f, item] : figures_of(*figures)) {
        chart_.categories.push_back(f->label);
        s.values.push_back(f->value);
      }
      chart_.series.push_back(std::move(s));
      return;
    }
    for (const auto& c : list(*m.find("categories"), 1, "a list of category labels")) {
      chart_.categories.push_back(text(c));
    }
    const std::size_t n = chart_.categories.size();
    const Tree& series = m.need("series", "a list of series {name, values}");
    const auto& items = list(series, 1, "a list of series {name, values}");
    if (items.size() > kMaxSeries) {
      fail(series, "the chart has " + std::to_string(items.size()) + " series",
           "at most " + std::to_string(kMaxSeries) + " series");
    }
    for (const auto& item : items) {
      Mapping sm(item, schema::keys_of("series"), "a series mapping {name, values}", use());
      model::ChartSeries s;
      s.name = optional_text(sm, "name");
      if (s.name.empty() && items.size() > 1) {
        sm.need("name", "text (the legend names each series)");
      }
      const Tree& vs = sm.need("values", "a list of " + values(n));
      const auto& vals = list(vs, 0, "a list of " + values(n));
      if (vals.size() != n) {
        fail(vs, "the series has " + values(vals.size()), values(n) + ", one per category");
      }
      for (const auto& v : vals) s.values.push_back(non_negative(v, use()));
      chart_.series.push_back(std::move(s));
    }
  }

  void read_shares(const Mapping& m, const Tree* figures) {
    one_source(m, figures, "parts", "parts [{label, value}] or figures");
    const Tree* data = figures ? figures : m.find("parts");
    if (figures) {
      for (const auto& [f, item] : figures_of(*figures)) {
        if (f->unit != "%") {
          fail(*item,
               "the figure \"" + f->id + "\" is in " +
                   (f->unit.empty() ? std::string("no unit") : f->unit) + ", not %",
               "figures given in % (shares of one whole)");
        }
        chart_.items.push_back({f->label, f->value, std::nullopt, std::nullopt});
      }
    } else {
      for (const auto& p : list(*data, 1, "a list of parts {label, value}")) {
        Mapping pm(p, schema::keys_of("part"), "a part mapping {label, value}", use("%"));
        model::ChartItem it;
        it.label = text(pm.need("label", "text"));
        it.value = non_negative(pm.need("value", "a percentage"), use("%"));
        chart_.items.push_back(std::move(it));
      }
    }
    chart_.unit = "%";
    double sum = 0;
    for (const auto& it : chart_.items) sum += it.value;
    // A little slack for rounded shares (33.3 + 33.3 + 33.4).
    if (sum > 100 + 1e-9) {
      fail(*data, "the parts add up to " + plain_number(sum) + "%", "at most 100% in all");
    }
    chart_.rest = optional_text(m, "rest");
  }

  void read_target(const Mapping& m, const Tree* figures) {
    one_source(m, figures, "items", "items [{label, value, target}] or figures");
    if (figures) {
      for (const auto& [f, item] : figures_of(*figures)) {
        if (!f->target) {
          fail(*item, "the figure \"" + f->id + "\" has no target", "figures with a target");
        }
        chart_.items.push_back({f->label, f->value, f->target, std::nullopt});
      }
      return;
    }
    for (const auto& p : list(*m.find("items"), 1, "a list of items {label, value, target}")) {
      Mapping im(p, schema::keys_of("chart_item"), "an item mapping {label, value, target}", use());
      model::ChartItem it;
      it.label = text(im.need("label", "text"));
      it.value = non_negative(im.need("value", "a number"), use());
      it.target =
          number_at_least(im.need("target", "a number > 0"), 0, false, "a number > 0", use());
      chart_.items.push_back(std::move(it));
    }
  }

  const Tree& value_;
  const model::Report& report_;
  model::Chart chart_;
};

} // namespace

model::Chart read_chart(const Tree& value, const Tree& block, const model::Report& report) {
  return ChartReader(value, report).read(block);
}

} // namespace baocao::input
