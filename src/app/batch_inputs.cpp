#include "app/batch_inputs.hpp"

#include <algorithm>
#include <charconv>
#include <glob.h>
#include <map>
#include <sys/stat.h>

#include "app/read_files.hpp"

#include "app/usage_error.hpp"

namespace baocao::app {
namespace fs = std::filesystem;

namespace {

bool is_glob(const std::string& arg) {
  std::error_code ec;
  return arg.find_first_of("*?[") != std::string::npos && !fs::exists(arg, ec);
}

bool is_report_file(const fs::path& p) {
  auto ext = p.extension();
  return ext == ".yaml" || ext == ".yml";
}

/// Every report file in the folder and below, sorted by path.
std::vector<std::string> reports_in(const std::string& dir) {
  std::vector<std::string> found;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code fec;
    if (is_report_file(it->path()) && it->is_regular_file(fec))
      found.push_back(it->path().lexically_normal().string());
  }
  if (ec) throw UsageError(dir + ": cannot read the folder: " + ec.message());
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<std::string> glob_matches(const std::string& pattern) {
  glob_t g{};
  int rc = ::glob(pattern.c_str(), 0, nullptr, &g);
  std::vector<std::string> out;
  if (rc == 0)
    for (size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]); // sorted by glob
  ::globfree(&g);
  if (rc != 0 && rc != GLOB_NOMATCH) throw UsageError(pattern + ": cannot expand the pattern");
  return out;
}

} // namespace

Shard parse_shard(const std::string& text) {
  auto bad = [&] {
    return UsageError("--shard " + text + ": expected K/N with 1 <= K <= N (for example 2/8)");
  };
  size_t slash = text.find('/');
  if (slash == std::string::npos) throw bad();
  Shard s;
  auto number = [&](size_t from, size_t to, int& v) {
    const char* b = text.data() + from;
    const char* e = text.data() + to;
    auto [end, ec] = std::from_chars(b, e, v);
    if (b == e || ec != std::errc() || end != e || *b == '+' || *b == '-') throw bad();
  };
  number(0, slash, s.k);
  number(slash + 1, text.size(), s.n);
  if (s.n < 1 || s.k < 1 || s.k > s.n) throw bad();
  return s;
}

std::uint64_t fnv1a64(const std::string& bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

bool in_shard(const std::string& path, const Shard& shard) {
  return fnv1a64(path) % static_cast<std::uint64_t>(shard.n) + 1 ==
         static_cast<std::uint64_t>(shard.k);
}

bool names_many(const std::string& arg) {
  std::error_code ec;
  return arg != "-" && (fs::is_directory(arg, ec) || is_glob(arg));
}

Inputs expand_inputs(const std::vector<std::string>& args) {
  Inputs out;
  // By device and inode where the file exists, so a link or another spelling
  // is the same report; by the normalised path where it does not (its build
  // then says it is missing).
  std::map<std::string, std::string> seen; // identity -> first path
  auto add = [&](const std::string& p) {
    std::string id = "path:" + p;
    struct stat st {};
    if (p != "-" && ::stat(p.c_str(), &st) == 0)
      id = "file:" + std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
    auto [it, fresh] = seen.emplace(id, p);
    if (fresh)
      out.paths.push_back(p);
    else
      out.duplicates.push_back({p, it->second});
  };
  for (const auto& arg : args) {
    std::error_code ec;
    if (arg == "-") {
      add(arg);
    } else if (fs::is_directory(arg, ec)) {
      auto found = reports_in(arg);
      if (found.empty()) throw UsageError(arg + ": no .yaml or .yml file in this folder");
      for (const auto& f : found) add(f);
    } else if (is_glob(arg)) {
      std::vector<std::string> found;
      for (const auto& m : glob_matches(arg)) {
        std::error_code dec;
        if (fs::is_directory(m, dec)) {
          for (const auto& f : reports_in(m)) found.push_back(f);
        } else if (is_report_file(m)) {
          found.push_back(fs::path(m).lexically_normal().string());
        }
      }
      if (found.empty()) throw UsageError(arg + ": no .yaml or .yml file matches");
      for (const auto& f : found) add(f);
    } else {
      add(fs::path(arg).lexically_normal().string()); // missing: its build says so
    }
  }
  return out;
}

std::vector<fs::path> plan_targets(const std::vector<std::string>& inputs, const fs::path& out_dir,
                                   const std::string& extension) {
  std::vector<fs::path> targets;
  std::map<std::string, size_t> by_target;
  ReadFiles reports;
  for (const auto& in : inputs) reports.add(in, "a report in this batch");
  for (size_t i = 0; i < inputs.size(); ++i) {
    fs::path in(inputs[i]);
    fs::path t = out_dir.empty() ? fs::path(in).replace_extension(extension)
                                 : out_dir / (in.stem().string() + extension);
    t = t.lexically_normal();
    std::error_code ec;
    fs::path key = fs::weakly_canonical(t, ec); // a linked folder is the same folder
    if (ec) key = t;
    auto [it, fresh] = by_target.emplace(key.string(), i);
    if (!fresh)
      throw UsageError(inputs[it->second] + " and " + inputs[i] + " would both write " +
                       t.string() +
                       " (rename one, or build them into different --out-dir folders)");
    try {
      reports.refuse(t);
    } catch (const OutputOverInput& e) {
      throw OutputOverInput(inputs[i] + ": " + e.what());
    }
    targets.push_back(t);
  }
  return targets;
}

} // namespace baocao::app
