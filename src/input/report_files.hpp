#pragma once
// The files a report names besides itself (images, data files for tables):
// where they may lie, and the list of those read, which the app's output
// guard and `watch` follow (model::Report::external_files).
#include <filesystem>
#include <string>
#include <vector>

#include "input/yaml_reader.hpp"
#include "model/report.hpp"

namespace baocao::input {

/// A name a file sent to baocao serve may have: one plain file name (no
/// folder, no colon, not hidden, at most 255 bytes).
bool plain_file_name(const std::string& name);

class ReportFiles {
public:
  /// `report_file` as error messages name it ("<stdin>": the current folder
  /// is the report's); `allowed_dirs` from --allow-paths; `read` collects
  /// each file found.
  ReportFiles(const std::string& report_file, std::vector<std::filesystem::path> allowed_dirs,
              std::vector<model::ExternalFile>& read, std::filesystem::path request_files = {});

  /// The regular file the text at `node` names, relative to the report's
  /// folder: it must exist and lie in that folder's tree (symlinks resolved)
  /// or an --allow-paths folder. With `request_files` (baocao serve), a plain
  /// name of a file sent with the request, and nothing else. `kind` ("an image", "a data file") and
  /// `expected` word the messages.
  std::filesystem::path find(const Tree& node, const std::string& kind,
                             const std::string& expected) const;

  /// Lists a file read, with its role ("a data file a table reads").
  void note(const std::filesystem::path& file, const std::string& role) const;

private:
  std::filesystem::path find_sent(const Tree& node, const std::string& kind) const;

  std::filesystem::path base_;
  std::vector<std::filesystem::path> allowed_;
  std::vector<model::ExternalFile>& read_;
  std::filesystem::path request_files_; ///< LoadOptions::request_files
};

} // namespace baocao::input
