// The man page and the bash completion must name every command and option the
// program prints in its help. Options of commands that other branches are
// adding are documented already, so this keeps passing as they merge.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "support/completion.hpp"
#include "support/test_support.hpp"

using namespace baocao;

namespace {

/// The commands of `baocao --help`: the words under "Commands:" and after
/// "baocao " in the usage lines.
std::set<std::string> commands_in(const std::string& help) {
  std::set<std::string> out;
  std::istringstream lines(help);
  bool in_commands = false;
  static const std::regex listed(R"(^  ([a-z][a-z-]*)( |$))");
  static const std::regex usage(R"(^  baocao ([a-z][a-z-]*)( |$))");
  std::smatch m;
  for (std::string line; std::getline(lines, line);) {
    if (line == "Commands:") {
      in_commands = true;
    } else if (line.empty() || line[0] != ' ') {
      in_commands = false;
    }
    if (std::regex_search(line, m, usage) || (in_commands && std::regex_search(line, m, listed)))
      out.insert(m[1]);
  }
  return out;
}

/// Every `--word` and `-x` in a text (not a hyphen inside a word).
std::set<std::string> options_in(const std::string& text) {
  std::set<std::string> out;
  static const std::regex option(R"((^|[\s\[(|,])(--?[A-Za-z][A-Za-z0-9-]*))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), option);
       it != std::sregex_iterator(); ++it)
    out.insert((*it)[2]);
  return out;
}

/// The options a help text defines: those at the start of its indented lines
/// ("  -o, --output FILE", "  --owner-password-file F, --user-password-file F").
std::set<std::string> defined_options_in(const std::string& help) {
  std::set<std::string> out;
  std::istringstream lines(help);
  static const std::regex defined(R"(^\s+-)");
  for (std::string line; std::getline(lines, line);) {
    if (!std::regex_search(line, defined)) continue;
    // The option list ends where the description starts (two spaces).
    std::string head = line.substr(0, line.find("  ", line.find('-')));
    for (const auto& o : options_in(head)) out.insert(o);
  }
  return out;
}

/// The man page as plain text: roff's escaped hyphens and font changes removed.
std::string man_text() {
  std::string s = test::read_file(test::repo_dir() / "man" / "baocao.1");
  s = std::regex_replace(s, std::regex(R"(\\-)"), "-");
  s = std::regex_replace(s, std::regex(R"(\\f[BIRP])"), "");
  s = std::regex_replace(s, std::regex(R"(\\&)"), "");
  return s;
}

bool names(const std::string& text, const std::string& word) {
  static const std::string edge = "(^|[^A-Za-z0-9-])";
  return std::regex_search(text, std::regex(edge + word + "($|[^A-Za-z0-9-])"));
}

} // namespace

TEST_CASE("the help is parsed into commands and options", "[docs]") {
  CHECK(commands_in("Usage:\n  baocao build X\n  baocao --help\n\nCommands:\n  build   b\n"
                    "  check   c\n            more text\nOptions:\n  --x   y\n") ==
        std::set<std::string>{"build", "check"});
  CHECK(options_in("  -o, --output FILE  PDF/A-1b [--quiet] key-path (-h|--dpi)") ==
        std::set<std::string>{"-o", "--output", "--quiet", "-h", "--dpi"});
  CHECK(defined_options_in("  -o, --output FILE     where, see --template\n  --pdfa  x\n") ==
        std::set<std::string>{"-o", "--output", "--pdfa"});
}

TEST_CASE("the man page and the bash completion name every command and option", "[docs]") {
  const std::string man = man_text();
  const std::string script = test::read_file(test::completion_script());
  test::TempDir dir;
  const std::string exe = BAOCAO_EXE;

  auto help = test::run_baocao("--help");
  REQUIRE(help.status == 0);
  auto commands = commands_in(help.output);
  REQUIRE(commands.count("build") == 1);
  REQUIRE(commands.count("templates") == 1);
  auto offered = test::complete({exe, ""}, dir.path());
  for (const auto& cmd : commands) {
    INFO("command " << cmd);
    CHECK(names(man, "baocao " + cmd));
    CHECK(std::regex_search(man, std::regex("\n\\.TP\n\\.B " + cmd + "\n"))); // in COMMANDS
    CHECK(std::find(offered.begin(), offered.end(), cmd) != offered.end());
  }
  for (const auto& option : options_in(help.output)) {
    INFO("option " << option << " of baocao --help");
    CHECK(names(man, option));
    CHECK(names(script, option));
  }

  for (const auto& cmd : commands) {
    auto cmd_help = test::run_baocao(cmd + " --help");
    INFO("baocao " << cmd << " --help:\n" << cmd_help.output);
    CHECK(cmd_help.status == 0);
    for (const auto& option : options_in(cmd_help.output)) {
      INFO("option " << option);
      CHECK(names(man, option));
      CHECK(names(script, option));
    }
    // What the command's help defines, <TAB> offers after that command.
    auto completed = test::complete({exe, cmd, "-"}, dir.path());
    for (const auto& option : defined_options_in(cmd_help.output)) {
      INFO("option " << option << " offered after baocao " << cmd);
      CHECK(std::find(completed.begin(), completed.end(), option) != completed.end());
    }
  }
}

TEST_CASE("the man page renders without warnings and has a NAME line", "[docs]") {
  auto page = test::q(test::repo_dir() / "man" / "baocao.1");
  auto groff = test::run_command("groff -man -ww -z " + page);
  INFO(groff.output);
  CHECK(groff.status == 0);
  CHECK(groff.output.empty());
  auto lexgrog = test::run_command("lexgrog " + page);
  INFO(lexgrog.output);
  CHECK(lexgrog.status == 0);
  CHECK(lexgrog.output.find("\"baocao - ") != std::string::npos);
}
