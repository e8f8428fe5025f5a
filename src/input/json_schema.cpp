#include "input/json_schema.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

#include "input/report_schema.hpp"
#include "input/template_schema.hpp"
#include "input/template_types.hpp"
#include "input/yaml_reader.hpp"

namespace baocao::input {
namespace {

using schema::Key;
using schema::ObjectKind;
using schema::Shape;
using schema::Type;

/// A JSON value kept in insertion order, so the schema reads top-down.
struct Json {
  enum class Kind { literal, object, array };
  Kind kind = Kind::object;
  std::string literal; ///< already JSON: "\"text\"", "1", "true"
  // Names and values side by side: a vector of pair<string, Json> inside Json
  // needs Json complete, which libc++/clang refuse (vector<Json> is allowed).
  std::vector<std::string> names;
  std::vector<Json> values;
  std::vector<Json> elements;

  Json& set(const std::string& name, Json value) {
    names.push_back(name);
    values.push_back(std::move(value));
    return *this;
  }
};

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
        out += buf;
      } else {
        out += c;
      }
    }
  }
  return out + "\"";
}

Json lit(std::string s) {
  Json j;
  j.kind = Json::Kind::literal;
  j.literal = std::move(s);
  return j;
}
Json str(const std::string& s) {
  return lit(quote(s));
}
Json num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return lit(buf);
}
Json array(std::vector<Json> elements) {
  Json j;
  j.kind = Json::Kind::array;
  j.elements = std::move(elements);
  return j;
}
Json strings(const std::vector<std::string>& words) {
  std::vector<Json> out;
  for (const auto& w : words) out.push_back(str(w));
  return array(std::move(out));
}

void write(const Json& j, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
  if (j.kind == Json::Kind::literal) {
    out += j.literal;
  } else if (j.kind == Json::Kind::array) {
    // Short arrays of literals (enums, required keys) stay on one line.
    bool flat = true;
    for (const auto& e : j.elements) flat = flat && e.kind == Json::Kind::literal;
    out += "[";
    for (std::size_t i = 0; i < j.elements.size(); ++i) {
      out += i ? "," : "";
      out += flat ? (i ? " " : "") : "\n" + pad;
      write(j.elements[i], indent + 2, out);
    }
    if (!flat && !j.elements.empty())
      out += "\n" + std::string(static_cast<std::size_t>(indent), ' ');
    out += "]";
  } else {
    out += "{";
    for (std::size_t i = 0; i < j.names.size(); ++i) {
      out += (i ? ",\n" : "\n") + pad + quote(j.names[i]) + ": ";
      write(j.values[i], indent + 2, out);
    }
    if (!j.names.empty()) out += "\n" + std::string(static_cast<std::size_t>(indent), ' ');
    out += "}";
  }
}

/// A plain YAML number or boolean as JSON (YAML allows .5, +1, True).
std::string number_or_bool(const Tree& t) {
  if (is_plain_bool(t)) {
    return t.scalar == "true" || t.scalar == "True" || t.scalar == "TRUE" ? "true" : "false";
  }
  return num(std::strtod(t.scalar.c_str(), nullptr)).literal;
}

/// {"type": t} or, when `key:` with nothing is allowed, {"type": [t, "null"]}.
Json typed(const std::string& type, bool nullable) {
  Json j;
  j.set("type", nullable ? strings({type, "null"}) : str(type));
  return j;
}

// The loader refuses text that is only spaces, tabs and line breaks.
const char* const kNonEmpty = "[^ \\t\\n]";

