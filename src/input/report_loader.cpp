#include "input/report_loader.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/error.hpp"
#include "input/awards_reader.hpp"
#include "input/chart_reader.hpp"
#include "input/image_reader.hpp"
#include "input/indicator_reader.hpp"
#include "input/loader_util.hpp"
#include "input/marks_reader.hpp"
#include "input/markup.hpp"
#include "input/report_files.hpp"
#include "input/report_schema.hpp"
#include "input/table_reader.hpp"
#include "input/yaml_reader.hpp"

namespace baocao::input {
namespace {

const std::string kYear = "a year 1900-2200";
const std::vector<std::string> kBlockKinds = schema::keys_of("block");
const std::string kBlockExpected = "a paragraph (text) or a mapping with one of: paragraph, list, "
                                   "table, figures, awards, goals, chart, indicators, image";

class ReportReader {
public:
  ReportReader(const std::string& file, const LoadOptions& options)
      : files_(file, options.allowed_dirs, report_.external_files, options.request_files),
        images_(files_) {
    report_.where = core::SourceSpan{file, 0, 0};
  }

  model::Report read(const Tree& root) {
    if (root.kind == Tree::Kind::null) {
      fail(root, "the file is empty", "a report starting with \"schema: 1\" (see docs/schema.md)");
    }
    if (root.kind != Tree::Kind::mapping) {
      Mapping top(root, schema::keys_of("report"),
                  "a mapping of report keys: schema, document, term, sections, ...");
    }
    // The schema first: a file for a newer schema should hear that, not
    // about keys this version does not know.
    const Tree* schema = child(root, "schema");
    if (!schema) {
      fail(root, "missing required key \"schema\"",
           "\"schema: 1\" or \"schema: 2\" at the top (docs/schema.md)");
    }
    double version = number(*schema, "1 or 2");
    if (version != 1 && version != 2) {
      fail(*schema, "version " + shorten(schema->scalar) + " is not supported",
           "1, or 2 (indicators, docs/schema-2.md)");
    }
    report_.schema = static_cast<int>(version);
    check_version_keys(root);
    Mapping top(root, schema::variant_keys("report", report_.schema == 1 ? "1" : "2"),
                "a mapping of report keys: schema, document, term, sections, ...");
    report_.template_name = optional_text(top, "template");
    if (const Tree* t = top.find("template")) report_.template_where = t->where;
    report_.document = read_document(top.need("document", "a mapping"));
    report_.term = read_term(top.need("term", "a mapping {from: year, to: year}"));
    if (const Tree* t = top.find("next_term")) report_.next_term = read_term(*t);

    // Figures, awards and goals come before sections, which refer to them.
    read_figures(top);
    if (const Tree* t = top.find("indicators")) {
      report_.indicators = read_indicators(*t, IndicatorUse::results, ids_);
    }
    const auto& awards = optional_list(top, "awards", "a list of awards");
    for (const auto& a : awards) report_.awards.push_back(read_award(a));
    const Tree* goals = top.find("goals");
    if (goals) report_.goals = read_goals(*goals);

    const auto& sections =
        list(top.need("sections", "a list of sections"), 1, "a list of sections");
    for (const auto& s : sections) report_.sections.push_back(read_section(s, 1));

    if (const Tree* t = top.find("closing")) report_.closing = body_text(*t);
    if (const Tree* t = top.find("signature")) report_.signature = read_signature(*t);
    for (const auto& r : optional_list(top, "recipients", "a list of text")) {
      report_.recipients.push_back(text(r));
    }
    report_.source = optional_text(top, "source");
    if (const Tree* t = top.find("contents")) read_contents(*t);
    for (const auto& a : optional_list(top, "appendices", "a list of appendices")) {
      report_.appendices.push_back(read_appendix(a));
    }
    if (const Entry* e = top.entry("draft")) report_.draft = read_draft(e->value, e->key_where);

    // Data given but never placed would silently not appear in the PDF.
    if (!report_.awards.empty() && !awards_placed_) {
      const Entry* e = top.entry("awards");
      fail_at(e->key_where, "awards",
              "the awards are not shown: no section body has an awards block",
              "an \"- awards: {}\" block in a section's body");
    }
    if (!report_.indicators.empty() && !indicators_placed_) {
      const Entry* e = top.entry("indicators");
      fail_at(e->key_where, "indicators",
              "the indicators are not shown: no section body has an indicators or figures block",
              "an \"- indicators: {}\" block in a section's body");
    }
    if (goals && !goals_placed_) {
      const Entry* e = top.entry("goals");
      fail_at(e->key_where, "goals", "the goals are not shown: no section body has a goals block",
              "a \"- goals: {}\" block in a section's body");
    }
    return std::move(report_);
  }

private:
  /// Schema 1 has figures, schema 2 indicators: say which key to rename.
  void check_version_keys(const Tree& root) const {
    auto entry = [&root](std::string_view key) -> const Entry* {
      for (const auto& e : root.entries) {
        if (e.key == key) return &e;
      }
      return nullptr;
    };
    if (report_.schema == 2) {
      if (const Entry* e = entry("figures")) {
        fail_at(e->key_where, "figures", "schema 2 has indicators, not figures",
                "indicators: instead of figures:, and result: instead of each value: "
                "(docs/schema-2.md)");
      }
    } else if (const Entry* e = entry("indicators")) {
      fail_at(e->key_where, "indicators", "indicators are schema 2",
              "schema: 2 at the top (docs/schema-2.md), or figures: as in schema 1");
    }
  }

