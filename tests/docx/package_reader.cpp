#include "docx/package_reader.hpp"

#include <catch2/catch.hpp>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include "core/c_handle.hpp"

namespace baocao::test::docx_pkg {
namespace {

using ZipPtr = core::CHandle<zip_t, zip_discard>;
using ZipFilePtr = core::CHandle<zip_file_t, zip_fclose>;
using DocPtr = core::CHandle<xmlDoc, xmlFreeDoc>;
using XPathContextPtr = core::CHandle<xmlXPathContext, xmlXPathFreeContext>;
using XPathObjectPtr = core::CHandle<xmlXPathObject, xmlXPathFreeObject>;

const std::pair<const char*, const char*> kPrefixes[] = {
    {"w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
    {"r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"},
    {"wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
    {"a", "http://schemas.openxmlformats.org/drawingml/2006/main"},
    {"pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"},
    {"mc", "http://schemas.openxmlformats.org/markup-compatibility/2006"},
    {"w14", "http://schemas.microsoft.com/office/word/2010/wordml"},
    {"cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
    {"dc", "http://purl.org/dc/elements/1.1/"},
    {"dcterms", "http://purl.org/dc/terms/"},
    {"ct", "http://schemas.openxmlformats.org/package/2006/content-types"},
    {"pr", "http://schemas.openxmlformats.org/package/2006/relationships"},
};

const xmlChar* x(const std::string& s) {
  return reinterpret_cast<const xmlChar*>(s.c_str());
}

} // namespace

std::vector<std::pair<std::string, std::string>> zip_entries(const std::filesystem::path& zip) {
  int error = 0;
  ZipPtr z(zip_open(zip.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error));
  INFO(zip << ": libzip error " << error);
  REQUIRE(z);
  std::vector<std::pair<std::string, std::string>> out;
  zip_int64_t n = zip_get_num_entries(z.get(), 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t st;
    REQUIRE(zip_stat_index(z.get(), index, 0, &st) == 0);
    ZipFilePtr f(zip_fopen_index(z.get(), index, 0));
    REQUIRE(f);
    std::string bytes(st.size, '\0');
    REQUIRE(zip_fread(f.get(), bytes.data(), st.size) == static_cast<zip_int64_t>(st.size));
    out.emplace_back(st.name, std::move(bytes));
  }
  return out;
}

std::string zip_entry(const std::filesystem::path& zip, const std::string& name) {
  for (auto& [n, bytes] : zip_entries(zip))
    if (n == name) return bytes;
  FAIL(zip << " has no entry " << name);
  return "";
}

struct XmlPart::Impl {
  DocPtr doc;
  XPathContextPtr context;
};

XmlPart::XmlPart(const std::string& xml) : impl_(std::make_unique<Impl>()) {
  impl_->doc.reset(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "part.xml", nullptr,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  INFO("not well-formed XML:\n" << xml.substr(0, 2000));
  REQUIRE(impl_->doc);
  impl_->context.reset(xmlXPathNewContext(impl_->doc.get()));
  REQUIRE(impl_->context);
  for (const auto& [prefix, uri] : kPrefixes)
    xmlXPathRegisterNs(impl_->context.get(), reinterpret_cast<const xmlChar*>(prefix),
                       reinterpret_cast<const xmlChar*>(uri));
}

XmlPart::~XmlPart() = default;
XmlPart::XmlPart(XmlPart&&) noexcept = default;

int XmlPart::count(const std::string& xpath) const {
  XPathObjectPtr r(xmlXPathEvalExpression(x("count(" + xpath + ")"), impl_->context.get()));
  INFO("XPath " << xpath);
  REQUIRE(r);
  return static_cast<int>(r->floatval);
}

std::string XmlPart::value(const std::string& xpath) const {
  XPathObjectPtr r(xmlXPathEvalExpression(x("string(" + xpath + ")"), impl_->context.get()));
  INFO("XPath " << xpath);
  REQUIRE(r);
  return r->stringval ? reinterpret_cast<const char*>(r->stringval) : "";
}

std::vector<std::string> XmlPart::values(const std::string& xpath) const {
  XPathObjectPtr r(xmlXPathEvalExpression(x(xpath), impl_->context.get()));
  INFO("XPath " << xpath);
  REQUIRE(r);
  std::vector<std::string> out;
  if (r->type != XPATH_NODESET || !r->nodesetval) return out;
  for (int i = 0; i < r->nodesetval->nodeNr; ++i) {
    xmlChar* s = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
    out.emplace_back(s ? reinterpret_cast<const char*>(s) : "");
    xmlFree(s);
  }
  return out;
}

std::string wrap(const std::string& fragment) {
  // Appended piece by piece: GCC 12 warns falsely on a chain of operator+.
  std::string out = "<root xmlns:w=\"";
  out.append(kPrefixes[0].second).append("\" xmlns:r=\"").append(kPrefixes[1].second);
  out.append("\">").append(fragment).append("</root>");
  return out;
}

} // namespace baocao::test::docx_pkg
