#pragma once
// An XLSX file as a package (internal to input; includes libzip): zip entries
// streamed through expat into an XmlHandler, with the package's bounds
// (xlsx_reader.hpp: entries, bytes inflated from one entry, XML depth, no
// DOCTYPE). xlsx_reader gives the parts their meaning.
#include <zip.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "core/c_handle.hpp"

namespace baocao::input {

inline const std::string kXlsxExpected = "an XLSX workbook saved by Excel or LibreOffice";

/// Receives one entry's XML, names without their namespace; a DataError
/// thrown here stops the parse and leaves XlsxPackage::parse.
class XmlHandler {
public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}
};

/// The attribute's value by its name without namespace, or nullptr.
const char* attribute(const char** attrs, std::string_view name);
/// A whole number written in an attribute ("7"); `fallback` when it is not one.
std::size_t whole(const char* text, std::size_t fallback);

class XlsxPackage {
public:
  /// `bytes` must outlive the package. Not a zip, or too many entries: DataError.
  explicit XlsxPackage(std::string_view bytes);

  bool has(const std::string& entry) const;
  /// Streams the entry through expat into `handler`, inflating at most
  /// kMaxZipEntryBytes whatever the entry's header claims.
  void parse(const std::string& entry, XmlHandler& handler) const;

private:
  core::CHandle<zip_t, zip_discard> zip_;
};

} // namespace baocao::input