Json shape_json(const Shape& s) {
  switch (s.type) {
  case Type::text:
  case Type::rich_text: {
    Json j = typed("string", s.nullable);
    if (!s.pattern.empty()) {
      j.set("pattern", str(s.pattern));
    } else if (!s.may_be_empty) {
      j.set("pattern", str(kNonEmpty));
    }
    return j;
  }
  case Type::number:
  case Type::integer: {
    Json j = typed(s.type == Type::number ? "number" : "integer", s.nullable);
    if (s.minimum && s.maximum && *s.minimum == *s.maximum) return j.set("const", num(*s.minimum));
    if (s.minimum) j.set(s.exclusive_minimum ? "exclusiveMinimum" : "minimum", num(*s.minimum));
    if (s.maximum) j.set("maximum", num(*s.maximum));
    return j;
  }
  case Type::date:
    return typed("string", s.nullable).set("pattern", str("^\\d{4}-\\d{2}-\\d{2}$"));
  case Type::boolean:
    return typed("boolean", s.nullable);
  case Type::id:
    return typed("string", s.nullable)
        .set("pattern", str(s.may_be_empty ? "^[A-Za-z0-9_-]*$" : "^[A-Za-z0-9_-]+$"));
  case Type::width:
    // YAML's number forms then the unit, as column_width() reads it; > 0 is the loader's.
    return typed("string", s.nullable)
        .set("pattern", str("^\\+?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)? *(%|mm)$"));
  case Type::choice: {
    Json j;
    std::vector<std::string> values = s.values;
    j.set("enum", strings(values));
    return j;
  }
  case Type::list: {
    Json j = typed("array", s.nullable);
    j.set("items", shape_json(s.items.at(0)));
    if (s.min_items > 0) j.set("minItems", num(static_cast<double>(s.min_items)));
    if (s.max_items > 0) j.set("maxItems", num(static_cast<double>(s.max_items)));
    return j;
  }
  case Type::object: {
    Json ref;
    ref.set("$ref", str("#/$defs/" + s.ref));
    if (!s.nullable) return ref;
    Json j;
    return j.set("anyOf", array({ref, typed("null", false)}));
  }
  case Type::one_of: {
    std::vector<Json> alternatives;
    for (const auto& a : s.items) alternatives.push_back(shape_json(a));
    Json j;
    // anyOf, not oneOf: an empty list of goals targets is both a list of
    // figures and a list of indicators, and is valid.
    return j.set("anyOf", array(std::move(alternatives)));
  }
  case Type::empty:
    return typed("object", s.nullable).set("maxProperties", num(0));
  }
  return Json{};
}

/// "vi — en": yaml-language-server shows `description` on hover and in
/// completion, so both languages are seen at once (docs/editor.md).
std::string describe(const std::string& vi, const std::string& en) {
  return vi + " — " + en;
}

Json object_json(const ObjectKind& k) {
  Json j;
  j.set("type", str("object"));
  j.set("description", str(describe(k.vi, k.en)));
  Json properties;
  std::vector<std::string> required;
  for (const Key& key : k.keys) {
    Json p = shape_json(key.shape);
    p.set("description", str(describe(key.vi, key.en)));
    if (!key.shape.default_json.empty()) p.set("default", lit(key.shape.default_json));
    properties.set(key.name, std::move(p));
    if (key.required) required.push_back(key.name);
  }
  j.set("properties", std::move(properties));
  if (!required.empty()) j.set("required", strings(required));
  j.set("additionalProperties", lit("false"));
  if (!k.exactly_one.empty()) {
    std::vector<Json> alternatives;
    for (const auto& name : k.exactly_one) {
      Json a;
      a.set("required", strings({name}));
      alternatives.push_back(std::move(a));
    }
    j.set("oneOf", array(std::move(alternatives)));
  }
  if (!k.discriminator.empty()) {
    std::vector<Json> rules;
    for (const auto& [value, keys] : k.variants) {
      Json when, props, is;
      // A number discriminates as a number (schema: 2), anything else as text.
      bool numeric = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
      is.set("const", numeric ? lit(value) : str(value));
      props.set(k.discriminator, std::move(is));
      when.set("properties", std::move(props));
      when.set("required", strings({k.discriminator}));
      Json names, then;
      names.set("enum", strings(keys));
      then.set("propertyNames", std::move(names));
      Json rule;
      rule.set("if", std::move(when));
      rule.set("then", std::move(then));
      rules.push_back(std::move(rule));
    }
    j.set("allOf", array(std::move(rules)));
  }
  return j;
}

