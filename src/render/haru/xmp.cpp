#include "render/haru/xmp.hpp"

#include <cstdio>

#include "core/error.hpp"

namespace baocao::render::haru {
namespace {

bool has_date(const display::DocumentInfo& info) {
  return info.year > 0 && info.month >= 1 && info.month <= 12 && info.day >= 1 && info.day <= 31;
}

std::string escape_xml(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&apos;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

// Decodes one UTF-8 sequence at s[i]; throws on malformed input, since a
// broken title would make Info and XMP disagree in ways no reader explains.
char32_t next_code_point(const std::string& s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b = byte(i);
  int extra = b < 0x80             ? 0
              : (b & 0xE0) == 0xC0 ? 1
              : (b & 0xF0) == 0xE0 ? 2
              : (b & 0xF8) == 0xF0 ? 3
                                   : -1;
  if (extra < 0 || i + extra >= s.size())
    throw core::RuntimeError("document metadata is not valid UTF-8: \"" + s + "\"");
  char32_t cp = extra == 0 ? b : b & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80)
      throw core::RuntimeError("document metadata is not valid UTF-8: \"" + s + "\"");
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += extra + 1;
  return cp;
}

void put16(std::string& out, unsigned v) {
  out += static_cast<char>(v >> 8);
  out += static_cast<char>(v & 0xFF);
}

} // namespace

std::string pdf_date(const display::DocumentInfo& info) {
  if (!has_date(info)) return {};
  char buf[40];
  std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02d+00'00'", info.year, info.month,
                info.day, info.hour, info.minute, info.second);
  return buf;
}

std::string xmp_date(const display::DocumentInfo& info) {
  if (!has_date(info)) return {};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+00:00", info.year, info.month,
                info.day, info.hour, info.minute, info.second);
  return buf;
}

std::string utf16be_with_bom(const std::string& utf8) {
  std::string out = "\xFE\xFF";
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp = next_code_point(utf8, i);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      put16(out, 0xD800 + (cp >> 10));
      put16(out, 0xDC00 + (cp & 0x3FF));
    } else {
      put16(out, cp);
    }
  }
  return out;
}

std::string xmp_packet(const display::DocumentInfo& info, const std::string& producer) {
  auto alt = [](const char* tag, const std::string& v) {
    return "   <" + std::string(tag) + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape_xml(v) +
           "</rdf:li></rdf:Alt></" + tag + ">\n";
  };
  auto simple = [](const char* tag, const std::string& v) {
    return "   <" + std::string(tag) + ">" + escape_xml(v) + "</" + tag + ">\n";
  };
  auto description = [](const char* ns, const std::string& body) {
    return "  <rdf:Description rdf:about=\"\" " + std::string(ns) + ">\n" + body +
           "  </rdf:Description>\n";
  };

  std::string dc;
  if (!info.title.empty()) dc += alt("dc:title", info.title);
  if (!info.author.empty())
    dc += "   <dc:creator><rdf:Seq><rdf:li>" + escape_xml(info.author) +
          "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!info.subject.empty()) dc += alt("dc:description", info.subject);

  std::string pdf = simple("pdf:Producer", producer);
  if (!info.keywords.empty()) pdf += simple("pdf:Keywords", info.keywords);

  std::string xmp;
  if (!info.creator.empty()) xmp += simple("xmp:CreatorTool", info.creator);
  if (auto d = xmp_date(info); !d.empty()) {
    xmp += simple("xmp:CreateDate", d);
    xmp += simple("xmp:ModifyDate", d);
  }

  std::string s = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                  " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  if (!dc.empty()) s += description("xmlns:dc=\"http://purl.org/dc/elements/1.1/\"", dc);
  s += description("xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"", pdf);
  if (!xmp.empty()) s += description("xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"", xmp);
  s += description("xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"",
                   simple("pdfaid:part", "1") + simple("pdfaid:conformance", "B"));
  s += " </rdf:RDF>\n</x:xmpmeta>\n";
  // Room for a later editor to grow the packet in place, as XMP recommends.
  for (int i = 0; i < 20; ++i) s += std::string(99, ' ') + "\n";
  s += "<?xpacket end=\"w\"?>";
  return s;
}

} // namespace baocao::render::haru
