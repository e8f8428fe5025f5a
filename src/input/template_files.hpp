#pragma once
// Finding template files and merging a template with the ones it extends.
#include <filesystem>
#include <string>
#include <vector>

#include "input/yaml_reader.hpp"

namespace baocao::input {

struct TemplateFile {
  std::filesystem::path path;
  std::string display; ///< what messages call it
};

/// Where name_or_path points: a built-in template's name (in builtin_dir) or
/// a path (relative to base_dir). `from` is the `extends` value asking for
/// it (errors then point there), or nullptr for the template the user chose.
TemplateFile resolve(const std::string& name_or_path, const std::filesystem::path& builtin_dir,
                     const std::filesystem::path& base_dir, const Tree* from);

/// The file read and merged over the chain of templates it extends (at most
/// 16, no cycles); the result has no `extends` key. `read`, when given,
/// receives each file loaded, this one first.
Tree load_template_tree(const TemplateFile& file, const std::filesystem::path& builtin_dir,
                        std::vector<std::filesystem::path>* read = nullptr);

} // namespace baocao::input
