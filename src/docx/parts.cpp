#include "docx/parts.hpp"

#include <set>

#include "docx/docx_file.hpp"
#include "docx/xml_writer.hpp"

namespace baocao::docx {
namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kWml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

std::string extension(const std::string& name) {
  auto dot = name.rfind('.');
  return dot == std::string::npos ? "" : name.substr(dot + 1);
}

std::string base_name(const std::string& name) {
  auto slash = name.rfind('/');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

/// The Override type of a part, or "" when its extension's Default covers it.
std::string override_type(const std::string& name) {
  if (name == "docProps/core.xml")
    return "application/vnd.openxmlformats-package.core-properties+xml";
  if (name == "docProps/app.xml")
    return "application/vnd.openxmlformats-officedocument.extended-properties+xml";
  if (name.rfind("word/", 0) != 0 || name.find('/', 5) != std::string::npos) return "";
  std::string base = base_name(name);
  if (base == "document.xml") return std::string(kWml) + "document.main+xml";
  for (const char* part : {"styles", "numbering", "settings", "fontTable"})
    if (base == std::string(part) + ".xml") return std::string(kWml) + part + "+xml";
  for (const char* part : {"header", "footer"})
    if (base.rfind(part, 0) == 0 && extension(base) == "xml")
      return std::string(kWml) + part + "+xml";
  return "";
}

struct Default {
  const char* extension;
  const char* type;
};
constexpr Default kDefaults[] = {
    {"rels", "application/vnd.openxmlformats-package.relationships+xml"},
    {"xml", "application/xml"},
    {"png", "image/png"},
    {"jpeg", "image/jpeg"},
    {"odttf", "application/vnd.openxmlformats-officedocument.obfuscatedFont"},
};

} // namespace

std::string relationships_part(const std::vector<Relationship>& rels) {
  auto w = XmlWriter::document();
  w.open("Relationships");
  w.attr("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  for (const auto& r : rels)
    w.leaf("Relationship", {{"Id", r.id}, {"Type", r.type}, {"Target", r.target}});
  w.close();
  return w.take();
}

std::string content_type_of(const std::string& part_name) {
  std::string t = override_type(part_name);
  if (!t.empty()) return t;
  std::string ext = extension(part_name);
  for (const auto& d : kDefaults)
    if (ext == d.extension) return d.type;
  return "";
}

std::string content_types_part(const std::vector<std::string>& part_names) {
  auto w = XmlWriter::document();
  w.open("Types");
  w.attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  std::set<std::string> used;
  for (const auto& n : part_names) used.insert(extension(n));
  used.insert("rels");
  used.insert("xml");
  for (const auto& d : kDefaults) {
    if (used.count(d.extension))
      w.leaf("Default", {{"Extension", d.extension}, {"ContentType", d.type}});
  }
  for (const auto& n : part_names) {
    std::string t = override_type(n);
    if (!t.empty()) w.leaf("Override", {{"PartName", "/" + n}, {"ContentType", t}});
  }
  w.close();
  return w.take();
}

std::string settings_part(const style::Style& s, const std::string& language) {
  auto w = XmlWriter::document();
  // Children in CT_Settings' order.
  w.open("w:settings");
  w.attr("xmlns:w", kW);
  w.leaf("w:zoom", {{"w:percent", "100"}});
  w.leaf("w:embedTrueTypeFonts");
  w.leaf("w:defaultTabStop", {{"w:val", "720"}});
  w.leaf("w:evenAndOddHeaders", {{"w:val", "0"}});
  w.leaf("w:characterSpacingControl", {{"w:val", "doNotCompress"}});
  w.open("w:compat");
  w.leaf("w:compatSetting", {{"w:name", "compatibilityMode"},
                             {"w:uri", "http://schemas.microsoft.com/office/word"},
                             {"w:val", "15"}});
  w.close();
  w.leaf("w:themeFontLang", {{"w:val", language}});
  std::string decimal = s.numbers.decimal.empty() ? "," : s.numbers.decimal;
  w.leaf("w:decimalSymbol", {{"w:val", decimal}});
  w.leaf("w:listSeparator", {{"w:val", decimal == "," ? ";" : ","}});
  w.close();
  return w.take();
}

std::string core_part(const DocxInfo& info) {
  auto w = XmlWriter::document();
  w.open("cp:coreProperties");
  w.attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  w.attr("xmlns:dc", "http://purl.org/dc/elements/1.1/");
  w.attr("xmlns:dcterms", "http://purl.org/dc/terms/");
  w.attr("xmlns:dcmitype", "http://purl.org/dc/dcmitype/");
  w.attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  auto element = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    w.open(name);
    w.text(value);
    w.close();
  };
  element("dc:title", info.title);
  element("dc:subject", info.subject);
  element("dc:creator", info.author);
  element("cp:keywords", info.keywords);
  element("dc:language", info.language);
  for (const char* name : {"dcterms:created", "dcterms:modified"}) {
    if (info.date_iso.empty()) break;
    w.open(name);
    w.attr("xsi:type", "dcterms:W3CDTF");
    w.text(info.date_iso);
    w.close();
  }
  w.close();
  return w.take();
}

std::string app_part() {
  auto w = XmlWriter::document();
  w.open("Properties");
  w.attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  w.attr("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  w.open("Application");
  w.text("baocao");
  w.close();
  w.open("DocSecurity");
  w.text("0");
  w.close();
  w.close();
  return w.take();
}

} // namespace baocao::docx
