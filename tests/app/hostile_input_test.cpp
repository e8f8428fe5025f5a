// Hostile input through the CLI (docs/robustness.md): each gets one line
// naming the problem, exit 2, no PDF, within a time bound. Big inputs are
// generated here into a temporary folder, never committed.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

const std::string& head() {
  static const std::string yaml =
      test::read_file(test::repo_dir() / "tests" / "golden" / "headings-lists-table.yaml");
  return yaml;
}

struct Outcome {
  int status;
  std::string output;
  bool wrote;
};

// Bounded time without a wall clock (which a loaded machine or a sanitizer
// build stretches): the kernel kills a run past 30 CPU seconds, and the test
// then sees a signal's status instead of 2. Normal runs take under 1 s.
const std::string kCpuLimit = "ulimit -t 30; ";

/// Builds `yaml` (written as r.yaml in `dir`) to r.pdf, under the CPU limit.
Outcome build(const test::TempDir& dir, const std::string& yaml, const std::string& flags = "") {
  test::write_file(dir / "r.yaml", yaml);
  auto r = test::run_baocao("build '" + (dir / "r.yaml").string() + "' -o '" +
                                (dir / "r.pdf").string() + "'" + flags,
                            kCpuLimit);
  return {r.status, r.output, fs::exists(dir / "r.pdf")};
}

/// The whole output is exactly one line: the file's name, then `message`.
void check_refused(const test::TempDir& dir, const Outcome& o, const std::string& message) {
  INFO(o.output);
  CHECK(o.status == 2);
  CHECK(o.output == (dir / "r.yaml").string() + ":" + message + "\n");
  CHECK_FALSE(o.wrote);
}

const std::string kDeep =
    "values nest more than 64 levels deep; expected the structure described in docs/schema.md";

} // namespace

TEST_CASE("nesting 100,000 levels deep is refused before yaml-cpp recurses", "[app][hostile]") {
  test::TempDir dir;
  check_refused(dir, build(dir, "a: " + std::string(100000, '[') + "\n"), "1:259: " + kDeep);
  std::string maps = "a: ";
  for (int i = 0; i < 100000; ++i) maps += "{a: ";
  check_refused(dir, build(dir, maps + "\n"), "1:1024: " + kDeep);
  std::string seqs = "a:\n";
  for (int i = 0; i < 100000; ++i) seqs += "- ";
  check_refused(dir, build(dir, seqs + "x\n"), "2:513: " + kDeep);
  // Block mappings need one more space a level, so 64 MiB holds at most
  // about 11,000 levels: this file is 60 MB.
  std::string block;
  for (std::size_t i = 0; i < 11000; ++i) block += std::string(i, ' ') + "k:\n";
  check_refused(dir, build(dir, block), "257:257: " + kDeep);
  // Just over the limit, the tree builder's exact check names the key path.
  std::string just = "a: " + std::string(70, '[') + std::string(70, ']') + "\n";
  auto o = build(dir, just);
  CHECK(o.status == 2);
  CHECK(o.output.find("a[0][0]") != std::string::npos);
  CHECK(o.output.find(kDeep) != std::string::npos);
}

TEST_CASE("an alias bomb stops at 100,000 repeated values, fast", "[app][hostile]") {
  test::TempDir dir;
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ", *" : "*") + prev;
    bomb += "]\n";
  }
  check_refused(dir, build(dir, bomb),
                "1:14: e[7][8][9][0][2]: aliases repeat more than 100000 values in all (an alias "
                "*name repeats the whole anchored value); expected fewer aliases: write the "
                "values out, or anchor smaller values");
}

TEST_CASE("a 200 MB file is refused by its size without being read", "[app][hostile]") {
  test::TempDir dir;
  {
    // Sparse: 200 MB on paper, no disk used.
    test::write_file(dir / "r.yaml", "");
    fs::resize_file(dir / "r.yaml", std::uintmax_t{200} << 20);
  }
  auto r = test::run_baocao("build '" + (dir / "r.yaml").string() + "'", kCpuLimit);
  CHECK(r.status == 2);
  CHECK(r.output == (dir / "r.yaml").string() +
                        ": the file is larger than 64 MiB; expected a file of at most 64 MiB\n");
  CHECK_FALSE(fs::exists(dir / "r.pdf"));
}

