#pragma once
// Reading the strings and dates of a PDF dictionary: what verify shows of a
// signature's field name and its /M.
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace baocao::sign {

/// The bytes of a string value: literal "(…)" with its escapes, or hex "<…>"
/// (spaces ignored, an odd last digit followed by 0). Nothing when `value` is
/// neither, or a hex string holds something other than hex digits.
std::optional<std::string> string_bytes(std::string_view value);

/// A text string's bytes as UTF-8: UTF-16BE after its byte-order mark, UTF-8
/// after its mark, else PDFDocEncoding (read as Latin-1, which it is for letters).
std::string text_utf8(std::string_view bytes);

/// A PDF date, "D:YYYYMMDDHHmmSS+HH'mm'" (every part after the year may be
/// left out; Z or no offset is UTC), as seconds since 1970. Nothing when malformed.
std::optional<std::time_t> pdf_date(std::string_view text);

} // namespace baocao::sign
