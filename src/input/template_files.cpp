// Finding a template by name or path and merging the chain of `extends`.
#include "input/template_files.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace baocao::input {
namespace fs = std::filesystem;
namespace {

bool looks_like_path(const std::string& s) {
  auto ends_with = [&](std::string_view suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return s.find('/') != std::string::npos || ends_with(".yaml") || ends_with(".yml");
}

std::vector<std::string> builtin_names(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".yaml") names.push_back(it->path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

} // namespace

TemplateFile resolve(const std::string& name_or_path, const fs::path& builtin_dir,
                     const fs::path& base_dir, const Tree* from) {
  TemplateFile f;
  std::error_code ec;
  if (looks_like_path(name_or_path)) {
    fs::path p(name_or_path);
    f.path = p.is_relative() && !base_dir.empty() ? (base_dir / p).lexically_normal() : p;
    f.display = f.path.string();
    if (from && !fs::is_regular_file(f.path, ec)) {
      fail(*from, "cannot find the template file " + f.display, "a path to a template .yaml file");
    }
    return f;
  }
  f.path = builtin_dir / (name_or_path + ".yaml");
  f.display = f.path.string();
  if (!fs::is_regular_file(f.path, ec)) {
    std::vector<std::string> names = builtin_names(builtin_dir);
    std::string problem =
        "\"" + name_or_path + "\" is not a built-in template" + did_you_mean(name_or_path, names);
    std::string expected = "a path to a template .yaml file";
    if (!names.empty()) expected = "one of: " + join(names) + ", or " + expected;
    if (from) fail(*from, problem, expected);
    throw core::InputError(core::SourceSpan{name_or_path, 0, 0}, "", problem, expected);
  }
  return f;
}

namespace {

/// The user's mappings over the base's, key by key; anything else replaces.
/// Each value keeps the position in the file it came from.
Tree merge(Tree base, Tree over) {
  if (base.kind != Tree::Kind::mapping || over.kind != Tree::Kind::mapping) return over;
  for (auto& e : over.entries) {
    auto it = std::find_if(base.entries.begin(), base.entries.end(),
                           [&](const Entry& b) { return b.key == e.key; });
    if (it == base.entries.end()) {
      base.entries.push_back(std::move(e));
    } else {
      it->key_where = e.key_where;
      it->value = merge(std::move(it->value), std::move(e.value));
    }
  }
  base.where = over.where;
  return base;
}

class ChainLoader {
public:
  ChainLoader(fs::path builtin_dir, std::vector<fs::path>* read)
      : builtin_dir_(std::move(builtin_dir)), read_(read) {}

  Tree load(const TemplateFile& file, const Tree* from) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(file.path, ec);
    if (ec) canonical = file.path;
    auto seen = std::find_if(chain_.begin(), chain_.end(),
                             [&](const auto& link) { return link.first == canonical; });
    if (seen != chain_.end()) {
      std::string cycle;
      for (auto it = seen; it != chain_.end(); ++it) cycle += it->second + " -> ";
      cycle += file.display;
      fail(*from, "the templates extend each other in a cycle: " + cycle,
           "a base template that does not extend this one");
    }
    if (chain_.size() >= 16) {
      fail(*from, "more than 16 templates extend one another", "a shorter chain of extends");
    }
    chain_.emplace_back(canonical, file.display);
    if (read_) read_->push_back(file.path);
    Tree tree = parse_yaml(read_file_capped(file.path), file.display);
    if (tree.kind != Tree::Kind::mapping) {
      fail(tree, "got " + describe(tree), "a template mapping (see templates/dang.yaml)");
    }
    auto ext = std::find_if(tree.entries.begin(), tree.entries.end(),
                            [](const Entry& e) { return e.key == "extends"; });
    if (ext != tree.entries.end()) {
      Tree request = ext->value;
      tree.entries.erase(ext);
      TemplateFile base_file =
          resolve(text(request), builtin_dir_, file.path.parent_path(), &request);
      tree = merge(load(base_file, &request), std::move(tree));
    }
    chain_.pop_back();
    return tree;
  }

private:
  fs::path builtin_dir_;
  std::vector<fs::path>* read_;                         ///< every file loaded, when asked
  std::vector<std::pair<fs::path, std::string>> chain_; ///< files being loaded, outermost first
};

} // namespace

Tree load_template_tree(const TemplateFile& file, const fs::path& builtin_dir,
                        std::vector<fs::path>* read) {
  return ChainLoader(builtin_dir, read).load(file, nullptr);
}

} // namespace baocao::input