TEST_CASE("a 1 MB line and a 1 MB text value fail in bounded time", "[app][hostile]") {
  test::TempDir dir;
  // Laid out, a 1 MB unbreakable word took 523 s; the cap stops it at once.
  check_refused(dir, build(dir, head() + "source: \"" + std::string(1 << 20, 'x') + "\"\n"),
                "37:9: source: the text is 1048576 characters long; expected at most 20000 "
                "characters in one value (split a long paragraph into several)");
  std::string words;
  for (int i = 0; i < (1 << 17); ++i) words += "chào ";
  check_refused(dir, build(dir, head() + "source: " + words + "\n"),
                "37:9: source: the text is 655359 characters long; expected at most 20000 "
                "characters in one value (split a long paragraph into several)");
  // A 1 MB line of flow YAML parses in bounded time (and then fails on schema).
  std::string flow = "schema: 1\nrecipients: [";
  while (flow.size() < (1u << 20)) flow += "'Nơi nhận', ";
  flow += "x]\n";
  auto o = build(dir, flow);
  CHECK(o.status == 2);
  CHECK(o.output.find("missing required key \"document\"") != std::string::npos);
}

TEST_CASE("encodings: NUL, invalid UTF-8 at its byte, UTF-16 named, a BOM accepted",
          "[app][hostile]") {
  test::TempDir dir;
  const std::string expected = "; expected UTF-8 text (save the file as UTF-8)";
  std::string nul = head();
  nul.insert(nul.find("schema: 1") + 9, 1, '\0');
  check_refused(dir, build(dir, nul), "3:10: the file contains a NUL byte" + expected);
  check_refused(dir, build(dir, head() + "source: abc\xFF\n"),
                "37:12: invalid UTF-8 (byte 0xFF)" + expected);
  std::string le = "\xFF\xFE", be = "\xFE\xFF", bare;
  for (char c : std::string("schema: 1\n")) {
    le += std::string{c, '\0'};
    be += std::string{'\0', c};
    bare += std::string{c, '\0'};
  }
  for (const std::string& utf16 : {le, be, bare}) {
    check_refused(dir, build(dir, utf16), "1:1: the file is encoded as UTF-16" + expected);
  }
  auto bom = build(dir, "\xEF\xBB\xBF" + head());
  CHECK(bom.status == 0);
  CHECK(bom.wrote);
}

TEST_CASE("a table over 200,000 rows is refused at its rows", "[app][hostile]") {
  test::TempDir dir;
  std::string yaml = head();
  std::string table = "          - table:\n              columns: [A]\n              rows:\n";
  for (int i = 0; i < 200001; ++i) table += "                - [x]\n";
  const std::string body = "        body:\n";
  auto at = yaml.find(body);
  REQUIRE(at != std::string::npos);
  yaml.insert(at + body.size(), table);
  auto o = build(dir, yaml);
  INFO(o.output.substr(0, 500));
  CHECK(o.status == 2);
  CHECK(o.output.find(".table.rows: the table has 200001 rows; expected at most 200000 rows in "
                      "one table (split it)") != std::string::npos);
  CHECK_FALSE(o.wrote);
}

