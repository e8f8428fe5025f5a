// The deterministic ZIP: the same entries give the same bytes, and libzip
// reads back what was added, in order.
#include <catch2/catch.hpp>

#include <cstdint>

#include "core/error.hpp"
#include "docx/package.hpp"
#include "docx/package_reader.hpp"
#include "support/test_support.hpp"

using namespace baocao;

namespace {

std::uint16_t le16(const std::string& s, size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) |
                                    static_cast<unsigned char>(s[at + 1]) << 8);
}
std::uint32_t le32(const std::string& s, size_t at) {
  return le16(s, at) | static_cast<std::uint32_t>(le16(s, at + 2)) << 16;
}

docx::Package sample() {
  std::string document(20000, 'x');
  document += "Tiếng Việt";
  std::string png("\x89PNG\r\n\x1a\n", 8);
  png.append(300, '\0');
  docx::Package p;
  p.add("[Content_Types].xml", "<Types/>");
  p.add("word/document.xml", std::move(document));
  p.add("word/media/image1.png", std::move(png));
  p.add("empty.txt", "");
  return p;
}

} // namespace

TEST_CASE("a package written twice is byte-identical and reads back in order", "[docx]") {
  test::TempDir dir;
  auto p = sample();
  p.write(dir / "a.zip");
  p.write(dir / "b.zip");
  auto a = test::read_file(dir / "a.zip"), b = test::read_file(dir / "b.zip");
  CHECK(a == b);

  auto entries = test::docx_pkg::zip_entries(dir / "a.zip");
  REQUIRE(entries.size() == p.entries().size());
  for (size_t i = 0; i < entries.size(); ++i) {
    CHECK(entries[i].first == p.entries()[i].first);
    CHECK(entries[i].second == p.entries()[i].second);
  }
  CHECK(a.size() < 2000); // deflated: 20,000 x's take a few bytes

  // Writing over an existing file replaces it.
  docx::Package other;
  other.add("only.xml", "<a/>");
  other.write(dir / "a.zip");
  CHECK(test::docx_pkg::zip_entries(dir / "a.zip").size() == 1);
}

TEST_CASE("a package's headers carry a fixed date, no extra fields and no comment", "[docx]") {
  test::TempDir dir;
  sample().write(dir / "p.zip");
  auto z = test::read_file(dir / "p.zip");
  // Local file headers, one per entry, from the start.
  size_t at = 0;
  int locals = 0;
  while (le32(z, at) == 0x04034b50) {
    INFO("entry " << locals);
    CHECK(le16(z, at + 8) == 8);                          // deflated
    CHECK(le16(z, at + 10) == 0);                         // 00:00:00
    CHECK(le16(z, at + 12) == ((0 << 9) | (1 << 5) | 1)); // 1980-01-01
    CHECK(le16(z, at + 28) == 0);                         // no extra field
    CHECK((le16(z, at + 6) & 0x0008) == 0);               // sizes in the header, no descriptor
    at += 30 + le16(z, at + 26) + le16(z, at + 28) + le32(z, at + 18);
    ++locals;
  }
  CHECK(locals == 4);
  // The central directory: same dates, no extra fields, no comments.
  int centrals = 0;
  while (le32(z, at) == 0x02014b50) {
    CHECK(le16(z, at + 12) == 0);
    CHECK(le16(z, at + 14) == ((0 << 9) | (1 << 5) | 1));
    CHECK(le16(z, at + 30) == 0); // extra
    CHECK(le16(z, at + 32) == 0); // comment
    at += 46 + le16(z, at + 28) + le16(z, at + 30) + le16(z, at + 32);
    ++centrals;
  }
  CHECK(centrals == 4);
  REQUIRE(le32(z, at) == 0x06054b50);
  CHECK(le16(z, at + 20) == 0); // no archive comment
  CHECK(at + 22 == z.size());
}

TEST_CASE("a package that cannot be written names its path", "[docx]") {
  test::TempDir dir;
  auto target = dir / "missing-folder" / "report.docx";
  try {
    sample().write(target);
    FAIL("no error");
  } catch (const core::RuntimeError& e) {
    CHECK_THAT(e.what(), Catch::Contains(target.string()));
  }
  docx::Package twice;
  twice.add("a.xml", "1");
  twice.add("a.xml", "2");
  CHECK_THROWS_AS(twice.write(dir / "twice.zip"), core::RuntimeError);
  CHECK_THROWS_AS(docx::Package().write(dir / "empty.zip"), core::RuntimeError);
}
