// The module rules of docs/architecture.md, enforced: every #include in src/
// is checked against the module table of that document (which modules each
// may use, which third-party libraries each owns), so the table and the code
// cannot drift apart. Every target has src/ as its include root, so the
// compiler alone would accept any include; this test is what refuses one.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace baocao;

struct ModuleRule {
  bool uses_all = false;
  std::set<std::string> may_use;      ///< module names ("core", "render/cairo")
  std::vector<std::string> libraries; ///< the third-party column's items
};

std::string trim(std::string s) {
  const char* ws = " \t`";
  s.erase(0, s.find_first_not_of(ws));
  s.erase(s.find_last_not_of(ws) + 1);
  return s;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);) out.push_back(trim(part));
  return out;
}

/// The module table: rows "| `src/NAME` | owns | may use | third-party |".
std::map<std::string, ModuleRule> module_table() {
  std::ifstream in(test::repo_dir() / "docs" / "architecture.md");
  std::map<std::string, ModuleRule> rules;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("| `src/", 0) != 0) continue;
    auto cells = split(line, '|'); // "", module, owns, may use, third-party
    REQUIRE(cells.size() == 5);
    ModuleRule r;
    if (cells[3] == "all") {
      r.uses_all = true;
    } else if (cells[3] != "std only") {
      for (const auto& m : split(cells[3], ',')) r.may_use.insert(m);
    }
    if (cells[4] != "none") r.libraries = split(cells[4], ',');
    rules[cells[1].substr(4)] = r; // without "src/"
  }
  return rules;
}

/// Which library a header belongs to; nullopt for the C++ library and POSIX.
/// A header in neither list fails the test: add it here.
std::optional<std::string> library_of(const std::string& header) {
  static const std::vector<std::pair<std::string, std::string>> prefixes = {
      {"yaml-cpp/", "yaml-cpp"}, {"glib.h", "GLib"},         {"glib-object.h", "GLib"},
      {"glib/", "GLib"},         {"gio/", "GLib"},           {"pango/", "Pango"},
      {"hb.h", "HarfBuzz"},      {"hb-", "HarfBuzz"},        {"fontconfig/", "fontconfig"},
      {"cairo", "Cairo"},        {"ft2build.h", "FreeType"}, {"freetype/", "FreeType"},
      {"jpeglib.h", "libjpeg"},  {"hpdf", "libharu"},        {"png.h", "libpng"},
      {"openssl/", "OpenSSL"},   {"libp11", "libp11"},       {"zip.h", "libzip"},
      {"expat.h", "expat"},      {"librsvg/", "librsvg"},    {"libxml/", "libxml2"},
      {"httplib.h", "cpp-httplib"}, {"nlohmann/", "nlohmann-json"},
  };
  for (const auto& [prefix, lib] : prefixes) {
    if (header.rfind(prefix, 0) == 0) return lib;
  }
  return std::nullopt;
}

bool is_system_header(const std::string& header) {
  static const std::set<std::string> posix = {"unistd.h", "fcntl.h",  "glob.h",
                                              "poll.h",   "signal.h", "dirent.h",
                                              "errno.h",  "spawn.h",  "dlfcn.h",
                                              "pthread.h"};
  if (header.find('.') == std::string::npos) return true; // <vector>, <cstdio>
  return posix.count(header) || header.rfind("sys/", 0) == 0;
}

/// "render/cairo" for src/render/cairo/x.cpp, "core" for src/core/x.hpp.
std::string module_of(const std::string& path_in_src) {
  auto parts = split(path_in_src, '/');
  if (parts.size() > 2 && parts[0] == "render") return parts[0] + "/" + parts[1];
  return parts[0];
}

struct Include {
  std::string target;
  bool angled = false;
  int line = 0;
};

std::vector<Include> includes_of(const fs::path& file) {
  static const std::regex include_re(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  std::ifstream in(file);
  std::vector<Include> out;
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    std::smatch m;
    if (std::regex_search(line, m, include_re)) out.push_back({m[2], m[1] == "<", n});
  }
  return out;
}

struct Source {
  std::string path; ///< relative to src/
  fs::path file;
  std::vector<Include> includes;
};

std::vector<Source> sources() {
  const fs::path src = test::repo_dir() / "src";
  std::vector<Source> out;
  for (const auto& e : fs::recursive_directory_iterator(src)) {
    auto ext = e.path().extension();
    if (ext != ".cpp" && ext != ".hpp") continue;
    out.push_back({fs::relative(e.path(), src).generic_string(), e.path(), includes_of(e.path())});
  }
  std::sort(out.begin(), out.end(),
            [](const Source& a, const Source& b) { return a.path < b.path; });
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

} // namespace

