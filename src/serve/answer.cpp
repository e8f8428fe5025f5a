#include "serve/answer.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace baocao::serve {

namespace {

nlohmann::json error_object(const core::InputError& e) {
  const core::SourceSpan& at = e.where();
  return {{"file", at.file},
          {"line", at.line},
          {"column", at.col},
          {"path", e.key_path()},
          {"message", e.problem()},
          {"expected", e.expected()},
          {"text", std::string(e.what())}};
}

/// UTF-8 that is not valid (a file name from a request) must not stop the answer.
std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

Answer error_answer(int status, const std::string& code, const std::string& message) {
  return {status, "application/json", dump({{"error", code}, {"message", message}}), {}};
}

Answer input_error_answer(const core::InputError& error) {
  nlohmann::json j = {{"ok", false}, {"errors", nlohmann::json::array({error_object(error)})}};
  return {422, "application/json", dump(j), {}};
}

std::string input_error_json(const core::InputError& error) {
  return dump(error_object(error));
}

std::string without_paths(std::string text, const std::vector<std::string>& folders) {
  for (const auto& folder : folders) {
    if (folder.empty()) continue;
    const std::string prefix = folder.back() == '/' ? folder : folder + "/";
    for (size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at))
      text.erase(at, prefix.size());
    for (size_t at = text.find(folder); at != std::string::npos; at = text.find(folder, at))
      text.replace(at, folder.size(), ".");
  }
  return text;
}

} // namespace baocao::serve
