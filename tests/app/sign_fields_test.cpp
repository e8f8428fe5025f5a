// Sign-ready output and visible signatures (issue 15): the fields sit where
// layout put the signature and seal, their appearances show the images given
// at signing time, nothing of them is drawn on an unsigned page, PDF/A stays
// valid, and the appendix's text-only signature reads as Decree 30 asks.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "support/preflight.hpp"
#include "support/test_keys.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

const double kA4Height = 841.89;

std::string example() {
  return test::q(test::repo_dir() / "examples" / "ubnd-phuong-2016-2021.yaml");
}
std::string asset(const std::string& name) {
  return test::q(test::repo_dir() / "examples" / "assets" / name);
}

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
};

/// The rectangles of one kind of dump line ("signature-field", "image") by
/// their last word (a field's name, an image's file).
std::map<std::string, Rect> dump_rects(const std::string& dump, const std::string& kind) {
  std::map<std::string, Rect> out;
  std::regex line("  " + kind + " ([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9.]+) \"?([^\"\\n]+)\"?\\n");
  for (std::sregex_iterator it(dump.begin(), dump.end(), line), end; it != end; ++it)
    out[(*it)[5]] = {std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                     std::stod((*it)[4])};
  return out;
}

/// "signer" as the UTF-16BE hex string the PDF names a field with.
std::string hex_name(const std::string& ascii) {
  std::string out = "<FEFF";
  char buf[8];
  for (char c : ascii) {
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
    out += buf;
  }
  return out + ">";
}

/// The newest /Rect of the widget named `name` in the PDF's bytes.
std::vector<double> widget_rect(const std::string& pdf, const std::string& name) {
  std::regex widget("/T " + hex_name(name) + " /F 4 /Rect \\[([-0-9. ]+)\\]");
  std::vector<double> out;
  for (std::sregex_iterator it(pdf.begin(), pdf.end(), widget), end; it != end; ++it) {
    out.clear();
    std::istringstream in((*it)[1].str());
    for (double v; in >> v;) out.push_back(v);
  }
  return out;
}

/// Pixels of page `page` at 72 dpi (one pixel a point) inside `r`, counted
/// as blue ink (the signature) and red ink (the seal).
struct Ink {
  int blue = 0, red = 0;
};
Ink ink(const fs::path& pdf, int page, const Rect& r, const test::TempDir& dir) {
  auto stem = dir / "ink";
  auto cmd =
      "pdftoppm -r 72 -f " + std::to_string(page) + " -l " + std::to_string(page) + " -x " +
      std::to_string(static_cast<int>(r.x)) + " -y " + std::to_string(static_cast<int>(r.y)) +
      " -W " + std::to_string(static_cast<int>(r.w)) + " -H " +
      std::to_string(static_cast<int>(r.h)) + " -singlefile " + test::q(pdf) + " " + test::q(stem);
  auto run = test::run_command(cmd + " 2>&1");
  REQUIRE(run.status == 0);
  std::string ppm = test::read_file(stem.string() + ".ppm");
  // P6\nW H\n255\n then RGB triples.
  size_t at = 0;
  for (int fields = 0; fields < 4; ++fields) {
    while (at < ppm.size() && std::isspace(static_cast<unsigned char>(ppm[at]))) ++at;
    while (at < ppm.size() && !std::isspace(static_cast<unsigned char>(ppm[at]))) ++at;
  }
  ++at;
  Ink out;
  for (; at + 2 < ppm.size(); at += 3) {
    int red = static_cast<unsigned char>(ppm[at]), green = static_cast<unsigned char>(ppm[at + 1]),
        blue = static_cast<unsigned char>(ppm[at + 2]);
    if (blue > red + 60 && blue > green + 30) ++out.blue;
    if (red > blue + 60 && red > green + 60) ++out.red;
  }
  return out;
}

} // namespace