  model::Document read_document(const Tree& node) {
    Mapping m(node, schema::keys_of("document"),
              "a mapping with kind, place, date, title and issuer");
    model::Document d;
    d.kind = text(m.need("kind", "text"));
    d.number = optional_text(m, "number");
    d.place = text(m.need("place", "text"));
    d.date = date(m.need("date", "a date YYYY-MM-DD"));
    d.title = text(m.need("title", "text"));
    d.subtitle = optional_text(m, "subtitle");
    d.issuer = text(m.need("issuer", "text"));
    d.parent = optional_text(m, "parent");
    for (const auto& a : optional_list(m, "addressees", "a list of text"))
      d.addressees.push_back(text(a));
    if (const Tree* t = m.find("metadata"); t && t->kind != Tree::Kind::null) {
      Mapping meta(*t, schema::keys_of("metadata"), "a mapping with author, subject and keywords");
      d.metadata.author = optional_text(meta, "author");
      d.metadata.subject = optional_text(meta, "subject");
      for (const auto& k : optional_list(meta, "keywords", "a list of text")) {
        d.metadata.keywords.push_back(text(k));
      }
    }
    if (const Tree* t = m.find("urgency")) d.urgency = read_urgency(*t);
    d.circulation = optional_text(m, "circulation");
    // docs/schema.md: the PDF author defaults to the issuer.
    if (d.metadata.author.empty()) d.metadata.author = d.issuer;
    return d;
  }

  static model::Term read_term(const Tree& node) {
    Mapping m(node, schema::keys_of("term"), "a mapping {from: year, to: year}");
    model::Term t;
    t.from = static_cast<int>(whole_number(m.need("from", kYear), 1900, 2200, kYear));
    const Tree& to = m.need("to", kYear);
    t.to = static_cast<int>(whole_number(to, 1900, 2200, kYear));
    if (t.to < t.from) {
      fail(to,
           "the term ends (" + shorten(to.scalar) + ") before it starts (" +
               std::to_string(t.from) + ")",
           "a year from " + std::to_string(t.from) + " on");
    }
    return t;
  }

  static model::Figure read_figure(const Tree& node) {
    Mapping m(node, schema::keys_of("figure"), "a figure mapping with label and value",
              NumberUse{NumberUse::Where::figure, {}, false});
    model::Figure f;
    f.where = node.where;
    f.id = optional_text(m, "id");
    if (!f.id.empty() && !is_id(f.id)) {
      fail(*m.find("id"),
           "the id \"" + shorten(f.id) + "\" has characters other than letters, digits, _ and -",
           "an id such as new_members");
    }
    f.label = text(m.need("label", "text"));
    // The unit first, so a hint about "4,25%" does not ask for a unit already given.
    f.unit = optional_text(m, "unit");
    const NumberUse use{NumberUse::Where::figure, f.unit, false};
    f.value = number(m.need("value", "a number"), "a number", use);
    if (const Tree* t = m.find("target")) {
      f.target = number_at_least(*t, 0, false, "a number > 0", use);
    }
    f.note = optional_text(m, "note");
    return f;
  }

