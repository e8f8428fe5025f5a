// Embedded fonts: the licence bits decide, and the obfuscation undoes as
// LibreOffice and Word undo it.
#include <catch2/catch.hpp>

#include <cctype>
#include <regex>

#include "docx/docx_file.hpp"
#include "docx/font_embed.hpp"
#include "docx/package_reader.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;
using test::docx_pkg::XmlPart;

namespace {

std::string serif_regular() {
  return test::read_file(test::repo_dir() / "fonts" / "LiberationSerif-Regular.ttf");
}

/// A copy of the font with its OS/2 fsType set to `fs_type`.
std::string with_fs_type(std::string font, std::uint16_t fs_type) {
  auto u32 = [&](size_t at) {
    return static_cast<size_t>(static_cast<unsigned char>(font[at])) << 24 |
           static_cast<size_t>(static_cast<unsigned char>(font[at + 1])) << 16 |
           static_cast<size_t>(static_cast<unsigned char>(font[at + 2])) << 8 |
           static_cast<unsigned char>(font[at + 3]);
  };
  size_t tables = static_cast<unsigned char>(font[4]) << 8 | static_cast<unsigned char>(font[5]);
  for (size_t i = 0; i < tables; ++i) {
    size_t rec = 12 + 16 * i;
    if (font.compare(rec, 4, "OS/2") != 0) continue;
    size_t os2 = u32(rec + 8);
    font[os2 + 8] = static_cast<char>(fs_type >> 8);
    font[os2 + 9] = static_cast<char>(fs_type & 0xFF);
    return font;
  }
  FAIL("no OS/2 table");
  return font;
}

/// De-obfuscation as readers do it (docx4j, MuPDF, LibreOffice): the key's
/// 32 hex digits without braces and dashes as 16 bytes, taken last byte first.
std::string deobfuscate(std::string data, const std::string& key) {
  std::string hex;
  for (char c : key)
    if (std::isxdigit(static_cast<unsigned char>(c))) hex += c;
  REQUIRE(hex.size() == 32);
  for (size_t i = 0; i < 32; ++i) {
    size_t byte = 15 - i % 16;
    data[i] = static_cast<char>(data[i] ^ std::stoi(hex.substr(2 * byte, 2), nullptr, 16));
  }
  return data;
}

} // namespace

TEST_CASE("a font's fsType decides whether a document may carry it", "[docx]") {
  const std::string font = serif_regular();
  REQUIRE(docx::font_fs_type(font).has_value());
  CHECK(docx::embedding_allowed(font)); // Liberation (OFL) is installable or editable
  CHECK(docx::embedding_allowed(with_fs_type(font, 0x0000)));       // installable
  CHECK(docx::embedding_allowed(with_fs_type(font, 0x0008)));       // editable
  CHECK(docx::embedding_allowed(with_fs_type(font, 0x0108)));       // editable, no subsetting
  CHECK_FALSE(docx::embedding_allowed(with_fs_type(font, 0x0002))); // restricted
  CHECK_FALSE(docx::embedding_allowed(with_fs_type(font, 0x0004))); // preview & print
  CHECK_FALSE(docx::embedding_allowed(with_fs_type(font, 0x0208))); // bitmap only
  CHECK(docx::font_fs_type(with_fs_type(font, 0x0104)) == 0x0104);
  CHECK_FALSE(docx::embedding_allowed("not a font at all"));
  CHECK_FALSE(docx::font_fs_type(font.substr(0, 11)).has_value());
}

TEST_CASE("font obfuscation is keyed by the file and undoes as readers undo it", "[docx]") {
  const std::string font = serif_regular();
  std::string key = docx::font_key(font);
  CHECK(std::regex_match(
      key, std::regex(R"(\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\})")));
  CHECK(docx::font_key(font) == key); // the same file, the same key: no randomness
  CHECK(docx::font_key(with_fs_type(font, 0x0104)) != key);

  std::string hidden = docx::obfuscate(font, key);
  REQUIRE(hidden.size() == font.size());
  CHECK(hidden.compare(0, 32, font, 0, 32) != 0);
  CHECK(hidden.compare(32, std::string::npos, font, 32, std::string::npos) == 0);
  CHECK(deobfuscate(hidden, key) == font);
  CHECK(docx::obfuscate(hidden, key) == font); // XOR: its own inverse
}

TEST_CASE("DocxFile embeds a font its licence allows and only lists one it forbids", "[docx]") {
  test::TempDir dir;
  const auto fonts = test::repo_dir() / "fonts";
  const std::string bold = test::read_file(fonts / "LiberationSerif-Bold.ttf");
  test::write_file(dir / "Locked.ttf", with_fs_type(serif_regular(), 0x0002));

  docx::DocxFile file(test::builtin_template("dang"), {});
  file.add_font({"Liberation Serif", {}, fonts / "LiberationSerif-Bold.ttf", {}, {}});
  file.add_font({"Locked Serif", dir / "Locked.ttf", {}, {}, {}});
  file.write("<w:p/>", dir / "f.docx");

  auto entries = test::docx_pkg::zip_entries(dir / "f.docx");
  int odttf = 0;
  for (const auto& [name, bytes] : entries) odttf += name.find(".odttf") != std::string::npos;
  CHECK(odttf == 1);

  XmlPart table(test::docx_pkg::zip_entry(dir / "f.docx", "word/fontTable.xml"));
  CHECK(table.count("/w:fonts/w:font[@w:name='Locked Serif']") == 1);
  CHECK(table.count(
            "/w:fonts/w:font[@w:name='Locked Serif']/*[starts-with(local-name(), 'embed')]") == 0);
  CHECK(table.count("//w:font[@w:name='Liberation Serif']/w:embedRegular") == 0);
  std::string id = table.value("//w:font[@w:name='Liberation Serif']/w:embedBold/@r:id");
  std::string key = table.value("//w:font[@w:name='Liberation Serif']/w:embedBold/@w:fontKey");
  REQUIRE_FALSE(id.empty());

  XmlPart rels(test::docx_pkg::zip_entry(dir / "f.docx", "word/_rels/fontTable.xml.rels"));
  std::string rel = "/pr:Relationships/pr:Relationship[@Id='" + id + "']";
  CHECK(rels.value(rel + "/@Type") ==
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font");
  std::string target = rels.value(rel + "/@Target");
  CHECK(deobfuscate(test::docx_pkg::zip_entry(dir / "f.docx", "word/" + target), key) == bold);

  XmlPart settings(test::docx_pkg::zip_entry(dir / "f.docx", "word/settings.xml"));
  CHECK(settings.count("/w:settings/w:embedTrueTypeFonts") == 1);

  // A face that cannot be read is an error naming its file.
  CHECK_THROWS_WITH(file.add_font({"Gone", dir / "gone.ttf", {}, {}, {}}),
                    Catch::Contains("gone.ttf"));
}
