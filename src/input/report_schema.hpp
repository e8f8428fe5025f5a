#pragma once
// The report format as data: for each kind of mapping, its keys, each key's
// type, bounds and a description in Vietnamese and English. The loaders take
// their key and enum lists from here, and json_schema.cpp writes the JSON
// Schema from it, so the editor's schema and the loader cannot drift apart.
// Checks a type cannot state (calendar dates, table spans, figure ids that
// exist, images on disk) stay in the loaders.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baocao::input::schema {

/// The type of one value.
enum class Type {
  text,      ///< non-empty text (a plain number or boolean is not text)
  rich_text, ///< text with **bold** / *italic* markup
  number,    ///< a finite number
  integer,   ///< a whole number
  date,      ///< YYYY-MM-DD
  boolean,
  id,     ///< letters, digits, _ and -
  width,  ///< "25%" or "30mm"
  choice, ///< one of `values`
  list,   ///< a list of `items[0]`
  object, ///< the object kind named `ref`
  one_of, ///< any one of `items`
  empty,  ///< `{}` (a block that takes no settings)
};

struct Shape {
  Type type = Type::text;
  std::vector<std::string> values; ///< choice
  std::optional<double> minimum;
  bool exclusive_minimum = false;
  std::optional<double> maximum;
  std::size_t min_items = 0; ///< list
  std::size_t max_items = 0; ///< list; 0 for no limit
  std::vector<Shape> items;  ///< list: the item; one_of: the alternatives
  std::string ref;           ///< object
  bool may_be_empty = false; ///< text: "" allowed
  bool nullable = false;     ///< `key:` with nothing after it counts as absent
  std::string pattern;       ///< text: a regular expression it matches (colours)
  std::string default_json;  ///< the value taken when the key is left out, as JSON; may be empty
};

struct Key {
  std::string name;
  Shape shape;
  bool required = false;
  std::string vi, en; ///< what the key means
};

/// One kind of mapping ("document", "figure", "block", ...).
struct ObjectKind {
  std::string name;
  std::string vi, en;
  std::vector<Key> keys; ///< in the order the loader's messages list them
  /// When not empty, exactly one of these keys must be given (a block's kind,
  /// a cell's content).
  std::vector<std::string> exactly_one;
  /// A key whose value decides which other keys may appear (a chart's kind),
  /// and for each of its values the keys allowed.
  std::string discriminator;
  std::vector<std::pair<std::string, std::vector<std::string>>> variants;
};

/// Every object kind; the first is the top level ("report").
const std::vector<ObjectKind>& object_kinds();
/// The kind named `name`; an unknown name is a programming error (throws std::logic_error).
const ObjectKind& object(std::string_view name);
/// A key of a kind (throws std::logic_error when absent).
const Key& key(std::string_view kind, std::string_view name);
/// The key names of a kind, in order: what a loader's Mapping accepts.
std::vector<std::string> keys_of(std::string_view kind);
/// The values a choice key accepts.
const std::vector<std::string>& values_of(std::string_view kind, std::string_view name);
/// The keys a discriminated kind allows for one discriminator value.
const std::vector<std::string>& variant_keys(std::string_view kind, std::string_view value);

} // namespace baocao::input::schema
