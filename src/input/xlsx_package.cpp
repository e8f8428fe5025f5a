#include "input/xlsx_package.hpp"

#include <expat.h>

#include <charconv>
#include <cstdint>
#include <exception>
#include <new>

#include "input/data_sheet.hpp"
#include "input/xlsx_reader.hpp"

namespace baocao::input {
namespace {

using ZipFilePtr = core::CHandle<zip_file_t, zip_fclose>;
using ZipSourcePtr = core::CHandle<zip_source_t, zip_source_free>;
using XmlParserPtr = core::CHandle<XML_ParserStruct, XML_ParserFree>;

/// "s" for "http://...main\x01s" (expat joins a namespace and a local name).
std::string_view local(const char* name) {
  std::string_view n(name);
  auto at = n.rfind('\x01');
  return at == n.npos ? n : n.substr(at + 1);
}

struct State {
  XmlHandler& handler;
  XML_Parser parser;
  int depth;
  std::exception_ptr error;
};

// Exceptions must not cross expat's C frames: each callback keeps the first
// and stops the parser, and parse() throws it again.
template <class F> void guarded(void* data, F&& f) {
  auto* s = static_cast<State*>(data);
  if (s->error) return;
  try {
    f(*s);
  } catch (...) {
    s->error = std::current_exception();
    XML_StopParser(s->parser, XML_FALSE);
  }
}

void on_start(void* data, const char* name, const char** attrs) {
  guarded(data, [&](State& s) {
    if (++s.depth > kMaxXmlDepth) {
      throw DataError("has XML nested more than " + std::to_string(kMaxXmlDepth) + " levels",
                      kXlsxExpected);
    }
    s.handler.start(local(name), attrs);
  });
}

void on_end(void* data, const char* name) {
  guarded(data, [&](State& s) {
    --s.depth;
    s.handler.end(local(name));
  });
}

void on_text(void* data, const char* text, int len) {
  guarded(data,
          [&](State& s) { s.handler.text(std::string_view(text, static_cast<std::size_t>(len))); });
}

void on_doctype(void* data, const char*, const char*, const char*, int) {
  guarded(data, [](State&) -> void {
    throw DataError("has a DOCTYPE in its XML", kXlsxExpected + " (they have none)");
  });
}

} // namespace

const char* attribute(const char** attrs, std::string_view name) {
  for (; attrs && *attrs; attrs += 2) {
    if (local(attrs[0]) == name) return attrs[1];
  }
  return nullptr;
}

std::size_t whole(const char* text, std::size_t fallback) {
  // Not atoi: its overflow would be undefined.
  std::string_view t = text ? text : "";
  std::size_t v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  return ec == std::errc() && end == t.data() + t.size() && !t.empty() ? v : fallback;
}

XlsxPackage::XlsxPackage(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  ZipSourcePtr source(zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error));
  if (!source) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw DataError("cannot be read (" + why + ")", kXlsxExpected);
  }
  zip_.reset(zip_open_from_source(source.get(), ZIP_RDONLY, &error));
  std::string why = zip_error_strerror(&error);
  zip_error_fini(&error);
  if (!zip_)
    throw DataError("is not an XLSX workbook: not a zip file (" + why + ")", kXlsxExpected);
  static_cast<void>(source.release()); // the archive owns it now
  zip_int64_t n = zip_get_num_entries(zip_.get(), 0);
  if (n < 0 || static_cast<std::uint64_t>(n) > kMaxZipEntries) {
    throw DataError("has " + std::to_string(n) + " zip entries",
                    "at most " + std::to_string(kMaxZipEntries) + " (" + kXlsxExpected + ")");
  }
}

bool XlsxPackage::has(const std::string& entry) const {
  return zip_name_locate(zip_.get(), entry.c_str(), 0) >= 0;
}

void XlsxPackage::parse(const std::string& entry, XmlHandler& handler) const {
  zip_int64_t index = zip_name_locate(zip_.get(), entry.c_str(), 0);
  if (index < 0) throw DataError("has no part " + entry, kXlsxExpected);
  ZipFilePtr file(zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0));
  if (!file) {
    throw DataError("cannot open its part " + entry + " (" + zip_strerror(zip_.get()) + ")",
                    kXlsxExpected + ", not encrypted");
  }
  XmlParserPtr parser(XML_ParserCreateNS(nullptr, '\x01'));
  if (!parser) throw std::bad_alloc();
  State state{handler, parser.get(), 0, nullptr};
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  char buffer[65536];
  std::size_t total = 0;
  for (;;) {
    zip_int64_t got = zip_fread(file.get(), buffer, sizeof buffer);
    if (got < 0) {
      throw DataError("has a damaged part " + entry + " (" + zip_file_strerror(file.get()) + ")",
                      kXlsxExpected);
    }
    total += static_cast<std::size_t>(got);
    if (total > kMaxZipEntryBytes) {
      throw DataError("has a part " + entry + " larger than " +
                          std::to_string(kMaxZipEntryBytes >> 20) + " MiB uncompressed",
                      "a smaller workbook (or a zip bomb was refused)");
    }
    bool last = got == 0;
    if (XML_Parse(parser.get(), buffer, static_cast<int>(got), last) == XML_STATUS_ERROR) {
      if (state.error) std::rethrow_exception(state.error);
      throw DataError("has broken XML in " + entry + " at line " +
                          std::to_string(XML_GetCurrentLineNumber(parser.get())) + " (" +
                          XML_ErrorString(XML_GetErrorCode(parser.get())) + ")",
                      kXlsxExpected);
    }
    if (last) return;
  }
}

} // namespace baocao::input