/// The whole schema: the first kind is the top level, the others its $defs.
std::string schema_text(const std::string& title, const std::vector<ObjectKind>& kinds) {
  Json root;
  root.set("$schema", str("https://json-schema.org/draft/2020-12/schema"));
  root.set("title", str(title));
  Json top = object_json(kinds.front());
  for (std::size_t i = 0; i < top.names.size(); ++i)
    root.set(top.names[i], std::move(top.values[i]));
  Json defs;
  for (std::size_t i = 1; i < kinds.size(); ++i) defs.set(kinds[i].name, object_json(kinds[i]));
  root.set("$defs", std::move(defs));
  std::string out;
  write(root, 0, out);
  return out + "\n";
}

// ---- Templates ------------------------------------------------------------------

/// A default written in YAML, as one line of JSON (YAML's own typing: a
/// plain number or boolean is one, anything else is text).
std::string yaml_to_json(const Tree& t) {
  switch (t.kind) {
  case Tree::Kind::null:
    return "null";
  case Tree::Kind::scalar:
    if (!t.quoted && is_plain_bool(t)) return number_or_bool(t);
    if (!t.quoted && is_plain_number(t)) return number_or_bool(t);
    return quote(t.scalar);
  case Tree::Kind::sequence: {
    std::string out = "[";
    for (std::size_t i = 0; i < t.items.size(); ++i) {
      out += (i ? ", " : "") + yaml_to_json(t.items[i]);
    }
    return out + "]";
  }
  case Tree::Kind::mapping: {
    std::string out = "{";
    for (std::size_t i = 0; i < t.entries.size(); ++i) {
      out += (i ? ", " : "") + quote(t.entries[i].key) + ": " + yaml_to_json(t.entries[i].value);
    }
    return out + "}";
  }
  }
  return "null";
}

/// The $defs name of a template section ("" is the top level).
std::string def_name(const std::string& path) {
  return path.empty() ? "template" : path;
}

std::vector<ObjectKind> template_kinds() {
  namespace ts = template_schema;
  std::vector<ObjectKind> kinds;
  for (const ts::Section& sec : ts::sections()) {
    ObjectKind k;
    k.name = def_name(sec.path);
    k.vi = sec.vi;
    k.en = sec.en;
    // A list section's items are one kind; its keys are those of the first item.
    const std::string prefix = sec.items ? sec.path + "[0]" : sec.path;
    if (sec.items) k.name = "heading";
    for (const ts::Value& v : ts::values()) {
      if (ts::parent_of(v.path) != prefix) continue;
      Key key{ts::key_of(v.path), v.shape, false, v.vi, v.en};
      // Defaults differ from item to item in a list section: none given there.
      if (!sec.items && !v.default_yaml.empty()) {
        key.shape.default_json = yaml_to_json(parse_yaml(v.default_yaml, v.path));
      }
      k.keys.push_back(std::move(key));
    }
    for (const ts::Section& child : ts::sections()) {
      if (child.path.empty() || ts::parent_of(child.path) != prefix) continue;
      Shape ref;
      ref.type = Type::object;
      ref.ref = child.items ? "heading" : def_name(child.path);
      Shape s = ref;
      if (child.items) {
        s = Shape{};
        s.type = Type::list;
        s.items.push_back(ref);
        s.min_items = s.max_items = child.items;
      }
      k.keys.push_back(Key{ts::key_of(child.path), s, false, child.vi, child.en});
    }
    kinds.push_back(std::move(k));
  }
  // A file that extends another may give part of a text style (the rest
  // merges in from its base), and a schema cannot see the base: font and
  // size are left to the loader, which checks them after merging.
  ObjectKind text_style = template_types::text_style_object();
  for (Key& key : text_style.keys) key.required = false;
  kinds.push_back(std::move(text_style));
  return kinds;
}

} // namespace

std::string json_schema() {
  return schema_text("baocao report (schema 1)", schema::object_kinds());
}

std::string template_json_schema() {
  return schema_text("baocao template", template_kinds());
}

} // namespace baocao::input
