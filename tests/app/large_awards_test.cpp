// The large example: examples/large-awards.sh writes N awards; the report
// built from 5,000 of them must hold every row once, grouped and counted.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <regex>
#include <set>

#include "support/pdf_reader.hpp"
#include "support/test_support.hpp"

using namespace baocao;

TEST_CASE("large awards example: 5,000 rows, every number once, summary computed", "[app][large]") {
  test::TempDir dir;
  std::string yaml = (dir / "large.yaml").string();
  std::string cmd = "bash '" + (test::repo_dir() / "examples/large-awards.sh").string() +
                    "' 5000 > '" + yaml + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  auto r = test::run_baocao("build '" + yaml + "' -o '" + (dir / "large.pdf").string() + "'");
  INFO(r.output);
  REQUIRE(r.status == 0);
  auto pdf = test::read_pdf(dir / "large.pdf");
  CHECK(pdf.pages > 200);
  std::string all;
  for (const auto& t : pdf.page_text) all += t + "\n";
  // Every eighth award is a collective: 625 of them and 4,375 individuals,
  // counted by the program and written the Vietnamese way.
  CHECK(test::squash(all).find("4.375 cá nhân và 625 tập thể được khen thưởng.") !=
        std::string::npos);
  // Each group is numbered from 1: the numbers before a recipient are
  // 1..625 and 1..4375, each as often as the groups that reach it.
  std::multiset<int> numbers;
  std::regex row(R"((\d+)\s+(Chi bộ|Nguyễn|Trần|Lê|Phạm|Hoàng|Vũ|Đặng))");
  for (std::sregex_iterator it(all.begin(), all.end(), row), end; it != end; ++it) {
    numbers.insert(std::stoi((*it)[1]));
  }
  CHECK(numbers.count(1) == 2);
  CHECK(numbers.count(625) == 2);
  CHECK(numbers.count(626) == 1);
  CHECK(numbers.count(4375) == 1);
  CHECK(numbers.count(4376) == 0);
  CHECK(numbers.size() == 5000);
}
