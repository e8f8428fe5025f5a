#include "input/yaml_reader.hpp"

#include <catch2/catch.hpp>

#include <random>

#include "core/error.hpp"
#include "input/report_loader.hpp"
#include "support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace baocao;

template <class F> std::string error_of(F&& f) {
  try {
    f();
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "no error";
}

} // namespace

TEST_CASE("files are read whole, up to a cap", "[input][yaml]") {
  test::TempDir dir;
  fs::path file = dir / "r.yaml";
  test::write_file(file, "0123456789abc");
  CHECK(input::read_file_capped(file) == "0123456789abc");
  CHECK(input::read_file_capped(file, 13) == "0123456789abc");
  CHECK(error_of([&] { input::read_file_capped(file, 10); }) ==
        file.string() + ": the file is larger than 10 bytes; expected a file of at most 10 bytes");
  CHECK(input::kMaxInputBytes == 64u << 20);
}

TEST_CASE("the tree keeps positions, paths and quoting", "[input][yaml]") {
  input::Tree t = input::parse_yaml("a: 2015\nb: '2015'\nc:\n  - x\n  - {d: ờ}\n", "f.yaml");
  REQUIRE(t.kind == input::Tree::Kind::mapping);
  REQUIRE(t.entries.size() == 3);
  CHECK(t.entries[0].key == "a");
  CHECK(input::is_plain_number(t.entries[0].value));
  CHECK(input::describe(t.entries[0].value) == "a number");
  CHECK(t.entries[1].value.quoted);
  CHECK_FALSE(input::is_plain_number(t.entries[1].value));
  CHECK(input::text(t.entries[1].value) == "2015");
  const input::Tree& c = t.entries[2].value;
  CHECK(c.path == "c");
  REQUIRE(c.items.size() == 2);
  CHECK(c.items[1].path == "c[1]");
  CHECK(c.items[1].entries[0].value.path == "c[1].d");
  CHECK(c.items[1].entries[0].value.where.line == 5);
  CHECK(c.items[1].entries[0].value.where.col == 9);
  CHECK(c.items[1].entries[0].key_where.col == 6);
}

TEST_CASE("YAML 1.2 numbers and booleans", "[input][yaml]") {
  auto scalar = [](const std::string& s) {
    return input::parse_yaml("v: " + s, "f").entries[0].value;
  };
  for (const char* n : {"0", "-3", "+4", "3.5", ".5", "1.", "1e3", "-2.5E-2", "0x1F", "0o17",
                        ".inf", "-.Inf", ".nan"}) {
    INFO(n);
    CHECK(input::is_plain_number(scalar(n)));
  }
  for (const char* t : {"1,5", "1_000", "3.677.000", "12abc", "e3", ".", "0x", "2015-08-11",
                        "125-BC/ĐUK", "yes", "~x"}) {
    INFO(t);
    CHECK_FALSE(input::is_plain_number(scalar(t)));
  }
  CHECK(input::number(scalar("0x1F")) == 31);
  CHECK(input::number(scalar("-2.5E-2")) == Approx(-0.025));
  CHECK(input::boolean(scalar("True")));
  CHECK_FALSE(input::boolean(scalar("false")));
  CHECK(input::is_plain_bool(scalar("TRUE")));
  CHECK_FALSE(input::is_plain_bool(scalar("yes"))); // YAML 1.1 only: text here
  CHECK(input::text(scalar("yes")) == "yes");
}

TEST_CASE("suggestions for typos", "[input][yaml]") {
  std::vector<std::string> keys = {"kind", "number", "place", "date", "title"};
  CHECK(input::closest("titel", keys) == "title");
  CHECK(input::closest("Place", keys) == "place");
  CHECK(input::closest("nubmer", keys) == "number");
  CHECK(input::closest("dates", keys) == "date");
  CHECK_FALSE(input::closest("author", keys).has_value());
  CHECK_FALSE(input::closest("x", keys).has_value());
  CHECK(input::did_you_mean("kimd", keys) == " (did you mean \"kind\"?)");
  CHECK(input::did_you_mean("zzz", keys).empty());
}

TEST_CASE("NFC normalisation", "[input][yaml]") {
  CHECK(input::to_nfc("Tho\u0323") == std::optional<std::string>("Th\u1ecd"));
  CHECK(input::to_nfc("abc") == std::optional<std::string>("abc"));
  CHECK_FALSE(input::to_nfc("\xC3").has_value());
  CHECK_FALSE(input::to_nfc(std::string("a\0b", 3)).has_value());
}

TEST_CASE("mutated reports never escape as anything but InputError", "[input][yaml][fuzz]") {
  const std::string original = test::read_file(test::data_dir() / "input" / "good" / "full.yaml");
  const std::string alphabet = "*-:[]{}#&!|>'\"\\\n\t ,?%@`~0.\xC3\xCC\x81";
  std::mt19937 rng(20150811);
  int loaded = 0;
  int rejected = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text = original;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      std::size_t at = rng() % text.size();
      switch (rng() % 3) {
      case 0:
        text.erase(at, 1 + rng() % 8);
        break;
      case 1:
        text.insert(at, 1, alphabet[rng() % alphabet.size()]);
        break;
      default:
        text[at] = alphabet[rng() % alphabet.size()];
        break;
      }
      if (text.empty()) text.assign(1, 'x');
    }
    try {
      input::parse_report(text, "fuzz.yaml");
      ++loaded;
    } catch (const core::InputError& err) {
      ++rejected;
      // Every message names the file and a position or is about the whole file.
      CHECK(std::string(err.what()).rfind("fuzz.yaml", 0) == 0);
    }
  }
  CHECK(loaded + rejected == 3000);
  CHECK(rejected > 0);
}
