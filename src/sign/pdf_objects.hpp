#pragma once
// Just enough of a PDF reader to append an incremental update to a file with
// classic cross-reference tables (what Cairo and libharu write): the objects'
// offsets, the last trailer, and the raw text of dictionary values.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace baocao::sign {

struct PdfFile {
  std::string bytes;
  size_t startxref = 0;          ///< offset of the last cross-reference section
  std::map<int, size_t> offsets; ///< object number -> offset of "N 0 obj", newest revision
  std::string trailer;           ///< the last trailer's dictionary, "<< … >>"
  std::vector<size_t> sections;  ///< each cross-reference section's offset, newest first
  int size = 0;                  ///< the trailer's /Size
};

/// Reads the cross-reference chain. Throws core::InputError (naming `name`)
/// when the file is not a PDF this reader can update.
PdfFile read_pdf(std::string bytes, const std::string& name);

/// The text of object `number`, between "N 0 obj" and "endobj" (for a stream
/// object, its dictionary only).
std::string object_text(const PdfFile& pdf, int number, const std::string& name);

/// The raw text of `key`'s value in a dictionary ("/Root 1 0 R" gives "1 0 R"),
/// or nothing.
std::optional<std::string> dict_get(std::string_view dict, std::string_view key);
/// Where `key`'s value lies in `dict`, as [begin, end) offsets, or nothing.
std::optional<std::pair<size_t, size_t>> dict_value_span(std::string_view dict,
                                                         std::string_view key);
/// The dictionary with `key` set to `value` (replaced, or added at the end).
std::string dict_set(std::string_view dict, std::string_view key, std::string_view value);
/// "12 0 R" -> 12; 0 when it is not a reference.
int ref_number(std::string_view value);
/// The elements of an array "[a b 0 R c]" as raw texts ("b 0 R" one element).
std::vector<std::string> array_items(std::string_view array);

/// A text string for a PDF dictionary: UTF-16BE with a byte-order mark, in hex.
std::string text_string(const std::string& utf8);

} // namespace baocao::sign

namespace baocao::sign {

/// The raw (still encoded) bytes of stream object `number`, by its /Length
/// (direct, or a reference to a number).
std::string stream_data(const PdfFile& pdf, int number, const std::string& name);

/// `text` with each reference "N G R" outside strings replaced by
/// "f(N) 0 R"; f sees every reference, so it can also collect them.
std::string map_refs(std::string_view text, const std::function<int(int)>& f);

/// A number value ("595.28", "842"); nothing when it is not one.
std::optional<double> number_value(std::string_view value);

} // namespace baocao::sign
