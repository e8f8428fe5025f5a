#include "input/markup.hpp"

#include <cstddef>

#include "core/error.hpp"

namespace baocao::input {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

/// Up to max_chars characters of `s` from `from`, with "…" when cut, so the
/// message shows where the marker is without quoting a whole paragraph.
std::string snippet(std::string_view s, std::size_t from, std::size_t max_chars = 24) {
  std::size_t end = from;
  std::size_t chars = 0;
  while (end < s.size() && chars < max_chars) {
    ++end;
    // Skip UTF-8 continuation bytes so the cut never splits a character.
    while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
    ++chars;
  }
  std::string out(s.substr(from, end - from));
  if (end < s.size()) out += "…";
  return out;
}

class MarkupParser {
public:
  MarkupParser(std::string_view text, const core::SourceSpan& where, const std::string& key_path)
      : text_(text), where_(where), key_path_(key_path) {}

  model::RichText run() {
    std::size_t i = 0;
    while (i < text_.size()) {
      char c = text_[i];
      if (c == '\\' && i + 1 < text_.size() && (text_[i + 1] == '*' || text_[i + 1] == '\\')) {
        current_ += text_[i + 1];
        i += 2;
        continue;
      }
      if (c != '*') {
        current_ += c;
        ++i;
        continue;
      }
      std::size_t n = 0;
      while (i + n < text_.size() && text_[i + n] == '*') ++n;
      marker(i, n);
      i += n;
    }
    flush();
    if (bold_ || italic_) unclosed();
    model::RichText out;
    out.runs = std::move(runs_);
    out.where = where_;
    return out;
  }

private:
  void marker(std::size_t at, std::size_t n) {
    if (n > 3) {
      throw core::InputError(where_, key_path_,
                             "\"" + std::string(n, '*') + "\" is not markup, at \"" +
                                 snippet(text_, at) + "\"",
                             "** for bold, * for italic, *** for both, or \\* for a literal "
                             "asterisk");
    }
    flush();
    // Three asterisks toggle both styles, which both opens ***both*** and
    // closes the end of "**bold *and italic***".
    if (n == 1 || n == 3) toggle(italic_, italic_at_, italic_len_, at, n);
    if (n == 2 || n == 3) toggle(bold_, bold_at_, bold_len_, at, n);
  }

  static void toggle(bool& on, std::size_t& opened_at, std::size_t& opened_len, std::size_t at,
                     std::size_t n) {
    on = !on;
    opened_at = on ? at : kNone;
    opened_len = on ? n : 0;
  }

  void flush() {
    if (current_.empty()) return;
    if (!runs_.empty() && runs_.back().bold == bold_ && runs_.back().italic == italic_) {
      runs_.back().text += current_;
    } else {
      runs_.push_back(model::Run{current_, bold_, italic_});
    }
    current_.clear();
  }

  [[noreturn]] void unclosed() const {
    // Name the marker opened first: that is the one the user forgot to close.
    std::size_t at = kNone;
    std::size_t len = 0;
    std::string what;
    if (bold_ && italic_ && bold_at_ == italic_at_) {
      at = bold_at_;
      len = 3;
      what = "bold italic";
    } else if (bold_ && (!italic_ || bold_at_ < italic_at_)) {
      at = bold_at_;
      len = bold_len_;
      what = "bold";
    } else {
      at = italic_at_;
      len = italic_len_;
      what = "italic";
    }
    std::string closing = what == "bold italic" ? "***" : what == "bold" ? "**" : "*";
    throw core::InputError(where_, key_path_,
                           "unclosed \"" + std::string(len, '*') + "\" (" + what + ") at \"" +
                               snippet(text_, at) + "\"",
                           "a closing \"" + closing + "\", or \\* for a literal asterisk");
  }

  std::string_view text_;
  const core::SourceSpan& where_;
  const std::string& key_path_;
  std::vector<model::Run> runs_;
  std::string current_;
  bool bold_ = false;
  bool italic_ = false;
  std::size_t bold_at_ = kNone, italic_at_ = kNone;
  std::size_t bold_len_ = 0, italic_len_ = 0;
};

} // namespace

model::RichText parse_markup(std::string_view text, const core::SourceSpan& where,
                             const std::string& key_path) {
  return MarkupParser(text, where, key_path).run();
}

} // namespace baocao::input
