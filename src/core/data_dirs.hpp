#pragma once
#include <filesystem>

namespace baocao::core {

/// The folder that holds the bundled templates/ and fonts/: $BAOCAO_DATA_DIR if
/// set, else the source tree the program was built from, else the install
/// prefix's share/baocao. Throws RuntimeError when none has templates/.
std::filesystem::path data_dir();

} // namespace baocao::core
