#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <hpdf.h>
#include <memory>
#include <poppler-document.h>

#include "core/c_handle.hpp"
#include "core/error.hpp"
#include "render/haru/pdfa.hpp"
#include "support/pdf_reader.hpp"
#include "support/preflight.hpp"
#include "support/test_support.hpp"

using namespace baocao;

namespace {

using HaruDoc = core::CHandle<_HPDF_Doc_Rec, HPDF_Free>;

// libharu reports through this C callback; it only records (never throws
// through C), and build_document checks it after each call that can fail.
struct HaruErrors {
  HPDF_STATUS code = 0;
  HPDF_STATUS detail = 0;
};
void record_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) noexcept {
  auto* e = static_cast<HaruErrors*>(user);
  if (e->code == 0) {
    e->code = code;
    e->detail = detail;
  }
}

display::DocumentInfo sample_info() {
  display::DocumentInfo info;
  info.title = "Báo cáo tổng kết nhiệm kỳ 2010–2015 <Đảng bộ> & \"Khối\"";
  info.author = "Văn phòng Đảng ủy Khối";
  info.subject = "Tổng kết công tác xây dựng Đảng";
  info.keywords = "nhiệm kỳ, Phú Thọ, đảng viên";
  info.creator = "baocao 0.1.0";
  info.year = 2015;
  info.month = 8;
  info.day = 11;
  return info;
}

const char* kLines[] = {
    "Đảng bộ Khối các cơ quan tỉnh có 3.677 đảng viên.",
    "Huân chương Lao động hạng Nhất; ứng dụng công nghệ thông tin.",
    "Tổng kết nhiệm kỳ: kết quả đạt được, hạn chế, nguyên nhân và bài học kinh nghiệm.",
};

// A small but real document drawn the way the libharu painter draws one:
// UTF-8 text in embedded Liberation Serif (three styles), colours, rules,
// filled boxes, an RGB PNG and an outline over two pages.
void build_document(const std::filesystem::path& out, const display::DocumentInfo& info) {
  HaruErrors errors;
  HaruDoc doc(HPDF_New(record_error, &errors));
  REQUIRE(doc);
  auto ok = [&](const char* what) {
    INFO(what << ": libharu error 0x" << std::hex << errors.code << " detail " << errors.detail);
    REQUIRE(errors.code == 0);
  };
  HPDF_UseUTFEncodings(doc.get());
  HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL);
  auto fonts = test::repo_dir() / "fonts";
  const char* regular = HPDF_LoadTTFontFromFile(
      doc.get(), (fonts / "LiberationSerif-Regular.ttf").c_str(), HPDF_TRUE);
  const char* bold =
      HPDF_LoadTTFontFromFile(doc.get(), (fonts / "LiberationSerif-Bold.ttf").c_str(), HPDF_TRUE);
  const char* italic =
      HPDF_LoadTTFontFromFile(doc.get(), (fonts / "LiberationSerif-Italic.ttf").c_str(), HPDF_TRUE);
  ok("load fonts");
  HPDF_Font faces[] = {HPDF_GetFont(doc.get(), regular, "UTF-8"),
                       HPDF_GetFont(doc.get(), bold, "UTF-8"),
                       HPDF_GetFont(doc.get(), italic, "UTF-8")};
  HPDF_Image image = HPDF_LoadPngImageFromFile(
      doc.get(), (test::data_dir() / "images" / "rgb-gradient.png").c_str());
  ok("load image");

  for (int p = 0; p < 2; ++p) {
    HPDF_Page page = HPDF_AddPage(doc.get());
    HPDF_Page_SetWidth(page, 595.276f);
    HPDF_Page_SetHeight(page, 841.89f);
    HPDF_Page_BeginText(page);
    for (int i = 0; i < 3; ++i) {
      HPDF_Page_SetFontAndSize(page, faces[i], 13);
      HPDF_Page_SetRGBFill(page, i == 1 ? 0.75f : 0, 0, i == 2 ? 0.6f : 0);
      HPDF_Page_TextOut(page, 72, 760 - 24 * i, kLines[(i + p) % 3]);
    }
    HPDF_Page_EndText(page);
    HPDF_Page_SetRGBStroke(page, 0.2f, 0.2f, 0.2f);
    HPDF_Page_SetLineWidth(page, 0.75f);
    HPDF_Page_MoveTo(page, 72, 680);
    HPDF_Page_LineTo(page, 523, 680);
    HPDF_Page_Stroke(page);
    HPDF_Page_SetRGBFill(page, 0.85f, 0.9f, 1.0f);
    HPDF_Page_Rectangle(page, 72, 600, 200, 60);
    HPDF_Page_Fill(page);
    HPDF_Page_DrawImage(page, image, 300, 600, 96, 48);
    HPDF_Outline entry =
        HPDF_CreateOutline(doc.get(), nullptr, p == 0 ? "Kết quả đạt được" : "Phương hướng",
                           HPDF_GetEncoder(doc.get(), "UTF-8"));
    HPDF_Destination dest = HPDF_Page_CreateDestination(page);
    HPDF_Destination_SetXYZ(dest, 0, 780, 1);
    HPDF_Outline_SetDestination(entry, dest);
    ok("draw page");
  }
  render::haru::make_pdfa1b(doc.get(), info);
  ok("make PDF/A");
  HPDF_SaveToFile(doc.get(), out.c_str());
  ok("save");
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

