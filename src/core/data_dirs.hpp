#pragma once
#include <filesystem>

namespace baocao::core {

/// `<folder of the running executable>/../share/baocao`, where `cmake --install`
/// and the .deb put the data; empty if /proc/self/exe cannot be read.
std::filesystem::path installed_data_dir();

/// The folder that holds the bundled templates/ and fonts/: $BAOCAO_DATA_DIR if
/// set, else installed_data_dir() if it has templates/, else the source tree
/// the program was built from, else the configured install prefix's
/// share/baocao. Throws RuntimeError when none has templates/.
std::filesystem::path data_dir();

} // namespace baocao::core
