#include "docx/xml_writer.hpp"

#include <libxml/xmlwriter.h>

#include "core/c_handle.hpp"
#include "core/error.hpp"

namespace baocao::docx {
namespace {

using TextWriterPtr = core::CHandle<xmlTextWriter, xmlFreeTextWriter>;

bool allowed_in_xml(unsigned char c) {
  return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
}

void check(int status, const char* what) {
  if (status < 0) throw core::RuntimeError(std::string("writing XML: ") + what + " failed");
}

const xmlChar* x(const std::string& s) {
  return reinterpret_cast<const xmlChar*>(s.c_str());
}

} // namespace

struct XmlWriter::Impl {
  std::string out;     // declared before writer_: freeing the writer flushes into it
  std::string scratch; // libxml2 wants NUL-terminated strings
  std::string scratch2;
  TextWriterPtr writer;

  static int append(void* context, const char* bytes, int len) {
    static_cast<Impl*>(context)->out.append(bytes, static_cast<size_t>(len));
    return len;
  }

  /// `s` NUL-terminated, without the control characters XML 1.0 forbids.
  const xmlChar* terminated(std::string& into, std::string_view s) {
    into.clear();
    for (char c : s) {
      if (allowed_in_xml(static_cast<unsigned char>(c))) into += c;
    }
    return x(into);
  }
};

XmlWriter::XmlWriter() : XmlWriter(false) {}

XmlWriter XmlWriter::document() {
  return XmlWriter(true);
}

XmlWriter::XmlWriter(bool declaration) : impl_(std::make_unique<Impl>()) {
  xmlOutputBufferPtr out = xmlOutputBufferCreateIO(&Impl::append, nullptr, impl_.get(), nullptr);
  if (!out) throw core::RuntimeError("writing XML: out of memory");
  impl_->writer.reset(xmlNewTextWriter(out)); // owns `out` from here, even on failure
  if (!impl_->writer) throw core::RuntimeError("writing XML: out of memory");
  // Declaring UTF-8 is what keeps non-ASCII attribute values as UTF-8: without
  // it libxml2 writes them as character references. A fragment drops the
  // declaration's bytes.
  check(xmlTextWriterStartDocument(impl_->writer.get(), nullptr, "UTF-8", "yes"), "start");
  check(xmlTextWriterFlush(impl_->writer.get()), "flush");
  if (!declaration) impl_->out.clear();
}

XmlWriter::~XmlWriter() = default;
XmlWriter::XmlWriter(XmlWriter&&) noexcept = default;
XmlWriter& XmlWriter::operator=(XmlWriter&&) noexcept = default;

void XmlWriter::open(std::string_view name) {
  check(xmlTextWriterStartElement(impl_->writer.get(), impl_->terminated(impl_->scratch, name)),
        "an element");
  ++depth_;
}

void XmlWriter::attr(std::string_view name, std::string_view value) {
  // libxml2 refuses an attribute once the start tag is closed.
  check(xmlTextWriterWriteAttribute(impl_->writer.get(), impl_->terminated(impl_->scratch, name),
                                    impl_->terminated(impl_->scratch2, value)),
        "an attribute (only right after open())");
}

void XmlWriter::text(std::string_view utf8) {
  if (utf8.empty()) return;
  check(xmlTextWriterWriteString(impl_->writer.get(), impl_->terminated(impl_->scratch, utf8)),
        "text");
}

void XmlWriter::close() {
  if (depth_ == 0) throw core::RuntimeError("writing XML: close() with no open element");
  check(xmlTextWriterEndElement(impl_->writer.get()), "an end tag");
  --depth_;
}

void XmlWriter::leaf(std::string_view name,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> attrs) {
  open(name);
  for (const auto& [n, v] : attrs) attr(n, v);
  close();
}

void XmlWriter::raw(std::string_view xml) {
  constexpr size_t kChunk = size_t{1} << 30; // libxml2 takes an int length
  for (size_t at = 0; at < xml.size(); at += kChunk) {
    auto piece = xml.substr(at, kChunk);
    check(xmlTextWriterWriteRawLen(impl_->writer.get(),
                                   reinterpret_cast<const xmlChar*>(piece.data()),
                                   static_cast<int>(piece.size())),
          "raw XML");
  }
}

std::string XmlWriter::take() {
  if (depth_ != 0)
    throw core::RuntimeError("writing XML: " + std::to_string(depth_) + " elements left open");
  check(xmlTextWriterFlush(impl_->writer.get()), "flush");
  std::string all = std::move(impl_->out);
  impl_->out.clear();
  return all;
}

} // namespace baocao::docx