TEST_CASE("sign-ready fields sit where the signature block's images go, and no image is drawn",
          "[app][sign]") {
  test::TempDir dir;
  // Without --sign-ready the example draws its specimen signature and seal.
  auto plain = test::run_baocao("build " + example() + " --dump-layout");
  REQUIRE(plain.status == 0);
  auto images = dump_rects(plain.output, "image");
  REQUIRE(images.count("chu-ky-mau.png"));
  REQUIRE(images.count("dau-mau.png"));

  auto ready = test::run_baocao("build " + example() + " --sign-ready --dump-layout -o " +
                                test::q(dir / "r.pdf"));
  REQUIRE(ready.status == 0);
  CHECK(dump_rects(ready.output, "image").empty()); // a page to be signed shows no image
  auto fields = dump_rects(ready.output, "signature-field");
  REQUIRE(fields.size() == 2);
  const Rect sig = fields.at("signer"), seal = fields.at("organisation");
  const Rect sig_image = images.at("chu-ky-mau.png"), seal_image = images.at("dau-mau.png");
  CHECK(sig.x == Approx(sig_image.x));
  CHECK(sig.y == Approx(sig_image.y));
  CHECK(sig.w == Approx(sig_image.w));
  CHECK(sig.h == Approx(sig_image.h));
  CHECK(seal.x == Approx(seal_image.x));
  CHECK(seal.y == Approx(seal_image.y));
  CHECK(seal.w == Approx(seal_image.w));
  // The seal covers the left third of the signature (Decree 30, Appendix I §II.8.a).
  CHECK(seal.x + seal.w == Approx(sig.x + sig.w / 3).margin(0.02)); // the dump rounds to 0.01

  // The PDF's widgets have those rectangles, from the page's foot.
  const std::string pdf = test::read_file(dir / "r.pdf");
  for (const auto& [name, r] : fields) {
    auto rect = widget_rect(pdf, name);
    INFO(name);
    REQUIRE(rect.size() == 4);
    CHECK(rect[0] == Approx(r.x).margin(0.02));
    CHECK(rect[1] == Approx(kA4Height - r.y - r.h).margin(0.02));
    CHECK(rect[2] == Approx(r.x + r.w).margin(0.02));
    CHECK(rect[3] == Approx(kA4Height - r.y).margin(0.02));
  }
  CHECK(pdf.find("/SigFlags 1") != std::string::npos);
  // poppler sees two empty signature fields, by name, in that order.
  auto report = test::pdfsig(dir / "r.pdf");
  INFO(report);
  CHECK(test::occurrences(report, "The signature form field is not signed.") == 2);
  CHECK(report.find("Field Name: signer") < report.find("Field Name: organisation"));
  auto list = test::run_command("pdfimages -list " + test::q(dir / "r.pdf"));
  CHECK(list.output.find("image") == std::string::npos); // no picture in the file at all
}

