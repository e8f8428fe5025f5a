#pragma once
// Private to yaml_reader.cpp: a cheap look at the raw bytes before yaml-cpp
// parses them. yaml-cpp's parser recurses once per nesting level, so a file
// of 100,000 "[" (or "- - - ...") must be refused before it is parsed, not
// by the tree builder, which only sees events after the recursion.
#include <cstddef>
#include <string_view>

namespace baocao::input::detail {

/// An estimate of the nesting depth of each point of `text`: flow brackets
/// ([ {) outside quotes and comments, plus the block collections opened by
/// deeper indentation and by compact "- " / "? " indicators. Block scalar
/// (| >) contents are skipped. Returns the byte offset where the estimate
/// first exceeds `limit`, or npos. It can overestimate (a plain scalar whose
/// continuation lines indent further), so callers give it a margin.
std::size_t find_deep_nesting(std::string_view text, std::size_t limit);

} // namespace baocao::input::detail
