#pragma once
// Passwords from a flag, a file or the environment (encryption, signing keys,
// a token's PIN).
#include <optional>
#include <string>

namespace baocao::app {

/// One password from its flag (--NAME-password), its file (--NAME-password-file,
/// the first line) or the environment variable `env`, in that order; nothing
/// when none is given. Both flags, an empty value or an unreadable file are a UsageError.
std::optional<std::string> password(const std::optional<std::string>& flag,
                                    const std::optional<std::string>& file, const char* name,
                                    const char* env);

/// The same for a secret whose flags are named otherwise (--pin, --pin-file).
std::optional<std::string> secret(const std::optional<std::string>& flag,
                                  const std::optional<std::string>& file,
                                  const std::string& flag_name, const std::string& file_flag_name,
                                  const char* env);

} // namespace baocao::app
