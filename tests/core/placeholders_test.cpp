#include <catch2/catch.hpp>

#include "core/placeholders.hpp"

using baocao::core::fill_placeholders;

TEST_CASE("placeholders are filled everywhere they stand, values taken as written", "[core]") {
  CHECK(fill_placeholders("vượt {percent}% so với chỉ tiêu", {{"percent", "53"}}) ==
        "vượt 53% so với chỉ tiêu");
  CHECK(fill_placeholders("{a}-{b}-{a}", {{"a", "1"}, {"b", "2"}}) == "1-2-1");
  // A value is written as it is, even when it looks like a placeholder;
  // unknown names stay.
  CHECK(fill_placeholders("{a} {unknown}", {{"a", "{b}"}, {"b", "x"}}) == "{b} {unknown}");
  CHECK(fill_placeholders("a { b", {{"b", "x"}}) == "a { b");
  CHECK(fill_placeholders("{page}", {{"page", "{page}"}}) == "{page}");
}
