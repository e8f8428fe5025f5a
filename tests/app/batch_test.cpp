// Batch builds (issue 7): many reports in one process, as a user runs them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <sstream>

#include "app/batch_inputs.hpp"
#include "support/pdf_reader.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

/// A short report (one page), quick to build.
std::string small_report() {
  return test::read_file(test::repo_dir() / "tests" / "golden" / "headings-lists-table.yaml");
}

/// An input error at a known place: line 4, column 3.
const std::string kBad = "schema: 1\ndocument:\n  kind: BÁO CÁO\n  titel: x\n";

std::set<std::string> pdfs_in(const fs::path& dir) {
  std::set<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".pdf") out.insert(e.path().stem().string());
  return out;
}

/// Writes the file, making its folders first.
void put(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  test::write_file(p, content);
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

} // namespace

TEST_CASE("a batch with --out-dir writes every PDF with its pages", "[batch]") {
  test::TempDir dir;
  fs::copy_file(test::example_path(), dir / "big.yaml");
  put(dir / "small.yaml", small_report());
  auto single =
      test::run_baocao("build " + test::q(dir / "big.yaml") + " -o " + test::q(dir / "single.pdf"));
  REQUIRE(single.status == 0);
  int big_pages = test::read_pdf(dir / "single.pdf").pages;
  REQUIRE(big_pages > 1);

  auto r =
      test::run_baocao("build " + test::q(dir / "big.yaml") + " " + test::q(dir / "small.yaml") +
                       " --out-dir " + test::q(dir / "out" / "deeper") + " --jobs 2");
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(test::read_pdf(dir / "out" / "deeper" / "big.pdf").pages == big_pages);
  CHECK(test::read_pdf(dir / "out" / "deeper" / "small.pdf").pages == 1);
  CHECK(r.output.find("(" + std::to_string(big_pages) + " pages)") != std::string::npos);
  CHECK(r.output.find("built 2, failed 0 in ") != std::string::npos);
}

TEST_CASE("one bad input among good ones fails alone and exits 2", "[batch]") {
  test::TempDir dir;
  for (auto name : {"a", "b", "d"}) put(dir / "in" / (std::string(name) + ".yaml"), small_report());
  put(dir / "in" / "c.yaml", kBad);
  auto r = test::run_baocao("build " + test::q(dir / "in") + " --out-dir " + test::q(dir / "out") +
                            " --jobs 2");
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(r.output.find("c.yaml:4:3: document: unknown key \"titel\"") != std::string::npos);
  CHECK(pdfs_in(dir / "out") == std::set<std::string>{"a", "b", "d"});
  CHECK(r.output.find("built 3, failed 1 in ") != std::string::npos);
  // Nothing but the PDFs: no temporary file is left for the failed one.
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir / "out")) ++files;
  CHECK(files == 3);
}