TEST_CASE("signer then organisation fill the fields, each showing its image, both valid",
          "[app][sign]") {
  test::TempDir dir;
  const auto& keys = test::test_keys();
  auto ready = test::run_baocao("build " + example() + " --sign-ready --dump-layout -o " +
                                test::q(dir / "r.pdf"));
  REQUIRE(ready.status == 0);
  auto fields = dump_rects(ready.output, "signature-field");
  const int last_page = std::stoi(ready.output.substr(ready.output.rfind("\npage ") + 6));

  auto r = test::run_baocao("sign " + test::q(dir / "r.pdf") + " --p12 " + keys.p12("signer") +
                            " --p12-password secret --image " + asset("chu-ky-mau.png") +
                            " --reason 'Phê duyệt'");
  INFO(r.output);
  REQUIRE(r.status == 0);
  r = test::run_baocao("sign " + test::q(dir / "r.pdf") + " --p12 " + keys.p12("org") +
                       " --p12-password org-secret --image " + asset("dau-mau.png"));
  REQUIRE(r.status == 0);
  auto sig = test::pdfsig(dir / "r.pdf");
  INFO(sig);
  CHECK(test::occurrences(sig, "Signature is Valid.") == 2);
  CHECK(sig.find("Signature Field Name: signer") < sig.find("Signature Field Name: organisation"));
  CHECK(sig.find("Nguyễn Văn A") < sig.find("UBND phường Tân Dân"));

  // The signature's blue ink is in its field and the seal's red in its own.
  const Ink in_signature = ink(dir / "r.pdf", last_page, fields.at("signer"), dir);
  const Ink in_seal = ink(dir / "r.pdf", last_page, fields.at("organisation"), dir);
  CHECK(in_signature.blue > 100);
  CHECK(in_seal.red > 100);

  // A third signature finds no field left and is refused by name.
  r = test::run_baocao("sign " + test::q(dir / "r.pdf") + " -o " + test::q(dir / "x.pdf") +
                       " --p12 " + keys.p12("org") +
                       " --p12-password org-secret --field signer --image " + asset("dau-mau.png"));
  CHECK(r.status == 2);
  CHECK(r.output.find("its field signer is signed already") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.pdf"));
}

TEST_CASE("build --sign signs in the signer's field with the report's image", "[app][sign]") {
  test::TempDir dir;
  const auto& keys = test::test_keys();
  auto r = test::run_baocao("build " + example() + " --sign --p12 " + keys.p12("signer") + " -o " +
                                test::q(dir / "s.pdf"),
                            "BAOCAO_P12_PASSWORD=secret ");
  INFO(r.output);
  REQUIRE(r.status == 0);
  auto sig = test::pdfsig(dir / "s.pdf");
  INFO(sig);
  CHECK(test::occurrences(sig, "Signature is Valid.") == 1);
  CHECK(sig.find("Signature Field Name: signer") != std::string::npos);
  CHECK(sig.find("Total document signed") != std::string::npos);
  // The organisation's field waits for the văn thư.
  r = test::run_baocao("sign " + test::q(dir / "s.pdf") + " --p12 " + keys.p12("org") +
                       " --p12-password org-secret --image " + asset("dau-mau.png"));
  REQUIRE(r.status == 0);
  CHECK(test::occurrences(test::pdfsig(dir / "s.pdf"), "Signature is Valid.") == 2);
}

TEST_CASE("a signed PDF/A with both images still passes Preflight", "[app][sign][pdfa]") {
  test::TempDir dir;
  const auto& keys = test::test_keys();
  auto pdf = dir / "a.pdf";
  REQUIRE(
      test::run_baocao("build " + example() + " --pdfa --sign-ready -o " + test::q(pdf)).status ==
      0);
  REQUIRE(test::run_baocao("sign " + test::q(pdf) + " --p12 " + keys.p12("signer") +
                           " --p12-password secret --image " + asset("chu-ky-mau.png"))
              .status == 0);
  REQUIRE(test::run_baocao("sign " + test::q(pdf) + " --p12 " + keys.p12("org") +
                           " --p12-password org-secret --image " + asset("dau-mau.png"))
              .status == 0);
  CHECK(test::occurrences(test::pdfsig(pdf), "Signature is Valid.") == 2);
  auto preflight = test::run_preflight(pdf);
  INFO(preflight.output);
  CHECK(preflight.status == 0);
  CHECK(preflight.output.find("is a valid PDF/A-1b file") != std::string::npos);
  // The transparent PNGs were flattened: no soft mask anywhere.
  CHECK(test::read_file(pdf).find("/SMask") == std::string::npos);
}

TEST_CASE("an appendix's text-only organisation signature: who, which document, when",
          "[app][sign]") {
  test::TempDir dir;
  const auto& keys = test::test_keys();
  auto pdf = dir / "phu-luc.pdf";
  REQUIRE(test::run_baocao("build " + example() + " -o " + test::q(pdf)).status == 0);
  auto r = test::run_baocao("sign " + test::q(pdf) + " --p12 " + keys.p12("org") +
                            " --p12-password org-secret --text-signature --number 125/BC-UBND");
  INFO(r.output);
  REQUIRE(r.status == 0);
  auto sig = test::pdfsig(pdf);
  CHECK(test::occurrences(sig, "Signature is Valid.") == 1);
  CHECK(sig.find("Signature Field Name: appendix") != std::string::npos);
  auto text = test::run_command("pdftotext -f 1 -l 1 " + test::q(pdf) + " -").output;
  CHECK(text.find("UBND phường Tân Dân\nSố: 125/BC-UBND\nThời gian ký: ") != std::string::npos);
  CHECK(
      std::regex_search(text, std::regex("Thời gian ký: 20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]"
                                         ":[0-5][0-9]:[0-5][0-9]\\+07:00")));
  // At the top right of page 1, above the text area (top margin 20 mm).
  auto rect = widget_rect(test::read_file(pdf), "appendix");
  REQUIRE(rect.size() == 4);
  CHECK(rect[2] == Approx(595.28 - 15 * 72 / 25.4).margin(0.01));
  CHECK(kA4Height - rect[3] == Approx(6 * 72 / 25.4).margin(0.01));
  CHECK(kA4Height - rect[1] < 20 * 72 / 25.4);
  // Its font is embedded and subset like the document's own (Times New Roman's twin).
  auto fonts = test::run_command("pdffonts " + test::q(pdf)).output;
  INFO(fonts);
  CHECK(fonts.find("LiberationSerif") != std::string::npos);
  CHECK(fonts.find(" no ") == std::string::npos); // every font: embedded, subset, ToUnicode
}

TEST_CASE("the number and date can be left blank for the issuing office", "[app][sign]") {
  test::TempDir dir;
  auto pdf = dir / "r.pdf";
  auto r = test::run_baocao("build " + example() + " --sign-ready --blank-number-date -o " +
                            test::q(pdf) + " --dump-layout");
  REQUIRE(r.status == 0);
  // The serial "05" goes, the symbol stays; the day, the month and the year's end go. The
  // blanks are no-break spaces, where a system that issues the document finds them.
  auto blank = [](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "\u00A0";
    return s;
  };
  INFO(r.output.substr(0, 3000));
  CHECK(r.output.find("\"Số: " + blank(6) + "/BC-UBND\"") != std::string::npos);
  CHECK(r.output.find("\"Tân Dân, ngày " + blank(5) + " tháng " + blank(5) + " năm 20" + blank(4) +
                      "\"") != std::string::npos);
  auto text = test::run_command("pdftotext -f 1 -l 1 " + test::q(pdf) + " -").output;
  CHECK(text.find("05/BC-UBND") == std::string::npos);
  CHECK(text.find("năm 2021") == std::string::npos);
  CHECK(text.find("2016 - 2021") != std::string::npos); // the body keeps its years
}

TEST_CASE("signing requests that cannot be met: clear message, exit 2, nothing written",
          "[app][sign]") {
  test::TempDir dir;
  const auto& keys = test::test_keys();
  auto plain = dir / "plain.pdf";
  REQUIRE(test::run_baocao("build " + example() + " -o " + test::q(plain)).status == 0);
  const std::string out = " -o " + test::q(dir / "out.pdf");
  struct Bad {
    std::string command;
    std::string says;
  };
  // A certificate whose validity starts in 2099.
  keys.run("printf '[ca]\\ndefault_ca=c\\n[c]\\ndatabase=index.txt\\nnew_certs_dir=.\\n"
           "serial=serial\\npolicy=p\\ndefault_md=sha256\\n[p]\\ncommonName=supplied\\n' > ca.cnf"
           " && : > index.txt && echo 01 > serial"
           " && openssl req -newkey rsa:2048 -nodes -keyout later.key -out later.csr"
           " -subj '/CN=Chưa Hiệu Lực' -utf8"
           " && openssl ca -batch -config ca.cnf -cert ca.crt -keyfile ca.key -in later.csr"
           " -out later.crt -startdate 20990101000000Z -enddate 20991231000000Z -notext"
           " && openssl pkcs12 -export -inkey later.key -in later.crt -out later.p12"
           " -passout pass:x");
  for (const Bad& b : std::vector<Bad>{
           {"sign " + test::q(plain) + out + " --p12 " + keys.p12("later") + " --p12-password x",
            "its certificate is not valid before 2099-01-01"},
           {"sign " + test::q(plain) + out + " --p12 " + keys.p12("signer") +
                " --p12-password secret --image " + asset("chu-ky-mau.png"),
            "it has no unsigned signature field to show it in"},
           {"sign " + test::q(plain) + out + " --p12 " + keys.p12("signer") +
                " --p12-password secret --field signer",
            "it has no signature field named signer"},
           {"sign " + test::q(plain) + out + " --p12 " + keys.p12("signer") +
                " --p12-password secret --image " + test::q(plain),
            "is not a PNG or JPEG"},
           {"build " + example() + out + " --sign", "--sign needs the signing key"},
           {"build " + example() + out + " --p12 " + keys.p12("signer"), "give --sign too"},
           {"build " + example() + out + " --blank-number-date", "give --sign-ready"},
           {"build " + example() + " --format png --sign-ready -o " + test::q(dir / "p-{p}.png"),
            "--sign and --sign-ready apply to a PDF only"},
           {"build " + example() + out + " --sign-ready --owner-password o", "cannot be encrypted"},
           {"build " + example() + out + " --sign --p12 " + keys.p12("signer") +
                " --p12-password wrong",
            "the password does not open it"},
       }) {
    auto r = test::run_baocao(b.command);
    INFO(b.command << "\n" << r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find(b.says) != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out.pdf"));
  }
  // A report without a signature block has nowhere to put the fields.
  std::string yaml = test::read_file(test::repo_dir() / "examples" / "ubnd-phuong-2016-2021.yaml");
  yaml = yaml.substr(0, yaml.find("\nsignature:")) + "\n";
  test::write_file(dir / "no-signature.yaml", yaml);
  auto r = test::run_baocao("build " + test::q(dir / "no-signature.yaml") + out + " --sign-ready");
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(r.output.find("no signature block") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out.pdf"));
}

TEST_CASE("without images the fields keep a signature's room and the seal's place", "[app][sign]") {
  // The Phú Thọ example names no signature image or seal.
  auto r =
      test::run_baocao("build " + test::q(test::example_path()) + " --sign-ready --dump-layout");
  REQUIRE(r.status == 0);
  auto fields = dump_rects(r.output, "signature-field");
  REQUIRE(fields.size() == 2);
  const Rect sig = fields.at("signer"), seal = fields.at("organisation");
  CHECK(sig.w == Approx(2 * sig.h).margin(0.02)); // twice the template's image height
  CHECK(seal.w == Approx(seal.h));
  CHECK(seal.x + seal.w == Approx(sig.x + sig.w / 3).margin(0.02)); // the dump rounds to 0.01
  // Centred on the position line above it.
  const std::string role = "\"BÍ THƯ\"";
  auto at = r.output.find(role);
  REQUIRE(at != std::string::npos);
  auto line_start = r.output.rfind("  text ", at);
  std::istringstream line(r.output.substr(line_start + 7));
  double x = 0, baseline = 0;
  line >> x >> baseline;
  auto w_at = r.output.find(" w=", line_start);
  double w = std::stod(r.output.substr(w_at + 3));
  CHECK(sig.x + sig.w / 2 == Approx(x + w / 2).margin(0.5));
  CHECK(sig.y > baseline);
}
