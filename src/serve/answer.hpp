#pragma once
// What the service says back: a status, a body and its headers, without any
// HTTP library's types, so the routes can be tested without a socket.
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace baocao::core {
class InputError;
}

namespace baocao::serve {

struct Answer {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

/// {"error": code, "message": message} with this status.
Answer error_answer(int status, const std::string& code, const std::string& message);

/// 422 with {"ok": false, "errors": [{file, line, column, path, message, expected, text}]}:
/// the report's error, the same words `baocao check` prints.
Answer input_error_answer(const core::InputError& error);

/// The JSON object of one input error (also used inside 200 answers' warnings).
std::string input_error_json(const core::InputError& error);

/// Text with the service's own folders (its temporaries, its data folder)
/// taken out, so no answer shows where the server keeps anything.
std::string without_paths(std::string text, const std::vector<std::string>& folders);

} // namespace baocao::serve