TEST_CASE("two inputs with the same stem are refused before anything is built", "[batch]") {
  test::TempDir dir;
  put(dir / "x" / "r.yaml", small_report());
  put(dir / "y" / "r.yaml", small_report());
  put(dir / "y" / "s.yaml", small_report());
  auto r = test::run_baocao("build " + test::q(dir / "y" / "s.yaml") + " " +
                            test::q(dir / "x" / "r.yaml") + " " + test::q(dir / "y" / "r.yaml") +
                            " --out-dir " + test::q(dir / "out"));
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(r.output.find((dir / "x" / "r.yaml").string() + " and " + (dir / "y" / "r.yaml").string() +
                      " would both write") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("a folder and a quoted glob expand to their reports", "[batch]") {
  test::TempDir dir;
  put(dir / "in" / "a.yaml", small_report());
  put(dir / "in" / "sub" / "b.yml", small_report());
  put(dir / "in" / "notes.txt", "not a report");
  put(dir / "other" / "c.yaml", small_report());

  auto folder = test::run_baocao("build " + test::q(dir / "in") + " --out-dir " +
                                 test::q(dir / "f") + " --jobs 1");
  INFO(folder.output);
  CHECK(folder.status == 0);
  CHECK(pdfs_in(dir / "f") == std::set<std::string>{"a", "b"});
  // Inputs in sorted order: with one job the lines come in that order.
  CHECK(folder.output.find("a.pdf") < folder.output.find("b.pdf"));

  // Quoted, as a scheduler passes it: baocao expands it, not the shell.
  auto glob = test::run_baocao("build " + test::q((dir / "*" / "*.yaml").string()) + " --out-dir " +
                               test::q(dir / "g"));
  INFO(glob.output);
  CHECK(glob.status == 0);
  CHECK(pdfs_in(dir / "g") == std::set<std::string>{"a", "c"});

  // Without --out-dir each PDF is written beside its input.
  auto beside = test::run_baocao("build " + test::q(dir / "other"));
  CHECK(beside.status == 0);
  CHECK(fs::exists(dir / "other" / "c.pdf"));

  auto none = test::run_baocao("build " + test::q((dir / "*.nothing").string()) + " --out-dir " +
                               test::q(dir / "n"));
  CHECK(none.status == 2);
  CHECK(none.output.find("no .yaml or .yml file matches") != std::string::npos);
  fs::create_directories(dir / "empty");
  CHECK(test::run_baocao("build " + test::q(dir / "empty")).status == 2);
}

TEST_CASE("shards split the inputs into disjoint stable slices", "[batch]") {
  test::TempDir dir;
  std::vector<std::string> names;
  for (int i = 0; i < 7; ++i) names.push_back("r" + std::to_string(i));
  for (const auto& n : names) put(dir / "in" / (n + ".yaml"), small_report());
  auto shard = [&](int k, const std::string& out) {
    // Relative paths, as a scheduler on each machine would give them.
    auto r =
        test::run_command("cd " + test::q(dir.path()) + " && " + test::q(BAOCAO_EXE) +
                          " build in --out-dir " + out + " --shard " + std::to_string(k) + "/3");
    INFO(r.output);
    CHECK(r.status == 0);
    return pdfs_in(dir / out);
  };
  std::set<std::string> all;
  size_t total = 0;
  std::vector<std::set<std::string>> before;
  for (int k = 1; k <= 3; ++k) {
    before.push_back(shard(k, "s" + std::to_string(k)));
    total += before.back().size();
    all.insert(before.back().begin(), before.back().end());
  }
  CHECK(all == std::set<std::string>(names.begin(), names.end()));
  CHECK(total == names.size()); // disjoint
  CHECK(before[0].size() < names.size());

  put(dir / "in" / "new.yaml", small_report());
  for (int k = 1; k <= 3; ++k) {
    auto after = shard(k, "t" + std::to_string(k));
    after.erase("new");
    CHECK(after == before[k - 1]);
  }
}

TEST_CASE("the shard of a path is FNV-1a 64 of it", "[batch]") {
  CHECK(app::fnv1a64("") == 0xcbf29ce484222325ull);
  CHECK(app::fnv1a64("a") == 0xaf63dc4c8601ec8cull);
  CHECK(app::in_shard("a", app::Shard{int(0xaf63dc4c8601ec8cull % 5) + 1, 5}));
  CHECK_FALSE(app::in_shard("a", app::Shard{int(0xaf63dc4c8601ec8cull % 5 + 1) % 5 + 1, 5}));
}

TEST_CASE("two jobs write the same bytes as single builds", "[batch]") {
  test::TempDir dir;
  fs::create_directories(dir / "in");
  fs::copy_file(test::example_path(), dir / "in" / "phu-tho.yaml");
  put(dir / "in" / "small.yaml", small_report());
  auto ubnd = test::repo_dir() / "examples" / "ubnd-phuong-2016-2021.yaml";
  fs::copy_file(ubnd, dir / "in" / "ubnd.yaml");
  fs::copy(test::repo_dir() / "examples" / "assets", dir / "in" / "assets");
  auto sao = test::repo_dir() / "examples" / "sao-viet-2024.yaml";
  fs::copy_file(sao, dir / "in" / "sao.yaml");
  auto batch = test::run_baocao("build " + test::q(dir / "in") + " --out-dir " +
                                test::q(dir / "batch") + " --jobs 2");
  INFO(batch.output);
  REQUIRE(batch.status == 0);
  for (auto name : {"phu-tho", "small", "ubnd", "sao"}) {
    fs::path single = dir / (std::string(name) + "-single.pdf");
    auto r = test::run_baocao("build " + test::q(dir / "in" / (std::string(name) + ".yaml")) +
                              " -o " + test::q(single));
    REQUIRE(r.status == 0);
    INFO(name);
    CHECK(test::read_file(single) == test::read_file(dir / "batch" / (std::string(name) + ".pdf")));
  }
}

TEST_CASE("progress is one plain line per report when stderr is not a terminal", "[batch]") {
  test::TempDir dir;
  for (auto n : {"a", "b", "c"}) put(dir / (std::string(n) + ".yaml"), small_report());
  // In a subshell: stderr to a file (not a terminal), whatever run_command adds after.
  auto run = test::run_command("(" + test::q(BAOCAO_EXE) + " build " + test::q(dir / "a.yaml") +
                               " " + test::q(dir / "b.yaml") + " " + test::q(dir / "c.yaml") +
                               " --jobs 2 2>" + test::q(dir / "err.txt") + ")");
  CHECK(run.status == 0);
  std::string err = test::read_file(dir / "err.txt");
  INFO(err);
  CHECK(err.find('\r') == std::string::npos);
  CHECK(err.find("\033[") == std::string::npos);
  for (auto n : {"a", "b", "c"})
    CHECK(err.find("wrote " + (dir / (std::string(n) + ".pdf")).string() + " (1 page)\n") !=
          std::string::npos);
  CHECK(count(err, "\n") == 4); // three reports and the summary
  // The summary is the last line.
  CHECK(err.substr(err.rfind('\n', err.size() - 2) + 1).rfind("built 3, failed 0 in ", 0) == 0);
}

TEST_CASE("a quiet batch prints nothing on success and only errors on failure", "[batch]") {
  test::TempDir dir;
  put(dir / "a.yaml", small_report());
  put(dir / "b.yaml", small_report());
  auto ok = test::run_baocao("build " + test::q(dir / "a.yaml") + " " + test::q(dir / "b.yaml") +
                             " --quiet");
  CHECK(ok.status == 0);
  CHECK(ok.output.empty());
  CHECK(fs::exists(dir / "b.pdf"));
  put(dir / "b.yaml", kBad);
  auto bad = test::run_baocao("build " + test::q(dir / "a.yaml") + " " + test::q(dir / "b.yaml") +
                              " --quiet");
  CHECK(bad.status == 2);
  CHECK(bad.output.find("wrote") == std::string::npos);
  CHECK(bad.output.find("b.yaml:4:3:") != std::string::npos);
  CHECK(bad.output.find("built 1, failed 1") != std::string::npos);
}

TEST_CASE("bad batch flags are usage errors", "[batch]") {
  test::TempDir dir;
  put(dir / "a.yaml", small_report());
  put(dir / "b.yaml", small_report());
  std::string in = test::q(dir / "a.yaml") + " ";
  for (std::string flags :
       {"--jobs 0", "--jobs 257", "--jobs two", "--jobs", "--jobs 2x", "--shard 0/3", "--shard 4/3",
        "--shard 3", "--shard a/b", "--shard 1/0", "--shard /3", "--shard 1/3/5", "--shard -1/3"}) {
    auto r = test::run_baocao("build " + in + flags);
    INFO(flags << ": " << r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find("run baocao --help") != std::string::npos);
  }
  // -o names one file: not with several inputs, nor with --out-dir.
  auto two =
      test::run_baocao("build " + in + test::q(dir / "b.yaml") + " -o " + test::q(dir / "x.pdf"));
  CHECK(two.status == 2);
  CHECK(test::run_baocao("build " + in + "--out-dir " + test::q(dir / "o") + " -o x.pdf").status ==
        2);
  CHECK_FALSE(fs::exists(dir / "a.pdf"));
  CHECK_FALSE(fs::exists(dir / "b.pdf"));
}

TEST_CASE("a single input without batch flags reports as before", "[batch]") {
  test::TempDir dir;
  put(dir / "a.yaml", small_report());
  auto r = test::run_baocao("build " + test::q(dir / "a.yaml"));
  CHECK(r.status == 0);
  CHECK(r.output == "wrote " + (dir / "a.pdf").string() + " (1 page)\n");
}