  void read_figures(const Mapping& top) {
    std::map<std::string, std::string> seen; // id -> path of the figure that has it
    for (const auto& node : optional_list(top, "figures", "a list of figures")) {
      model::Figure f = read_figure(node);
      if (!f.id.empty()) {
        auto [it, inserted] = seen.emplace(f.id, node.path);
        if (!inserted) {
          fail(*child(node, "id"),
               "the id \"" + shorten(f.id) + "\" is already used by " + it->second, "a unique id");
        }
      }
      report_.figures.push_back(std::move(f));
    }
  }

  model::Goals read_goals(const Tree& node) {
    Mapping m(node, schema::keys_of("goals"), "a mapping with targets, breakthroughs and tasks");
    model::Goals g;
    if (report_.schema == 2) {
      if (const Tree* t = m.find("targets")) {
        g.indicators = read_indicators(*t, IndicatorUse::next_term, ids_);
      }
    } else {
      for (const auto& t : optional_list(m, "targets", "a list of figures")) {
        g.targets.push_back(read_figure(t));
      }
    }
    for (const auto& t : optional_list(m, "breakthroughs", "a list of text")) {
      g.breakthroughs.push_back(rich_text(t));
    }
    for (const auto& t : optional_list(m, "tasks", "a list of text")) {
      g.tasks.push_back(rich_text(t));
    }
    if (g.targets.empty() && g.indicators.empty() && g.breakthroughs.empty() && g.tasks.empty()) {
      fail(node, "the goals have no targets, breakthroughs or tasks",
           "at least one of targets, breakthroughs, tasks");
    }
    return g;
  }

  model::Signature read_signature(const Tree& node) {
    Mapping m(node, schema::keys_of("signature"), "a mapping with on_behalf_of, role and name");
    model::Signature s;
    s.on_behalf_of = text(m.need("on_behalf_of", "text"));
    s.delegation = optional_text(m, "delegation");
    if (const Tree* t = m.find("image"); t && t->kind != Tree::Kind::null)
      s.image = images_.read(*t, false);
    if (const Tree* t = m.find("seal"); t && t->kind != Tree::Kind::null)
      s.seal = images_.read(*t, false);
    s.role = text(m.need("role", "text"));
    s.name = optional_text(m, "name");
    return s;
  }

  /// `contents: true`, or a mapping of options; `contents: false` is none.
  void read_contents(const Tree& node) {
    model::Contents c;
    c.where = node.where;
    if (node.kind == Tree::Kind::scalar) {
      if (!boolean(node)) return;
      report_.contents = c;
      return;
    }
    Mapping m(node, schema::keys_of("contents"), "true, or a mapping {depth, title, position}");
    if (const Tree* t = m.find("depth")) c.depth = static_cast<int>(number(*t, "1, 2 or 3"));
    c.title = optional_text(m, "title");
    if (const Tree* t = m.find("position")) {
      c.position = choice(*t, schema::values_of("contents", "position")) == "end"
                       ? model::Contents::Position::end
                       : model::Contents::Position::start;
    }
    report_.contents = c;
  }

  model::Appendix read_appendix(const Tree& node) {
    Mapping m(node, schema::keys_of("appendix"), "an appendix mapping with title and body");
    model::Appendix a;
    a.where = node.where;
    a.title = text(m.need("title", "text"));
    a.subtitle = optional_text(m, "subtitle");
    if (const Tree* t = m.find("orientation"))
      a.landscape = choice(*t, schema::values_of("appendix", "orientation")) == "landscape";
    for (const auto& b : optional_list(m, "body", "a list of blocks"))
      a.body.push_back(read_block(b));
    if (const Entry* e = m.entry("sections"); e && e->value.kind != Tree::Kind::null) {
      for (const auto& sub : list(e->value, 1, "a list of sections"))
        a.sections.push_back(read_section(sub, 1));
    }
    if (a.body.empty() && a.sections.empty()) {
      fail(node, "the appendix \"" + shorten(a.title) + "\" has no body and no sections",
           "a \"body\" list, a \"sections\" list, or both");
    }
    return a;
  }

