#pragma once
// The one place that knows YAML: yaml_reader.cpp turns YAML text into a Tree
// (checked UTF-8, NFC strings, unique keys, 1-based character positions and
// key paths) in one parse, building it from yaml-cpp's parser events with its
// private helper yaml_events.hpp; the helpers below read typed values out of
// a Tree with errors a user can act on. The report and template loaders only
// see Trees, so no yaml-cpp type leaves yaml_reader.cpp.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/number_format.hpp"
#include "core/source_span.hpp"
#include "input/messages.hpp"
#include "input/number_hints.hpp"
#include "model/report.hpp"

namespace baocao::input {

/// Files larger than this are refused before parsing: a report is a few
/// hundred kilobytes, and yaml-cpp holds the whole document in memory.
inline constexpr std::size_t kMaxInputBytes = std::size_t{64} << 20;

struct Entry;

/// One YAML value with where it was written and the key path that leads to it.
struct Tree {
  enum class Kind { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  std::string scalar;         ///< scalars only; valid UTF-8, NFC
  bool quoted = false;        ///< quoted, block (| >) or !!str: always text, never a number
  std::vector<Tree> items;    ///< sequences
  std::vector<Entry> entries; ///< mappings, in file order; keys are unique
  core::SourceSpan where;     ///< 1-based line and column (in characters)
  std::string path;           ///< "sections[2].body[0]"; empty for the whole file
  bool flow = false;          ///< written in { } or [ ], where a plain value ends at a comma
};

struct Entry {
  std::string key; ///< NFC
  core::SourceSpan key_where;
  Tree value;
};

/// Parses one YAML document. Syntax errors, invalid UTF-8, duplicate keys,
/// non-text keys, several documents and unsupported tags are InputErrors.
/// An empty document gives a null Tree.
Tree parse_yaml(std::string_view text, const std::string& file);

/// The whole file as bytes. An unreadable file, a folder, or a file larger
/// than max_bytes is an InputError at line 0 of `file`.
std::string read_file_capped(const std::filesystem::path& file,
                             std::size_t max_bytes = kMaxInputBytes);

/// Valid UTF-8 (without NUL bytes) normalised to NFC; nullopt when invalid.
std::optional<std::string> to_nfc(std::string_view s);

// ---- Reading typed values out of a Tree ----------------------------------

/// Throws the InputError for `at` (its position and key path).
[[noreturn]] void fail(const Tree& at, std::string problem, std::string expected);
[[noreturn]] void fail_at(const core::SourceSpan& where, std::string key_path, std::string problem,
                          std::string expected);

/// What the user wrote, for "got ...": "nothing", "a number", "true/false",
/// "text", "a list", "a mapping".
std::string describe(const Tree& t);

/// A plain scalar that YAML would read as a number (2015, -3.5, 1e3, .inf).
bool is_plain_number(const Tree& t);
/// A plain scalar that YAML would read as a boolean (true, False, ...).
bool is_plain_bool(const Tree& t);

/// Text. A plain number or boolean is refused (it must be quoted to be text);
/// an empty string is refused unless allow_empty.
std::string text(const Tree& t, bool allow_empty = false);
/// Text with **bold** and *italic* markup.
model::RichText rich_text(const Tree& t);
/// A finite number (not quoted). `expected` names the range for messages;
/// `use` says where a unit or comparator typed with it belongs, for the hint.
double number(const Tree& t, const std::string& expected = "a number", const NumberUse& use = {});
/// A finite number with min <= value (min_inclusive) or min < value.
double number_at_least(const Tree& t, double min, bool min_inclusive, const std::string& expected,
                       const NumberUse& use = {});
/// A whole number in [lo, hi].
long long whole_number(const Tree& t, long long lo, long long hi, const std::string& expected);
/// true or false.
bool boolean(const Tree& t);
/// A calendar date written YYYY-MM-DD.
core::Date date(const Tree& t);
/// One of `options` (as text); returns it.
std::string choice(const Tree& t, const std::vector<std::string>& options);
/// A list with at least min_items items.
const std::vector<Tree>& list(const Tree& t, std::size_t min_items, const std::string& expected);

/// A mapping whose keys are all known. Construction fails on the first
/// unknown key (suggesting the closest known one, or, for a key YAML split
/// off a value at a comma inside { }, the quotes; `use` is for a number split
/// so); need() fails on a missing key at the mapping's position.
class Mapping {
public:
  Mapping(const Tree& node, std::vector<std::string> known, const std::string& expected,
          const NumberUse& use = {});

  const Tree& node() const { return node_; }
  /// The value under key, or nullptr when the key is absent.
  const Tree* find(std::string_view key) const;
  /// The entry for key (for its key position), or nullptr.
  const Entry* entry(std::string_view key) const;
  /// The value under key; `what` describes it for the message ("text", "a mapping").
  const Tree& need(std::string_view key, const std::string& what) const;

private:
  const Tree& node_;
  std::vector<std::string> known_;
};

} // namespace baocao::input
