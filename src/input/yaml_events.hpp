#pragma once
// Private to yaml_reader.cpp (it names yaml-cpp types): builds a Tree straight
// from yaml-cpp's parser events, so a file is parsed once and no YAML::Node
// graph is ever held. The checks happen in document order, which is the order
// in which a walk over the loaded graph would meet them.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "input/yaml_reader.hpp"

namespace baocao::input::detail {

// A report has a few thousand values (a 50,000-row awards listing about
// 250,000) and nests about ten levels. The caps
// keep hostile input (alias bombs, deep nesting) from exhausting memory or
// the stack; real documents never reach them.
inline constexpr std::size_t kMaxValues = 1000000;
inline constexpr int kMaxDepth = 64;
// Aliases are rare in reports (a repeated column list); a billion-laughs
// bomb is all aliases. Copying a value costs a few microseconds, so this cap
// stops a bomb in well under a second.
inline constexpr std::size_t kMaxAliasValues = 100000;
// One text value (a paragraph, a cell): about six pages. Pango breaks an
// unbreakable run in time quadratic in its length (1 MB took minutes).
inline constexpr std::size_t kMaxScalarChars = 20000;

inline std::string too_deep_problem() {
  return "values nest more than " + std::to_string(kMaxDepth) + " levels deep";
}
inline std::string too_deep_expected() {
  return "the structure described in docs/schema.md";
}

inline std::size_t count_chars(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// Receives the events of the first document (HandleNextDocument) and keeps
/// the start of every document. Problems in the first document are kept, not
/// thrown, so the parse goes on: a syntax error anywhere, a second document or
/// a stray "," is reported first, as when the file was parsed before it was
/// read. After the first problem no event is looked at.
class TreeBuilder final : public YAML::EventHandler {
public:
  TreeBuilder(std::string_view text, const std::string& file) : text_(text), file_(file) {
    stack_.reserve(kMaxDepth + 2);
  }

  std::vector<YAML::Mark> starts; ///< where each document starts

  /// yaml-cpp marks count bytes from 0; users count characters from 1.
  core::SourceSpan span(const YAML::Mark& m) const {
    if (m.pos < 0 || m.line < 0 || m.column < 0) return core::SourceSpan{file_, 0, 0};
    auto pos = static_cast<std::size_t>(m.pos);
    auto column = static_cast<std::size_t>(m.column);
    if (pos > text_.size() || column > pos) {
      return core::SourceSpan{file_, m.line + 1, m.column + 1};
    }
    // Values come in file order: count on from the last one on the same
    // line, or a 1 MB line of flow YAML costs quadratic time (17 s).
    std::size_t line_start = pos - column;
    if (line_start != col_line_start_ || pos < col_pos_) {
      col_line_start_ = line_start;
      col_pos_ = line_start;
      col_chars_ = 0;
    }
    col_chars_ += count_chars(text_.substr(col_pos_, pos - col_pos_));
    col_pos_ = pos;
    int col = 1 + static_cast<int>(col_chars_);
    return core::SourceSpan{file_, m.line + 1, col};
  }

  /// The key path of the value being read, for a syntax error inside it.
  std::string path_here() const {
    if (error_ || stack_.empty()) return {};
    const Frame& f = stack_.back();
    return f.tree.kind == Tree::Kind::mapping && !f.has_key ? f.tree.path : next_path();
  }

  /// The first document's Tree, once the parse is over; throws its first problem.
  Tree take_root() {
    if (error_) std::rethrow_exception(error_);
    if (!have_root_) return Tree{Tree::Kind::null, {}, false, {}, {}, {file_, 1, 1}, {}, false};
    if (needs_fixup_) place_empty_values_at_keys(root_);
    return std::move(root_);
  }

  void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    guarded([&] {
      if (want_key()) not_text_key(span(mark), "nothing");
      Tree t = new_value(span(mark));
      if (anchor) standalone(anchor, t, "");
      place(std::move(t), anchor != 0);
    });
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    guarded([&] {
      if (want_key()) {
        core::SourceSpan where = span(mark);
        std::string name = checked_text(value, where, stack_.back().tree.path);
        if (anchor) {
          standalone(anchor, Tree{Tree::Kind::scalar, name, false, {}, {}, where, {}, false}, tag);
        }
        set_key(std::move(name), std::move(where));
        return;
      }
      Tree t = new_value(span(mark));
      t.kind = Tree::Kind::scalar;
      t.quoted = scalar_is_quoted(tag, t.where, t.path);
      t.scalar = checked_text(value, t.where, t.path);
      if (anchor) standalone(anchor, t, tag);
      place(std::move(t), anchor != 0);
    });
  }

  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    guarded([&] {
      // yaml-cpp only reports aliases to anchors it has seen.
      const Anchor& a = anchors_.at(anchor);
      if (want_key()) {
        const Tree& t = a.open ? stack_[a.level].tree : a.node ? resolve(a) : a.value;
        if (t.kind != Tree::Kind::scalar) not_text_key(t.where, describe_kind(t.kind));
        set_key(t.scalar, t.where);
        return;
      }
      if (a.open) repeat_forever(a.level);
      Tree t;
      if (!a.node) {
        check_alias_value(a.value.where, next_path());
        check_value(a.value.where, next_path(), depth());
        t = a.value;
        t.path = next_path();
        if (t.kind == Tree::Kind::scalar) t.quoted = scalar_is_quoted(a.tag, t.where, t.path);
      } else {
        copy(resolve(a), next_path(), depth(), &t);
      }
      place(std::move(t), true);
    });
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    guarded([&] { open(mark, tag, anchor, Tree::Kind::sequence, style); });
  }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    guarded([&] { open(mark, tag, anchor, Tree::Kind::mapping, style); });
  }
  void OnSequenceEnd() override {
    guarded([&] { close(); });
  }
  void OnMapEnd() override {
    guarded([&] { close(); });
  }