  model::Section read_section(const Tree& node, int level) {
    Mapping m(node, schema::keys_of("section"), "a section mapping with title and body");
    model::Section s;
    s.level = level;
    s.where = node.where;
    s.title = text(m.need("title", "text"));
    for (const auto& b : optional_list(m, "body", "a list of blocks")) {
      s.body.push_back(read_block(b));
    }
    if (const Entry* e = m.entry("sections"); e && e->value.kind != Tree::Kind::null) {
      if (level == 3) {
        fail_at(e->key_where, e->value.path, "sections nest at most 3 levels deep (I., 1., a))",
                "body blocks here instead of a fourth level of sections");
      }
      for (const auto& sub : list(e->value, 1, "a list of sections")) {
        s.sections.push_back(read_section(sub, level + 1));
      }
    }
    if (s.body.empty() && s.sections.empty()) {
      fail(node, "the section \"" + shorten(s.title) + "\" has no body and no sections",
           "a \"body\" list, a \"sections\" list, or both");
    }
    return s;
  }

  /// Schema 2 writes the computed tally where a paragraph says `{tally}`
  /// ("13/15 chỉ tiêu đạt và vượt"); it needs indicators with a status.
  model::RichText body_text(const Tree& node) {
    model::RichText t = rich_text(node);
    if (report_.schema == 2 && t.plain().find("{tally}") != std::string::npos &&
        model::tally(report_.indicators).assessed == 0) {
      fail(node, "{tally} counts the indicators met, but no indicator has a result and a target",
           "indicators with a result and a target, or no {tally}");
    }
    return t;
  }

  model::Block read_block(const Tree& node) {
    if (node.kind == Tree::Kind::scalar) return model::Paragraph{body_text(node)};
    if (node.kind != Tree::Kind::mapping) fail(node, "got " + describe(node), kBlockExpected);
    // `- Kết quả: đạt 100%` is a mapping to YAML; say so rather than only
    // "unknown key", since the user meant a paragraph.
    if (node.entries.size() == 1 &&
        std::find(kBlockKinds.begin(), kBlockKinds.end(), node.entries[0].key) ==
            kBlockKinds.end() &&
        !closest(node.entries[0].key, kBlockKinds) &&
        node.entries[0].value.kind == Tree::Kind::scalar) {
      fail_at(node.entries[0].key_where, node.path,
              "\"" + shorten(node.entries[0].key) +
                  ": ...\" is read as a mapping because of the \": \"",
              "quotes around a paragraph that contains \": \", or one of: " + join(kBlockKinds));
    }
    Mapping m(node, kBlockKinds, kBlockExpected);
    if (node.entries.empty()) fail(node, "the block is empty", kBlockExpected);
    if (node.entries.size() > 1) {
      fail_at(node.entries[1].key_where, node.path,
              "a block has one kind, got \"" + node.entries[0].key + "\" and \"" +
                  node.entries[1].key + "\"",
              "one key per block (start the next block with \"-\")");
    }
    const std::string& kind = node.entries[0].key;
    const Tree& value = node.entries[0].value;
    if (kind == "paragraph") return model::Paragraph{body_text(value)};
    if (kind == "list") return read_list(value, node);
    if (kind == "table") return read_table(value, node.where, files_);
    if (kind == "figures") return read_figures_block(value, node);
    if (kind == "chart") {
      if (report_.schema == 2) return read_indicator_chart(value, node);
      return read_chart(value, node, report_);
    }
    if (kind == "awards") {
      model::AwardsBlock b = read_awards_block(value, node);
      if (report_.awards.empty()) {
        fail(node, "an awards block, but the report has no awards", "a top-level \"awards\" list");
      }
      awards_placed_ = true;
      return b;
    }
    if (kind == "indicators") return read_indicators_block(value, node);
    if (kind == "image") return read_image_block(value, node, images_);
    check_empty_block(value);
    if (report_.goals.targets.empty() && report_.goals.indicators.empty() &&
        report_.goals.breakthroughs.empty() && report_.goals.tasks.empty()) {
      fail(node, "a goals block, but the report has no goals", "a top-level \"goals\" mapping");
    }
    goals_placed_ = true;
    return model::GoalsBlock{node.where};
  }

