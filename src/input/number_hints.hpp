#pragma once
// Hints for the mistakes people make typing figures (issue 13, item 5): a
// Vietnamese decimal comma or thousands dot, a "%" or unit typed after the
// number, a comparator phrase ("dưới 2"), a count ("04/09"), a value YAML
// split at a comma inside { }, an unquoted "%". Plain string functions with
// no YAML in them, so the schema-1 readers and the schema-2 indicator reader
// call the same ones; each returns what to write, or "" when nothing fits.
#include <string>
#include <string_view>
#include <vector>

namespace baocao::input {

/// Where a number is read, which decides where a unit or a comparator typed
/// with it should go instead.
struct NumberUse {
  enum class Where {
    other,     ///< no unit, note or comparator nearby (years, counts)
    figure,    ///< a figure: sibling `unit` and `note` keys
    chart,     ///< a chart: the chart's `unit` key, no note
    table_cell ///< a `number:` cell: no unit; a `text:` cell prints it as written
  } where = Where::other;
  std::string unit;         ///< the unit already given ("%"), so it is not asked for again
  bool comparators = false; ///< the reader has a `comparator` key (schema 2)
};

/// For a scalar that is not a number: " (write value: 4.25 and unit: '%')"
/// and the like, with the leading space and parentheses, or "". `key` is the
/// key the value is under ("value", "target"), empty for a list item.
std::string number_hint(std::string_view typed, std::string_view key, const NumberUse& use = {});

/// YAML ends a plain value at a comma inside { }, so
/// `{label: Thu nhập bình quân, đầu người, value: 38}` has a key "đầu người"
/// without a value. Given the entry before (its key, its plain value) and
/// the keys split off after it, what to write instead:
/// `quotes around a value that contains a comma: label: "Thu nhập bình quân, đầu người"`,
/// or for a number (`value: 4,25%`) the number hint's advice.
std::string comma_split_hint(std::string_view key, std::string_view value,
                             const std::vector<std::string>& split_off, const NumberUse& use = {});

/// A table row `[Tỷ lệ, 4,25%]`: inside [ ] YAML makes the cells "4" and
/// "25%". Given two neighbouring plain cells, what to write instead
/// (`"4,25%" in quotes to print it as written, or 4.25`), or "".
std::string cell_split_hint(std::string_view before, std::string_view after);

/// A plain value YAML refuses because it starts with "%", "@" or "`" (a
/// reserved character): `line` is the line, `pos` the byte of that character
/// in it. Returns "quotes around it: unit: '%'" or "" when the character is
/// none of these.
std::string reserved_start_hint(std::string_view line, std::size_t pos);

} // namespace baocao::input
