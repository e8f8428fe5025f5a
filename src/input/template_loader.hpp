#pragma once
// Reads a template (the shape of templates/dang.yaml) into style::Style,
// following `extends:` chains, by walking template_schema's table. Every
// error is a core::InputError pointing into the file that holds the bad value.
#include <filesystem>
#include <string>

#include "core/source_span.hpp"
#include "style/style.hpp"

namespace baocao::input {

/// name_or_path is a built-in name ("dang" -> builtin_dir/"dang.yaml") or a
/// path to a template file (it contains '/' or ends in .yaml/.yml); a
/// relative path resolves against base_dir. A template may say
/// `extends: NAME_OR_PATH` (a relative path resolving against its own
/// folder); its mappings are merged over the base's, key by key, while lists
/// and single values replace the base's. A value the merged result leaves
/// out takes its default (template_schema.hpp); a key not in that table is
/// refused. `requested_at`, when given, is where the name was written (a
/// report's `template` key): a template that cannot be found is reported there.
style::Style load_template(const std::string& name_or_path,
                           const std::filesystem::path& builtin_dir,
                           const std::filesystem::path& base_dir,
                           const core::SourceSpan* requested_at = nullptr);

} // namespace baocao::input