std::string utf8(const poppler::ustring& s) {
  auto bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

} // namespace

TEST_CASE("Preflight finds the libharu document valid PDF/A-1b with no errors", "[render][pdfa]") {
  test::TempDir dir;
  build_document(dir / "a.pdf", sample_info());
  auto r = test::run_preflight(dir / "a.pdf");
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(r.output.find("is a valid PDF/A-1b file") != std::string::npos);
  CHECK(r.output.find("Error") == std::string::npos);
  WARN("Preflight took " << r.seconds << " s");
}

TEST_CASE("the XMP packet holds the Info dictionary's values", "[render][pdfa]") {
  test::TempDir dir;
  auto info = sample_info();
  build_document(dir / "a.pdf", info);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_file((dir / "a.pdf").string()));
  REQUIRE(doc);
  auto pdf = test::read_pdf(dir / "a.pdf");
  CHECK(pdf.title == info.title);
  CHECK(pdf.author == info.author);
  CHECK(pdf.subject == info.subject);
  CHECK(pdf.keywords == info.keywords);
  CHECK(pdf.creator == info.creator);
  std::tm day{};
  day.tm_year = 2015 - 1900;
  day.tm_mon = 7;
  day.tm_mday = 11;
  auto expected = timegm(&day);
  CHECK(doc->info_date_t("CreationDate") == expected);
  CHECK(doc->info_date_t("ModDate") == expected);

  // poppler finds the packet through the catalog...
  CHECK(utf8(doc->metadata()).find("<pdfaid:part>1</pdfaid:part>") != std::string::npos);
  // ...but decodes it as PDFDocEncoding, so the UTF-8 text is read from the
  // file itself (the stream is uncompressed, as XMP should be).
  auto bytes = test::read_file(dir / "a.pdf");
  auto begin = bytes.find("<?xpacket begin=");
  auto end = bytes.find("<?xpacket end=\"w\"?>");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  std::string xmp = bytes.substr(begin, end - begin);
  auto has = [&](const std::string& s) { return xmp.find(s) != std::string::npos; };
  CHECK(has("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Báo cáo tổng kết nhiệm kỳ "
            "2010–2015 &lt;Đảng bộ&gt; &amp; &quot;Khối&quot;</rdf:li>"));
  CHECK(has("<dc:creator><rdf:Seq><rdf:li>" + info.author + "</rdf:li>"));
  CHECK(has("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + info.subject));
  CHECK(has("<pdf:Keywords>" + info.keywords + "</pdf:Keywords>"));
  CHECK(has("<pdf:Producer>" + utf8(doc->get_producer()) + "</pdf:Producer>"));
  CHECK(has("<xmp:CreatorTool>" + info.creator + "</xmp:CreatorTool>"));
  CHECK(has("<xmp:CreateDate>2015-08-11T00:00:00+00:00</xmp:CreateDate>"));
  CHECK(has("<xmp:ModifyDate>2015-08-11T00:00:00+00:00</xmp:ModifyDate>"));
  CHECK(has("<pdfaid:part>1</pdfaid:part>"));
  CHECK(has("<pdfaid:conformance>B</pdfaid:conformance>"));

  CHECK(bytes.find("/Type /Metadata") != std::string::npos);
  CHECK(bytes.find("/Subtype /XML") != std::string::npos);
}

TEST_CASE("the PDF/A file has the sRGB output intent, embedded fonts and no transparency",
          "[render][pdfa]") {
  test::TempDir dir;
  build_document(dir / "a.pdf", sample_info());
  auto bytes = test::read_file(dir / "a.pdf");
  CHECK(count(bytes, "/OutputIntents") == 1);
  CHECK(count(bytes, "/S /GTS_PDFA1") == 1);
  CHECK(count(bytes, "/DestOutputProfile") == 1);
  CHECK(bytes.find("/N 3") != std::string::npos);
  // Each font descriptor is completed: CapHeight and the CIDSet of its subset.
  CHECK(count(bytes, "/FontFile2") == 3);
  CHECK(count(bytes, "/CapHeight") == 3);
  CHECK(count(bytes, "/CIDSet") == 3);
  CHECK(bytes.find("/ID [ <") != std::string::npos);
  for (const char* forbidden : {"/Encrypt", "/SMask", "/Group", "/Transparency", "/CA ", "/ca "})
    CHECK(bytes.find(forbidden) == std::string::npos);

  auto pdf = test::read_pdf(dir / "a.pdf");
  REQUIRE(pdf.fonts.size() == 3);
  for (const auto& f : pdf.fonts) {
    INFO(f.name);
    CHECK(f.embedded);
    CHECK(f.subset);
  }
  REQUIRE(pdf.pages == 2);
  std::string text = test::squash(pdf.page_text[0]);
  for (const char* line : kLines) CHECK(text.find(line) != std::string::npos);
  CHECK(pdf.outline == std::vector<std::string>{"Kết quả đạt được", "Phương hướng"});
}

TEST_CASE("building the same PDF/A document twice gives identical bytes", "[render][pdfa]") {
  test::TempDir dir;
  build_document(dir / "a.pdf", sample_info());
  build_document(dir / "b.pdf", sample_info());
  CHECK(test::read_file(dir / "a.pdf") == test::read_file(dir / "b.pdf"));
  auto other = sample_info();
  other.title = "Một tiêu đề khác";
  build_document(dir / "c.pdf", other);
  auto id = [](const std::string& bytes) { return bytes.substr(bytes.find("/ID [")); };
  CHECK(id(test::read_file(dir / "a.pdf")) != id(test::read_file(dir / "c.pdf")));
}

TEST_CASE("a missing sRGB profile is an error that names the package", "[render][pdfa]") {
  test::TempDir dir;
  HaruDoc doc(HPDF_New(record_error, nullptr));
  REQUIRE(doc);
  HPDF_AddPage(doc.get());
  const char* old = std::getenv("BAOCAO_SRGB_ICC");
  std::string saved = old ? old : "";
  setenv("BAOCAO_SRGB_ICC", (dir / "none.icc").c_str(), 1);
  std::string message;
  try {
    render::haru::make_pdfa1b(doc.get(), sample_info());
  } catch (const core::RuntimeError& e) {
    message = e.what();
  }
  if (old)
    setenv("BAOCAO_SRGB_ICC", saved.c_str(), 1);
  else
    unsetenv("BAOCAO_SRGB_ICC");
  CHECK(message.find("none.icc") != std::string::npos);
  CHECK(message.find("icc-profiles-free") != std::string::npos);
}

TEST_CASE("make_pdfa1b refuses what PDF/A-1 forbids, saying what it is", "[render][pdfa]") {
  auto message_for = [](auto prepare) {
    HaruErrors errors;
    HaruDoc doc(HPDF_New(record_error, &errors));
    HPDF_Page page = HPDF_AddPage(doc.get());
    prepare(doc.get(), page);
    try {
      render::haru::make_pdfa1b(doc.get(), sample_info());
    } catch (const core::RuntimeError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  auto base14 = message_for([](HPDF_Doc doc, HPDF_Page page) {
    HPDF_Page_SetFontAndSize(page, HPDF_GetFont(doc, "Helvetica", nullptr), 12);
  });
  CHECK(base14.find("Helvetica is not an embedded TrueType font") != std::string::npos);
  auto encrypted = message_for([](HPDF_Doc doc, HPDF_Page) { HPDF_SetPassword(doc, "o", "u"); });
  CHECK(encrypted.find("forbids encryption") != std::string::npos);
  auto alpha = message_for([](HPDF_Doc doc, HPDF_Page page) {
    auto png = test::data_dir() / "images" / "rgba-fade.png";
    HPDF_Page_DrawImage(page, HPDF_LoadPngImageFromFile(doc, png.c_str()), 0, 0, 8, 8);
  });
  CHECK(alpha.find("soft mask") != std::string::npos);
}
