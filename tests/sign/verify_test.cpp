// The byte-range and revision logic of `baocao verify` on PDFs made here by
// hand, and its bounds on hostile input. Real signatures: tests/app/verify_test.cpp.
#include <catch2/catch.hpp>

#include <cstdio>
#include <ctime>
#include <map>

#include "core/error.hpp"
#include "sign/pdf_objects.hpp"
#include "sign/pdf_strings.hpp"
#include "sign/verify.hpp"

using namespace baocao;

namespace {

constexpr const char* kRangeHole = "[0 0000000000 0000000000 0000000000]";

/// Objects appended to `base` ("" for a new file) as one revision with its
/// cross-reference section and trailer.
std::string with_revision(std::string base, const std::map<int, std::string>& objects, int size,
                          long prev = -1) {
  if (base.empty()) base = "%PDF-1.7\n";
  std::map<int, size_t> offsets;
  for (const auto& [n, text] : objects) {
    offsets[n] = base.size();
    base += std::to_string(n) + " 0 obj\n" + text + "\nendobj\n";
  }
  const size_t xref = base.size();
  base += "xref\n";
  if (prev < 0) base += "0 1\n0000000000 65535 f \n";
  char entry[32];
  for (const auto& [n, at] : offsets) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", at);
    base += std::to_string(n) + " 1\n" + entry;
  }
  base += "trailer\n<< /Size " + std::to_string(size) + " /Root 1 0 R";
  if (prev >= 0) base += " /Prev " + std::to_string(prev);
  base += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return base;
}

std::string sig_dict(const std::string& contents = std::string(64, '0')) {
  return std::string("<< /Type /Sig /SubFilter /adbe.pkcs7.detached /ByteRange ") + kRangeHole +
         " /Contents <" + contents + "> /M (D:20261206150405+07'00') >>";
}