TEST_CASE("each module includes only the modules and libraries docs/architecture.md allows",
          "[architecture]") {
  const auto rules = module_table();
  REQUIRE(rules.size() >= 10);
  const auto files = sources();
  REQUIRE(files.size() > 50);

  // A header that includes a third-party header is internal to its module.
  std::set<std::string> internal;
  for (const auto& f : files) {
    for (const auto& i : f.includes) {
      if (i.angled && library_of(i.target)) internal.insert(f.path);
    }
  }

  std::vector<std::string> problems;
  for (const auto& f : files) {
    const std::string mod = module_of(f.path);
    auto rule = rules.find(mod);
    if (rule == rules.end()) {
      problems.push_back(f.path + ": module " + mod + " is not in the table");
      continue;
    }
    for (const auto& i : f.includes) {
      const std::string at = "src/" + f.path + ":" + std::to_string(i.line) + ": ";
      if (i.angled) {
        auto lib = library_of(i.target);
        if (!lib) {
          if (!is_system_header(i.target)) {
            problems.push_back(at + "<" + i.target + "> is of no known library (add it to " +
                               "library_of in this test and to the module's row)");
          }
          continue;
        }
        const auto& libs = rule->second.libraries;
        bool owned = std::any_of(libs.begin(), libs.end(),
                                 [&](const std::string& l) { return l.rfind(*lib, 0) == 0; });
        if (!owned)
          problems.push_back(at + mod + " includes <" + i.target + ">, of " + *lib +
                             ", which another module owns");
        continue;
      }
      const std::string other = module_of(i.target);
      if (other == mod) continue;
      if (!rule->second.uses_all && !rule->second.may_use.count(other)) {
        problems.push_back(at + mod + " may not use " + other + " (\"" + i.target + "\")");
      }
      if (internal.count(i.target)) {
        problems.push_back(at + "\"" + i.target + "\" names a third-party library and is " +
                           "internal to " + other);
      }
    }
  }
  INFO(joined(problems));
  CHECK(problems.empty());
}

TEST_CASE("each source file has its own header, included first", "[architecture]") {
  // app/main.cpp is the program's entry: it declares nothing.
  const std::set<std::string> exempt = {"app/main.cpp"};
  std::vector<std::string> problems;
  for (const auto& f : sources()) {
    if (f.path.size() < 4 || f.path.substr(f.path.size() - 4) != ".cpp") continue;
    if (exempt.count(f.path)) continue;
    const std::string header = f.path.substr(0, f.path.size() - 4) + ".hpp";
    if (!fs::exists(test::repo_dir() / "src" / header)) {
      problems.push_back("src/" + f.path + " has no " + header);
    } else if (f.includes.empty() || f.includes.front().target != header) {
      problems.push_back("src/" + f.path + " does not include " + header + " first");
    }
  }
  INFO(joined(problems));
  CHECK(problems.empty());
}

TEST_CASE("each module's code is in its own namespace", "[architecture]") {
  static const std::regex ns_re(R"(^namespace (baocao(::[a-z_]+)*) \{)");
  static const std::regex forward_re(R"(^\s*(struct|class) \w+;\s*$)");
  std::vector<std::string> problems;
  for (const auto& f : sources()) {
    const std::string want =
        "baocao::" + std::regex_replace(module_of(f.path), std::regex("/"), "::");
    std::ifstream in(f.file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    for (std::size_t n = 0; n < lines.size(); ++n) {
      std::smatch m;
      if (!std::regex_search(lines[n], m, ns_re)) continue;
      const std::string ns = m[1];
      if (ns == want || ns.rfind(want + "::", 0) == 0) continue;
      // Another module's namespace may hold forward declarations only.
      bool forward_only = true;
      std::size_t end = n + 1;
      for (; end < lines.size() && lines[end].rfind("}", 0) != 0; ++end) {
        forward_only = forward_only && std::regex_search(lines[end], forward_re);
      }
      if (!forward_only) {
        problems.push_back("src/" + f.path + ":" + std::to_string(n + 1) + ": namespace " + ns +
                           ", expected " + want);
      }
    }
  }
  INFO(joined(problems));
  CHECK(problems.empty());
}
