#include "input/yaml_prescan.hpp"

#include <string>
#include <vector>

namespace baocao::input::detail {

std::size_t find_deep_nesting(std::string_view text, std::size_t limit) {
  std::vector<std::size_t> indents; // columns of the open block collections
  std::size_t flow = 0;
  char quote = 0;                // ' or " while inside a quoted scalar
  long block_scalar_parent = -1; // skip lines indented more than this
  auto too_deep = [&] { return indents.size() + flow > limit; };
  auto push = [&](std::size_t col) {
    if (indents.empty() || indents.back() < col) indents.push_back(col);
  };
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(i, end - i);
    std::size_t pos = 0;
    if (quote == 0 && flow == 0) {
      std::size_t col = line.find_first_not_of(' ');
      bool blank = col == std::string_view::npos || line[col] == '#' || line[col] == '\r';
      if (block_scalar_parent >= 0 && (blank || static_cast<long>(col) > block_scalar_parent)) {
        i = end + 1;
        continue;
      }
      block_scalar_parent = -1;
      if (blank) {
        i = end + 1;
        continue;
      }
      while (!indents.empty() && indents.back() > col) indents.pop_back();
      push(col);
      pos = col;
      // "- - - x": each compact indicator opens one more collection.
      while (pos < line.size() && (line[pos] == '-' || line[pos] == '?') &&
             (pos + 1 == line.size() || line[pos + 1] == ' ')) {
        std::size_t next = line.find_first_not_of(' ', pos + 1);
        if (next == std::string_view::npos) break;
        pos = next;
        push(pos);
        if (too_deep()) return i + pos;
      }
      if (too_deep()) return i + pos;
    }
    bool node_start = quote == 0 && (flow > 0 || pos == line.find_first_not_of(' '));
    for (std::size_t j = pos; j < line.size(); ++j) {
      char c = line[j];
      if (quote == '\'') {
        if (c == '\'') {
          if (j + 1 < line.size() && line[j + 1] == '\'')
            ++j;
          else
            quote = 0;
        }
        continue;
      }
      if (quote == '"') {
        if (c == '\\')
          ++j;
        else if (c == '"')
          quote = 0;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') continue;
      if (c == '#' && (j == 0 || line[j - 1] == ' ' || line[j - 1] == '\t')) break;
      if ((c == '[' || c == '{') && (flow > 0 || node_start)) {
        ++flow;
        if (too_deep()) return i + j;
        node_start = true;
        continue;
      }
      if (flow > 0 && (c == ']' || c == '}')) {
        --flow;
        node_start = false;
        continue;
      }
      if (flow > 0 && c == ',') {
        node_start = true;
        continue;
      }
      if (c == ':' && (j + 1 == line.size() || line[j + 1] == ' ' || flow > 0)) {
        node_start = true;
        continue;
      }
      if (node_start && (c == '\'' || c == '"')) {
        quote = c;
        node_start = false;
        continue;
      }
      if (node_start && flow == 0 && (c == '|' || c == '>')) {
        block_scalar_parent = static_cast<long>(line.find_first_not_of(' '));
        break;
      }
      if (node_start && (c == '&' || c == '!')) { // an anchor or tag before the value
        while (j + 1 < line.size() && line[j + 1] != ' ') ++j;
        continue;
      }
      node_start = false;
    }
    i = end + 1;
  }
  return std::string_view::npos;
}

} // namespace baocao::input::detail