/// A one-page PDF whose form has one signature field, Sig1, signed by object 5.
std::string signed_pdf(const std::string& sig = sig_dict()) {
  return with_revision("",
                       {{1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>"},
                        {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
                        {3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 9 9] /Annots [4 0 R] >>"},
                        {4, "<< /FT /Sig /T (Sig1) /V 5 0 R /Subtype /Widget /Rect [0 0 0 0] >>"},
                        {5, sig}},
                       6);
}

/// The byte range written into the hole, as baocao sign does: the gap is the
/// /Contents string; the end moved by `end_shift`, the gap's start by `gap_shift`.
std::string fill_range(std::string pdf, long gap_shift = 0, long end_shift = 0) {
  const size_t hole = pdf.find("/Contents <") + 10;
  const size_t hole_end = pdf.find('>', hole) + 1;
  char range[64];
  std::snprintf(range, sizeof range, "[0 %ld %zu %ld", static_cast<long>(hole) + gap_shift,
                hole_end, static_cast<long>(pdf.size() - hole_end) + end_shift);
  std::string r = range;
  r += std::string(std::string(kRangeHole).size() - 1 - r.size(), ' ') + "]";
  pdf.replace(pdf.find(kRangeHole), r.size(), r);
  return pdf;
}

sign::Verification verify(const std::string& pdf) {
  return sign::verify_pdf(pdf, "t.pdf", nullptr);
}

std::string input_error(const std::string& pdf) {
  try {
    verify(pdf);
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "accepted";
}

} // namespace

TEST_CASE("a byte range is four whole numbers, two ranges within the file", "[verify]") {
  using R = std::array<size_t, 4>;
  CHECK(sign::parse_byte_range("[0 10 20 30]", 50) == R{0, 10, 20, 30});
  CHECK(sign::parse_byte_range(" [ 0  10\n20 30 ] ", 50) == R{0, 10, 20, 30});
  CHECK_FALSE(sign::parse_byte_range("[0 10 20 30]", 49));   // past the end
  CHECK_FALSE(sign::parse_byte_range("[0 10 20]", 50));      // three
  CHECK_FALSE(sign::parse_byte_range("[0 10 20 30 0]", 50)); // five
  CHECK_FALSE(sign::parse_byte_range("[0 -1 20 30]", 50));
  CHECK_FALSE(sign::parse_byte_range("[0 10 20 3.5]", 50));
  CHECK_FALSE(sign::parse_byte_range("[0 10 5 30]", 50)); // the ranges overlap
  CHECK_FALSE(sign::parse_byte_range("[0 99999999999999999999 1 1]", 50));
  CHECK_FALSE(sign::parse_byte_range("[0 1 2 3", 50));
  CHECK_FALSE(sign::parse_byte_range("4 0 R", 50));
}

TEST_CASE("a byte range must skip exactly the /Contents string and end with its revision",
          "[verify]") {
  const std::pair<size_t, size_t> hole{100, 200};
  CHECK(sign::byte_range_problem({0, 100, 200, 50}, hole, 250) == "");
  CHECK(sign::byte_range_problem({1, 99, 200, 50}, hole, 250).find("not at the file's first") !=
        std::string::npos);
  CHECK(sign::byte_range_problem({0, 101, 200, 50}, hole, 250).find("is not the /Contents") !=
        std::string::npos);
  CHECK(sign::byte_range_problem({0, 100, 199, 51}, hole, 250).find("is not the /Contents") !=
        std::string::npos);
  CHECK(sign::byte_range_problem({0, 100, 200, 49}, hole, 250) ==
        "it stops at byte 249, before the end of its revision (byte 250)");
  CHECK(sign::byte_range_problem({0, 100, 200, 51}, hole, 250) ==
        "it runs to byte 251, past the end of its revision (byte 250)");
}

TEST_CASE("a signature's byte range is checked against the revision that holds it", "[verify]") {
  const std::string pdf = fill_range(signed_pdf());
  auto v = verify(pdf);
  REQUIRE(v.signatures.size() == 1);
  const auto& s = v.signatures[0];
  CHECK(s.field == "Sig1");
  CHECK(s.sub_filter == "adbe.pkcs7.detached");
  CHECK(s.revision == 1);
  CHECK(v.revisions == 1);
  CHECK(s.range_read);
  CHECK(s.range_problem == "");
  CHECK(v.changed_after == "");
  // /M: 15:04:05 at +07:00 is 08:04:05 UTC.
  std::tm utc{};
  utc.tm_year = 126, utc.tm_mon = 11, utc.tm_mday = 6, utc.tm_hour = 8, utc.tm_min = 4,
  utc.tm_sec = 5;
  CHECK(s.modified == timegm(&utc));
  // Zeros are no CMS: the signature is not intact, and says why.
  CHECK(s.unchecked.find("not CMS") != std::string::npos);
  CHECK_FALSE(v.accepted());

  auto gap = verify(fill_range(signed_pdf(), 1)).signatures.at(0);
  CHECK(gap.range_problem.find("is not the /Contents string") != std::string::npos);
  auto shorter = verify(fill_range(signed_pdf(), 0, -1)).signatures.at(0);
  CHECK(shorter.range_problem.find("before the end of its revision") != std::string::npos);
  CHECK(shorter.problems().at(0) == "the byte range does not cover its revision");
}

TEST_CASE("what follows the last signed revision is a change after the last signature",
          "[verify]") {
  const std::string pdf = fill_range(signed_pdf());
  const long startxref = static_cast<long>(pdf.rfind("xref\n0 1"));
  // An unsigned incremental update: the signature covers revision 1 of 2.
  auto v =
      verify(with_revision(pdf, {{3, "<< /Type /Page /Parent 2 0 R /Rotate 90 >>"}}, 6, startxref));
  REQUIRE(v.signatures.size() == 1);
  CHECK(v.revisions == 2);
  CHECK(v.signatures[0].revision == 1);
  CHECK(v.signatures[0].range_problem == "");
  CHECK(v.changed_after == "revision 2 of 2 is not signed");
  // Bytes after the last %%EOF that are no revision.
  v = verify(pdf + "% a note\n");
  CHECK(v.changed_after == "9 bytes after the end of revision 1");
  CHECK(v.signatures.at(0).range_problem == "");
  // Many of them (startxref is no longer near the end).
  v = verify(pdf + std::string(5000, 'x'));
  CHECK(v.changed_after == "5000 bytes after the end of revision 1");
  // A signature written in a later revision covers that revision.
  auto update = with_revision(fill_range(signed_pdf()), {}, 6, startxref);
  CHECK(sign::revision_ends(sign::read_pdf(update, "t.pdf"), "t.pdf") ==
        std::vector<size_t>{pdf.size(), update.size()});
}

TEST_CASE("a file without signatures, or not a PDF, is refused with its reason", "[verify]") {
  auto unsigned_pdf = with_revision(
      "", {{1, "<< /Type /Catalog /Pages 2 0 R >>"}, {2, "<< /Type /Pages /Kids [] /Count 0 >>"}},
      3);
  CHECK(input_error(unsigned_pdf) ==
        "t.pdf: it has no digital signature; expected a signed PDF (baocao sign adds a signature)");
  auto empty_field = with_revision("",
                                   {{1, "<< /Type /Catalog /AcroForm << /Fields [2 0 R] >> >>"},
                                    {2, "<< /FT /Sig /T (Empty) >>"}},
                                   3);
  CHECK(input_error(empty_field).find("signature fields are empty") != std::string::npos);
  CHECK(input_error("hello").find("t.pdf: not a PDF") == 0);
  CHECK(input_error("").find("t.pdf: not a PDF") == 0);
}

TEST_CASE("hostile files end in a message or a failed check, never a crash or a hang", "[verify]") {
  // A million '[' (pdf_objects_test has them alone).
  const std::string deep(1000000, '[');
  auto v = verify(fill_range(
      signed_pdf("<< /Type /Sig /X " + deep + " /ByteRange " + kRangeHole + " /Contents <00> >>")));
  REQUIRE(v.signatures.size() == 1);
  CHECK_FALSE(v.accepted());
  // The same in the trailer and in the field tree.
  auto deep_trailer = fill_range(signed_pdf());
  deep_trailer.insert(deep_trailer.find("/Root 1 0 R") + 11, " /X " + deep);
  CHECK_NOTHROW(sign::dict_get(deep_trailer, "/Size"));
  try {
    verify(deep_trailer);
  } catch (const core::InputError&) {
  }

  // A /Contents over 1 MB is not decoded.
  auto big = verify(fill_range(signed_pdf(sig_dict(std::string(3u << 20, '0')))));
  CHECK(big.signatures.at(0).unchecked.find("over 1 MB") != std::string::npos);
  // Not hex.
  auto not_hex = verify(fill_range(signed_pdf(sig_dict("30ZZ"))));
  CHECK(not_hex.signatures.at(0).unchecked == "its /Contents is not a hex string");
  // A byte range past the end of the file, or of the wrong shape.
  std::string past = signed_pdf();
  std::string huge = "[0 1 2 99999999999999]";
  huge.resize(std::string(kRangeHole).size(), ' ');
  past.replace(past.find(kRangeHole), huge.size(), huge);
  auto p = verify(past).signatures.at(0);
  CHECK_FALSE(p.range_read);
  CHECK(p.range_problem.find("not four whole numbers") != std::string::npos);
  // Fields whose /Kids loop back: each field is read once.
  auto loop = with_revision("",
                            {{1, "<< /Type /Catalog /AcroForm << /Fields [2 0 R] >> >>"},
                             {2, "<< /FT /Sig /T (A) /Kids [3 0 R] >>"},
                             {3, "<< /T (B) /Kids [2 0 R 3 0 R] /V 4 0 R >>"},
                             {4, sig_dict()}},
                            5);
  v = verify(fill_range(loop));
  REQUIRE(v.signatures.size() == 1);
  CHECK(v.signatures[0].field == "A.B");
  CHECK(v.signatures[0].range_problem == "");
}

TEST_CASE("a cross-reference section that is its own /Prev is a damaged file", "[verify]") {
  auto self = fill_range(signed_pdf());
  self.insert(self.find("/Root 1 0 R") + 11, " /Prev " + std::to_string(self.rfind("xref\n0 1")));
  CHECK_THROWS_WITH(verify(self), Catch::Contains("loops back to an earlier cross-reference"));
}

TEST_CASE("a form with more signatures than verify checks is refused", "[verify]") {
  std::map<int, std::string> objects{{1, ""}};
  std::string fields;
  for (int n = 2; n < 2 + 2 * 40; n += 2) {
    objects[n] =
        "<< /FT /Sig /T (S" + std::to_string(n) + ") /V " + std::to_string(n + 1) + " 0 R >>";
    objects[n + 1] = sig_dict();
    fields += std::to_string(n) + " 0 R ";
  }
  objects[1] = "<< /Type /Catalog /AcroForm << /Fields [" + fields + "] >> >>";
  CHECK(input_error(with_revision("", objects, 2 + 2 * 40)) ==
        "t.pdf: it has 40 signatures, more than the 32 verify checks; expected a signed PDF with "
        "cross-reference tables");
}

TEST_CASE("a certificate not valid at the signing time fails the signature", "[verify]") {
  sign::SignatureCheck s;
  s.cms.has_certificate = true;
  s.cms.not_before = 1000;
  s.cms.not_after = 2000;
  s.cms.digest_matches = true;
  s.cms.signature_verifies = true;
  s.cms.signing_time = 1500;
  CHECK(s.problems().empty());
  s.cms.signing_time = 2500;
  CHECK(s.valid_when_signed() == false);
  CHECK(s.problems() == std::vector<std::string>{"the certificate was not valid when signed"});
  // Without a signingTime, /M is the signing time.
  s.cms.signing_time.reset();
  s.modified = 1200;
  CHECK(s.valid_when_signed() == true);
  s.cms.digest_matches = false;
  s.cms.signature_verifies = false;
  CHECK(s.problems() == std::vector<std::string>{"digest mismatch"});
}

TEST_CASE("PDF strings and dates are read as written", "[verify]") {
  CHECK(sign::string_bytes("(a\\(b\\) \\101\\\\)") == "a(b) A\\");
  CHECK(sign::string_bytes("(x (y) z)") == "x (y) z");
  CHECK(sign::string_bytes("<48 6 9>") == "Hi");
  CHECK(sign::string_bytes("<4>") == std::string("\x40"));
  CHECK_FALSE(sign::string_bytes("<4G>"));
  CHECK_FALSE(sign::string_bytes("/Name"));
  CHECK(sign::text_utf8(*sign::string_bytes("<FEFF005400E2006E>")) == "Tân");
  CHECK(sign::text_utf8(*sign::string_bytes("<FEFFD835DC00>")) == "𝐀");
  CHECK(sign::text_utf8("caf\xE9") == "café");
  CHECK(sign::pdf_date("D:19700101000000Z") == 0);
  CHECK(sign::pdf_date("D:19700101070000+07'00'") == 0);
  CHECK(sign::pdf_date("D:19700101000000-01'30") == 5400);
  CHECK(sign::pdf_date("D:1970") == 0);
  CHECK_FALSE(sign::pdf_date("D:19701301000000Z"));
  CHECK_FALSE(sign::pdf_date("yesterday"));
}