private:
  /// A sequence or mapping being filled.
  struct Frame {
    Tree tree;
    std::uint32_t index = 0;    ///< its item or entry index in the parent frame
    YAML::anchor_t anchor = 0;  ///< 0 when it has no &anchor
    bool has_key = false;       ///< mappings: `key` is read, its value comes next
    std::string key;            ///< NFC
    core::SourceSpan key_where; ///< of `key`
    std::unordered_map<std::string, int> key_lines; ///< large mappings: key -> line
  };

  /// What an &anchor names. Scalars and nulls are kept as a copy (with their
  /// tag: a key's tag is only checked where an alias uses it as a value);
  /// sequences and mappings by their route of indices from the root, since
  /// the vectors holding them move as the tree grows.
  struct Anchor {
    bool open = false; ///< a sequence or mapping still being filled, at stack_[level]
    std::size_t level = 0;
    bool node = false; ///< a finished sequence or mapping, at `route`
    std::vector<std::uint32_t> route;
    Tree value; ///< a scalar or null
    std::string tag;
  };

  template <class F> void guarded(F&& f) {
    if (starts.size() != 1 || error_) return; // later documents, or after a problem
    try {
      f();
    } catch (const core::InputError&) {
      error_ = std::current_exception();
      stack_.clear();
      anchors_.clear();
      root_ = Tree{};
    }
  }

  bool want_key() const {
    return !stack_.empty() && stack_.back().tree.kind == Tree::Kind::mapping &&
           !stack_.back().has_key;
  }
  int depth() const { return static_cast<int>(stack_.size()); }

  std::string next_path() const {
    if (stack_.empty()) return {};
    const Frame& f = stack_.back();
    return f.tree.kind == Tree::Kind::sequence ? item_path(f.tree.path, f.tree.items.size())
                                               : entry_path(f.tree.path, f.key);
  }
  static std::string item_path(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
  }
  static std::string entry_path(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  static std::string describe_kind(Tree::Kind k) {
    return k == Tree::Kind::sequence  ? "a list"
           : k == Tree::Kind::mapping ? "a mapping"
                                      : "nothing";
  }

  [[noreturn]] void not_text_key(const core::SourceSpan& where, const std::string& got) const {
    fail_at(where, stack_.back().tree.path, "a key must be text, got " + got, "key: value");
  }

  /// Counts one more value (an alias counts every value it repeats) and
  /// checks how deep it is.
  void check_value(const core::SourceSpan& where, const std::string& path, int depth) {
    if (++count_ > kMaxValues) {
      fail_at(where, path, "the document has more than " + std::to_string(kMaxValues) + " values",
              "a smaller document (an alias *name repeats the whole anchored value)");
    }
    if (depth > kMaxDepth) fail_at(where, path, too_deep_problem(), too_deep_expected());
  }

  /// Counts one more value repeated by an alias.
  void check_alias_value(const core::SourceSpan& where, const std::string& path) {
    if (++alias_count_ > kMaxAliasValues) {
      fail_at(where, path,
              "aliases repeat more than " + std::to_string(kMaxAliasValues) +
                  " values in all (an alias *name repeats the whole anchored value)",
              "fewer aliases: write the values out, or anchor smaller values");
    }
  }

  Tree new_value(core::SourceSpan where) {
    Tree t;
    t.path = next_path();
    check_value(where, t.path, depth());
    t.where = std::move(where);
    return t;
  }

  void set_key(std::string name, core::SourceSpan where) {
    // yaml-cpp keeps every duplicate key and lookups return the first one, so
    // a second "title:" would be silently ignored: find them here.
    Frame& f = stack_.back();
    const auto& entries = f.tree.entries;
    const int* first_line = nullptr;
    if (entries.size() < 16) {
      auto e = std::find_if(entries.begin(), entries.end(),
                            [&](const Entry& e) { return e.key == name; });
      if (e != entries.end()) first_line = &e->key_where.line;
    } else {
      for (std::size_t i = f.key_lines.size(); i < entries.size(); ++i) {
        f.key_lines.emplace(entries[i].key, entries[i].key_where.line);
      }
      auto it = f.key_lines.find(name);
      if (it != f.key_lines.end()) first_line = &it->second;
    }
    if (first_line) {
      fail_at(where, f.tree.path,
              "duplicate key \"" + name + "\" (first at line " + std::to_string(*first_line) + ")",
              "each key once in a mapping");
    }
    f.key = std::move(name);
    f.key_where = std::move(where);
    f.has_key = true;
  }

  /// Puts a finished value into the open frame (or makes it the root).
  void place(Tree&& t, bool anchored) {
    if (stack_.empty()) {
      root_ = std::move(t);
      have_root_ = true;
      return;
    }
    Frame& f = stack_.back();
    if (f.tree.kind == Tree::Kind::sequence) {
      f.tree.items.push_back(std::move(t));
      return;
    }
    // yaml-cpp places an empty value at the start of the next line; the key
    // is where the user looks for it. Inside an anchored value the mark is
    // kept until the end: an alias repeats the value with its own marks.
    if (t.kind == Tree::Kind::null) {
      if (open_anchors_ == 0 && !anchored) {
        t.where = f.key_where;
      } else {
        needs_fixup_ = true;
      }
    }
    f.tree.entries.push_back(Entry{std::move(f.key), std::move(f.key_where), std::move(t)});
    f.has_key = false;
  }

  static void place_empty_values_at_keys(Tree& t) {
    for (auto& item : t.items) place_empty_values_at_keys(item);
    for (auto& e : t.entries) {
      if (e.value.kind == Tree::Kind::null) e.value.where = e.key_where;
      place_empty_values_at_keys(e.value);
    }
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, Tree::Kind kind,
            YAML::EmitterStyle::value style) {
    if (want_key()) not_text_key(span(mark), describe_kind(kind));
    Frame f;
    f.tree = new_value(span(mark));
    check_collection_tag(tag, f.tree.where, f.tree.path);
    f.tree.kind = kind;
    f.tree.flow = style == YAML::EmitterStyle::Flow;
    if (!stack_.empty()) {
      const Tree& parent = stack_.back().tree;
      f.index = static_cast<std::uint32_t>(
          parent.kind == Tree::Kind::sequence ? parent.items.size() : parent.entries.size());
    }
    f.anchor = anchor;
    if (anchor) {
      Anchor& a = anchor_slot(anchor);
      a.open = true;
      a.level = stack_.size();
      ++open_anchors_;
    }
    stack_.push_back(std::move(f));
  }

  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.anchor) {
      Anchor& a = anchor_slot(f.anchor);
      a.node = true;
      for (std::size_t i = 1; i < stack_.size(); ++i) a.route.push_back(stack_[i].index);
      if (!stack_.empty()) a.route.push_back(f.index);
      // The root itself cannot be aliased: nothing follows it.
      --open_anchors_;
    }
    place(std::move(f.tree), f.anchor != 0);
  }

  Anchor& anchor_slot(YAML::anchor_t anchor) {
    if (anchor >= anchors_.size()) anchors_.resize(anchor + 1);
    anchors_[anchor] = Anchor{};
    return anchors_[anchor];
  }

  void standalone(YAML::anchor_t anchor, const Tree& t, const std::string& tag) {
    Anchor& a = anchor_slot(anchor);
    a.value = t;
    a.tag = tag;
  }

  /// A finished anchored sequence or mapping: its ancestors are open frames
  /// down to some level, then finished items and entries.
  const Tree& resolve(const Anchor& a) const {
    if (stack_.empty()) return root_; // not reached: an alias is inside the root
    const Tree* t = &stack_[0].tree;
    std::size_t level = 0;
    bool on_stack = true;
    for (std::uint32_t i : a.route) {
      if (on_stack && level + 1 < stack_.size() && stack_[level + 1].index == i) {
        t = &stack_[++level].tree;
      } else {
        on_stack = false;
        t = t->kind == Tree::Kind::sequence ? &t->items[i] : &t->entries[i].value;
      }
    }
    return *t;
  }

  /// Repeats `src` at `path` (into *out, or only counts it when out is null).
  void copy(const Tree& src, std::string path, int depth, Tree* out) {
    check_alias_value(src.where, path);
    check_value(src.where, path, depth);
    if (out) {
      out->kind = src.kind;
      out->scalar = src.scalar;
      out->quoted = src.quoted;
      out->flow = src.flow;
      out->where = src.where;
      out->items.reserve(src.items.size());
      out->entries.reserve(src.entries.size());
    }
    for (std::size_t i = 0; i < src.items.size(); ++i) {
      Tree* item = out ? &out->items.emplace_back() : nullptr;
      copy(src.items[i], item_path(path, i), depth + 1, item);
    }
    for (const auto& e : src.entries) {
      Tree* value = nullptr;
      if (out) value = &out->entries.emplace_back(Entry{e.key, e.key_where, {}}).value;
      copy(e.value, entry_path(path, e.key), depth + 1, value);
    }
    if (out) out->path = std::move(path);
  }

  /// An alias inside the value it names (`&a [x, *a]`) repeats it without
  /// end; walk the repetitions, as a walk over the loaded graph would, until
  /// the value count or the depth cap stops it.
  [[noreturn]] void repeat_forever(std::size_t level) {
    std::string path = next_path();
    int d = depth();
    for (;;) {
      for (std::size_t j = level; j < stack_.size(); ++j, ++d) {
        const Frame& f = stack_[j];
        check_alias_value(f.tree.where, path);
        check_value(f.tree.where, path, d);
        for (std::size_t i = 0; i < f.tree.items.size(); ++i) {
          copy(f.tree.items[i], item_path(path, i), d + 1, nullptr);
        }
        for (const auto& e : f.tree.entries) copy(e.value, entry_path(path, e.key), d + 1, nullptr);
        path = f.tree.kind == Tree::Kind::sequence ? item_path(path, f.tree.items.size())
                                                   : entry_path(path, f.key);
      }
    }
  }

  static bool scalar_is_quoted(const std::string& tag, const core::SourceSpan& where,
                               const std::string& path) {
    if (tag == "?") return false; // plain: YAML resolves 2015 to a number
    if (tag == "!" || tag == "tag:yaml.org,2002:str") return true;
    if (tag.rfind("tag:yaml.org,2002:", 0) == 0) return false; // !!int etc.: resolve by content
    fail_at(where, path, "the YAML tag \"" + tag + "\" is not supported", "a value without a tag");
  }

  static void check_collection_tag(const std::string& tag, const core::SourceSpan& where,
                                   const std::string& path) {
    if (tag == "?" || tag.empty() || tag.rfind("tag:yaml.org,2002:", 0) == 0) return;
    fail_at(where, path, "the YAML tag \"" + tag + "\" is not supported", "a value without a tag");
  }

  /// The whole file was validated already, but escapes in double-quoted
  /// strings ("\ud800", "\0") can still produce invalid text.
  static std::string checked_text(const std::string& s, const core::SourceSpan& where,
                                  const std::string& path) {
    if (s.size() > kMaxScalarChars && count_chars(s) > kMaxScalarChars) {
      fail_at(where, path, "the text is " + std::to_string(count_chars(s)) + " characters long",
              "at most " + std::to_string(kMaxScalarChars) +
                  " characters in one value (split a long paragraph into several)");
    }
    auto nfc = to_nfc(s);
    if (!nfc) {
      fail_at(where, path, "the text is not valid UTF-8 (from an escape such as \\0 or \\ud800?)",
              "text without NUL or lone surrogate escapes");
    }
    return std::move(*nfc);
  }

  std::string_view text_;
  const std::string& file_;
  std::vector<Frame> stack_;
  std::vector<Anchor> anchors_; ///< by yaml-cpp's anchor number (from 1, in order)
  int open_anchors_ = 0;        ///< anchored frames on the stack
  bool needs_fixup_ = false;    ///< some empty values still carry yaml-cpp's mark
  Tree root_;
  bool have_root_ = false;
  std::size_t count_ = 0;
  std::size_t alias_count_ = 0;
  mutable std::size_t col_line_start_ = 0, col_pos_ = 0, col_chars_ = 0; ///< span()'s cache
  std::exception_ptr error_;
};

} // namespace baocao::input::detail