TEST_CASE("signature images: damaged JPEG, huge, outside the report's folder, --allow-paths",
          "[app][hostile]") {
  test::TempDir dir;
  fs::create_directory(dir / "in");
  fs::create_directory(dir / "other");
  const fs::path png = test::repo_dir() / "examples" / "assets" / "chu-ky-mau.png";
  auto with_image = [&](const std::string& image) {
    std::string yaml =
        head() + "signature:\n  on_behalf_of: T/M CHI BỘ\n  role: BÍ THƯ\n  image: " + image + "\n";
    test::write_file(dir / "in" / "r.yaml", yaml);
  };
  auto run = [&](const std::string& flags = "") {
    return test::run_baocao("build '" + (dir / "in" / "r.yaml").string() + "' -o '" +
                            (dir / "in" / "r.pdf").string() + "'" + flags);
  };
  const std::string at = (dir / "in" / "r.yaml").string() + ":40:10: signature.image: ";

  test::write_file(dir / "in" / "a.jpg", "\xFF\xD8\xFF\xE0 JFIF and more");
  with_image("a.jpg");
  auto jpeg = run();
  CHECK(jpeg.status == 2);
  CHECK(jpeg.output == at + (dir / "in" / "a.jpg").string() +
                           " is a damaged JPEG file (no frame header); expected a PNG file, or a "
                           "baseline or progressive JPEG in RGB or greyscale\n");

  // A PNG header claiming 8000x8000 pixels (64 megapixels).
  std::string huge = "\x89PNG\r\n\x1a\n";
  huge += std::string("\0\0\0\x0dIHDR", 8) + std::string("\0\0\x1f\x40\0\0\x1f\x40", 8) +
          std::string(20, '\0');
  test::write_file(dir / "in" / "huge.png", huge);
  with_image("huge.png");
  auto big = run();
  CHECK(big.status == 2);
  CHECK(big.output == at + (dir / "in" / "huge.png").string() +
                          " is 8000x8000 pixels; expected an image of at most 10000 pixels a side "
                          "and 40 megapixels\n");

  const std::string outside = " is outside the report's folder " + (dir / "in").string() +
                              "; expected an image in the report's folder or below it (or allow "
                              "its folder with --allow-paths DIR)\n";
  fs::copy_file(png, dir / "other" / "s.png");
  with_image("../other/s.png");
  auto up = run();
  CHECK(up.status == 2);
  CHECK(up.output == at + fs::canonical(dir / "other" / "s.png").string() + outside);
  with_image((dir / "other" / "s.png").string());
  CHECK(run().output == at + fs::canonical(dir / "other" / "s.png").string() + outside);
  // A symlink inside the folder that leads out is outside too.
  fs::create_symlink(dir / "other" / "s.png", dir / "in" / "link.png");
  with_image("link.png");
  auto link = run();
  CHECK(link.status == 2);
  CHECK(link.output == at + fs::canonical(dir / "other" / "s.png").string() + outside);
  CHECK_FALSE(fs::exists(dir / "in" / "r.pdf"));

  auto allowed = run(" --allow-paths '" + (dir / "other").string() + "'");
  INFO(allowed.output);
  CHECK(allowed.status == 0);
  CHECK(fs::exists(dir / "in" / "r.pdf"));
  auto no_dir = run(" --allow-paths '" + (dir / "nope").string() + "'");
  CHECK(no_dir.status == 2);
  CHECK(no_dir.output.find("--allow-paths " + (dir / "nope").string() + ": no such folder") !=
        std::string::npos);
}

TEST_CASE("table lines taller than a page end: each page takes one", "[app][hostile]") {
  // A 200 pt font at line_height 5 makes a 1,000 pt line, more than any page
  // holds. Tables used to wait for a page with room and never finish.
  test::TempDir dir;
  auto part = GENERATE(std::string("cell"), std::string("header"));
  INFO(part);
  test::write_file(dir / "t.yaml", "extends: dang\ntable:\n  " + part +
                                       ": {font: Liberation Serif, size: 200, line_height: 5}\n");
  auto r = test::run_baocao("build " + test::q(test::example_path()) + " --template " +
                                test::q(dir / "t.yaml") + " -o " + test::q(dir / "r.pdf"),
                            kCpuLimit);
  CHECK(r.status == 0);
  CHECK(r.output.find("wrote ") != std::string::npos);
  CHECK(fs::exists(dir / "r.pdf"));
}
