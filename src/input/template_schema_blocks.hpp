#pragma once
// How a row of the template table is written, and its second half
// (template_schema.cpp holds the first): masthead, signature, labels, chart,
// awards and key figures.
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include "input/template_schema.hpp"
#include "input/template_types.hpp"

namespace baocao::input::template_schema {

/// A row of the table: `field` picks the Style member the value goes to.
template <class T, class Field>
Value value(std::string path, const template_types::Kind<T>& kind, Field field,
            std::string default_yaml, std::string vi, std::string en) {
  static_assert(std::is_same_v<std::invoke_result_t<Field, style::Style&>, T&>,
                "the kind's type and the member's type differ");
  Value v{std::move(path), kind.shape,    std::move(default_yaml),
          std::move(vi),   std::move(en), nullptr};
  v.read = [read = kind.read, field](const Tree& t, style::Style& s) { field(s) = read(t); };
  return v;
}

/// A row read by its own code (checks across keys, one key into two members).
inline Value custom(std::string path, schema::Shape shape, std::string default_yaml, std::string vi,
                    std::string en, std::function<void(const Tree&, style::Style&)> read) {
  return Value{std::move(path), std::move(shape), std::move(default_yaml),
               std::move(vi),   std::move(en),    std::move(read)};
}

/// Appends those rows to `v`, in dang.yaml's order.
void add_blocks(std::vector<Value>& v);

} // namespace baocao::input::template_schema