  /// `goals: {}` takes no settings; `goals:` (null) is the same.
  static void check_empty_block(const Tree& value) {
    if (value.kind == Tree::Kind::null) return;
    if (value.kind != Tree::Kind::mapping) fail(value, "got " + describe(value), "{}");
    if (!value.entries.empty()) {
      fail_at(value.entries[0].key_where, value.path,
              "unknown key \"" + shorten(value.entries[0].key) + "\" (this block takes no keys)",
              "{}");
    }
  }

  model::List read_list(const Tree& value, const Tree& block) {
    Mapping m(value, schema::keys_of("list"), "a mapping {style: bullet|numbered, items: [...]}");
    model::List l;
    l.where = block.where;
    if (const Tree* t = m.find("style")) {
      l.style = choice(*t, schema::values_of("list", "style")) == "numbered"
                    ? model::ListStyle::numbered
                    : model::ListStyle::bullet;
    }
    for (const auto& item : list(m.need("items", "a list of text"), 1, "a list of text")) {
      l.items.push_back(body_text(item));
    }
    return l;
  }

  /// Schema 2: the indicators' results table, of every group or the named ones.
  model::IndicatorsBlock read_indicators_block(const Tree& value, const Tree& block) {
    model::IndicatorsBlock b;
    b.where = block.where;
    if (report_.schema != 2) {
      fail(block, "an indicators block is schema 2",
           "schema: 2 and a top-level indicators list (docs/schema-2.md)");
    }
    if (report_.indicators.empty()) {
      fail(block, "an indicators block, but the report has no indicators",
           "a top-level \"indicators\" list");
    }
    indicators_placed_ = true;
    if (value.kind == Tree::Kind::null) return b;
    Mapping m(value, schema::keys_of("indicators_block"),
              "{} or a mapping {caption: text, groups: [titles], tally: true|false}");
    b.caption = optional_text(m, "caption");
    if (const Tree* t = m.find("tally")) b.tally = boolean(*t);
    if (const Tree* t = m.find("groups")) {
      std::vector<std::string> titles;
      for (const auto& g : report_.indicators) {
        if (!g.title.empty()) titles.push_back(g.title);
      }
      for (const auto& item : list(*t, 1, "a list of group titles")) {
        std::string title = text(item);
        if (std::find(titles.begin(), titles.end(), title) == titles.end()) {
          fail(item, "no group is titled \"" + shorten(title) + "\"" + did_you_mean(title, titles),
               titles.empty() ? "indicators in groups {group: title, indicators: [...]}"
                              : "one of the group titles: " + join(titles));
        }
        if (std::find(b.groups.begin(), b.groups.end(), title) != b.groups.end()) {
          fail(item, "the group \"" + shorten(title) + "\" is named twice", "each group once");
        }
        b.groups.push_back(std::move(title));
      }
    }
    return b;
  }

  /// The ids a figures block or a chart may name: figures (schema 1) or indicators (2).
  std::vector<std::string> known_ids() const {
    std::vector<std::string> ids;
    for (const auto& f : report_.figures) {
      if (!f.id.empty()) ids.push_back(f.id);
    }
    for (const auto& g : report_.indicators) {
      for (const auto& i : g.indicators) {
        if (!i.id.empty()) ids.push_back(i.id);
      }
    }
    return ids;
  }

  /// Schema 2: a chart's `figures` name indicators, each with a number result
  /// (and for a target chart a number target). They are handed to the chart
  /// reader as the figures it draws; the chart then reads as in schema 1.
  model::Chart read_indicator_chart(const Tree& value, const Tree& block) {
    model::Report view;
    view.schema = 2;
    const Tree* ids = value.kind == Tree::Kind::mapping ? child(value, "figures") : nullptr;
    const Tree* kind = value.kind == Tree::Kind::mapping ? child(value, "kind") : nullptr;
    const bool target_chart = kind && kind->kind == Tree::Kind::scalar && kind->scalar == "target";
    if (ids && ids->kind == Tree::Kind::sequence) {
      for (const auto& item : ids->items) {
        if (item.kind != Tree::Kind::scalar) continue;
        const model::Indicator* ind = model::find_indicator(report_, item.scalar);
        if (!ind) continue; // the chart reader says which ids there are
        using K = model::Quantity::Kind;
        if (ind->result.kind != K::number) {
          fail(item, "the indicator \"" + shorten(ind->id) + "\" has no number result",
               "indicators whose result is a number (a count or words cannot be drawn)");
        }
        model::Figure f;
        f.id = ind->id;
        f.label = ind->label;
        f.unit = ind->unit;
        f.value = ind->result.number.value;
        if (target_chart) {
          if (ind->target.kind != K::number || ind->target.number.value <= 0) {
            fail(item, "the indicator \"" + shorten(ind->id) + "\" has no number target above 0",
                 "indicators with a number result and a number target for a target chart");
          }
          if (!model::higher_is_better(*ind)) {
            fail(item, "the indicator \"" + shorten(ind->id) + "\" is better when lower",
                 "indicators where more is better: a target chart fills a bar up to its target");
          }
          f.target = ind->target.number.value;
        }
        view.figures.push_back(std::move(f));
      }
    }
    for (const auto& id : known_ids()) {
      if (!model::find_figure(view, id)) {
        // Ids the chart does not name still appear in its "one of" message.
        model::Figure f;
        f.id = id;
        f.label = id;
        view.figures.push_back(std::move(f));
      }
    }
    model::Chart chart = read_chart(value, block, view);
    if (chart.kind == model::Chart::Kind::target && ids) {
      for (std::size_t i = 0; i < chart.items.size() && i < ids->items.size(); ++i) {
        if (const auto* ind = model::find_indicator(report_, ids->items[i].scalar)) {
          chart.items[i].indicator = *ind;
        }
      }
    }
    return chart;
  }

  model::FiguresBlock read_figures_block(const Tree& value, const Tree& block) {
    model::FiguresBlock fb;
    fb.where = block.where;
    std::vector<std::string> ids = known_ids();
    // `figures: [ids]`, or a mapping {ids: [...], as: grid|table, columns: N}.
    const Tree* id_list = &value;
    if (value.kind == Tree::Kind::mapping) {
      Mapping m(value, schema::keys_of("figures_block"),
                "a list of figure ids, or a mapping {ids: [...], as: grid|table, columns: N}");
      id_list = &m.need("ids", "a list of figure ids");
      if (const Tree* t = m.find("as")) {
        fb.as = choice(*t, schema::values_of("figures_block", "as")) == "grid"
                    ? model::FiguresForm::grid
                    : model::FiguresForm::table;
      }
      if (const Tree* t = m.find("columns")) {
        fb.columns = static_cast<int>(whole_number(*t, 1, 6, "a whole number of cards 1-6"));
      }
    }
    for (const auto& item : list(*id_list, 1, "a list of figure ids")) {
      std::string id = text(item);
      if (report_.schema == 2 ? !model::find_indicator(report_, id)
                              : !model::find_figure(report_, id)) {
        fail(item, "no figure has the id \"" + shorten(id) + "\"" + did_you_mean(id, ids),
             ids.empty() ? "an id given to a figure in the top-level \"figures\" list"
                         : "one of the figure ids: " + join(ids));
      }
      fb.ids.push_back(std::move(id));
    }
    if (report_.schema == 2) indicators_placed_ = true;
    return fb;
  }

  model::Report report_;
  ReportFiles files_; ///< after report_: it lists into report_.external_files
  ImageFiles images_; ///< reads pictures through files_
  bool awards_placed_ = false;
  bool goals_placed_ = false;
  bool indicators_placed_ = false;
  std::map<std::string, std::string> ids_; ///< schema 2: indicator id -> key path that has it
};

} // namespace

model::Report parse_report(std::string_view yaml_text, const std::string& display_name,
                           const LoadOptions& options) {
  Tree root = parse_yaml(yaml_text, display_name);
  return ReportReader(display_name, options).read(root);
}

model::Report load_report(const std::filesystem::path& file, const LoadOptions& options) {
  std::string text = read_file_capped(file);
  return parse_report(text, file.string(), options);
}

} // namespace baocao::input
