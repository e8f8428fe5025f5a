#include "app/build_args.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "app/batch.hpp"
#include "app/key_options.hpp"
#include "app/outputs.hpp"
#include "app/passwords.hpp"
#include "app/signing.hpp"
#include "app/usage_error.hpp"
#include "core/timestamp.hpp"

namespace baocao::app {
namespace {

void set_permissions(render::haru::Protection& p, const std::string& list) {
  p.print = p.copy = p.edit = p.annotate = false;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string word = list.substr(start, comma == std::string::npos ? comma : comma - start);
    if (word == "print")
      p.print = true;
    else if (word == "copy")
      p.copy = true;
    else if (word == "edit")
      p.edit = true;
    else if (word == "annotate")
      p.annotate = true;
    else if (!word.empty())
      throw UsageError("--permissions: unknown permission \"" + word +
                       "\" (choose from print, copy, edit, annotate)");
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
}

/// --force, --format, --dpi, --date into `o` and `request` (checked against
/// the output table once every flag is read); false for any other argument.
bool parse_output_option(const std::string& a, const std::function<std::string(const char*)>& value,
                         BuildOptions& o, OutputRequest& request) {
  if (a == "--force") {
    o.force = true;
  } else if (a == "--format") {
    request.format = value("--format");
  } else if (a == "--dpi") {
    std::string d = value("--dpi");
    char* end = nullptr;
    long n = std::strtol(d.c_str(), &end, 10);
    if (d.empty() || *end != '\0' || n < 10 || n > 1200)
      throw UsageError("--dpi " + d + ": give a whole number from 10 to 1200");
    o.dpi = static_cast<int>(n);
    request.dpi = true;
  } else if (a == "--date") {
    std::string d = value("--date");
    o.date = core::parse_utc_date(d);
    if (!o.date)
      throw UsageError("--date " + d + ": give YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)");
  } else {
    return false;
  }
  return true;
}

/// --date overrides SOURCE_DATE_EPOCH.
void date_from_environment(BuildOptions& o) {
  if (o.date) return;
  if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env && *env) {
    o.date = core::parse_epoch(env);
    if (!o.date)
      throw UsageError(std::string("SOURCE_DATE_EPOCH=") + env +
                       ": give whole seconds since 1970-01-01 UTC (up to year 9999)");
  }
}

} // namespace

bool parse_input_option(const std::string& a, const std::function<std::string(const char*)>& value,
                        BuildOptions& o) {
  if (a == "--template") {
    o.template_override = value("--template");
  } else if (a == "--font-dir" || a == "--allow-paths") {
    std::string dir = value(a.c_str());
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
      throw UsageError(a + " " + dir + ": no such folder");
    (a == "--font-dir" ? o.font_dirs : o.allow_paths).emplace_back(dir);
  } else if (a == "--allow-missing-glyphs") {
    o.allow_missing_glyphs = true;
  } else if (a == "--draft") {
    o.draft = true;
  } else {
    return false;
  }
  return true;
}

BuildOptions parse_build(const std::vector<std::string>& args, BatchOptions& batch) {
  BuildOptions o;
  OutputRequest request;
  std::optional<std::string> owner, user, owner_file, user_file, permissions;
  SignRequest signing;
  bool sign_asked = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> std::string {
      if (i + 1 >= args.size()) throw UsageError(std::string(name) + " needs a value");
      return args[++i];
    };
    if (a == "-o" || a == "--output") {
      o.output = value("-o");
    } else if (parse_input_option(a, value, o)) {
      // --template, --font-dir, --allow-paths, --allow-missing-glyphs
    } else if (a == "--dump-layout") {
      o.dump_layout = true;
    } else if (a == "--backend") {
      request.backend = value("--backend");
    } else if (a == "--pdfa") {
      o.haru.pdfa = request.pdfa = true;
    } else if (a == "--owner-password") {
      owner = value("--owner-password");
    } else if (a == "--user-password") {
      user = value("--user-password");
    } else if (a == "--owner-password-file") {
      owner_file = value("--owner-password-file");
    } else if (a == "--user-password-file") {
      user_file = value("--user-password-file");
    } else if (a == "--permissions") {
      permissions = value("--permissions");
    } else if (a == "--sign-ready") {
      o.sign_ready = true;
    } else if (a == "--blank-number-date") {
      o.blank_number_date = true;
    } else if (a == "--split-appendices") {
      o.split_appendices = request.split = true;
    } else if (a == "--sign") {
      sign_asked = true;
    } else if (parse_sign_option(a, value, signing)) {
      // the key's options (app/key_options), --reason, --location, --subfilter
    } else if (parse_output_option(a, value, o, request)) {
    } else if (parse_batch_flag(batch, args, i)) {
      // --out-dir, --jobs, --shard, --quiet: app/batch.cpp
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      throw UsageError("unknown option " + a);
    } else {
      batch.inputs.push_back(a);
    }
  }
  if (batch.inputs.empty()) throw UsageError("build needs an input file (or - for standard input)");
  o.input = batch.inputs.front();

  auto owner_pw = password(owner, owner_file, "owner", "BAOCAO_OWNER_PASSWORD");
  auto user_pw = password(user, user_file, "user", "BAOCAO_USER_PASSWORD");
  if (user_pw && !owner_pw)
    throw UsageError("a user password needs an owner password too (--owner-password, "
                     "--owner-password-file or BAOCAO_OWNER_PASSWORD)");
  if (permissions && !owner_pw)
    throw UsageError("--permissions applies to an encrypted file: give an owner password too");
  if (owner_pw) {
    if (user_pw && *user_pw == *owner_pw)
      throw UsageError("the user and owner passwords must differ (with the same password a "
                       "reader would have every right)");
    render::haru::Protection p;
    p.owner = *owner_pw;
    p.user = user_pw.value_or("");
    set_permissions(p, permissions.value_or("print,copy"));
    o.haru.protection = p;
  }
  request.passwords = o.haru.protection.has_value();
  if (signing.given && !sign_asked)
    throw UsageError("--p12, --pkcs11-module, their options, --reason, --location and --subfilter "
                     "sign the PDF: give --sign too");
  if (sign_asked) {
    if (signing.key.p12.empty() && signing.key.pkcs11_module.empty())
      throw UsageError("--sign needs the signing key: --p12 KEY.p12, or --pkcs11-module MODULE.so "
                       "for a USB token");
    check_key_options(signing.key);
    o.sign = signing;
  }
  if (o.blank_number_date && !o.sign_ready && !o.sign)
    throw UsageError("--blank-number-date leaves the number and date for the office that signs "
                     "the PDF: give --sign-ready (or --sign) too");
  request.signing = o.sign_ready || o.sign.has_value();
  o.kind = choose_output(request);
  date_from_environment(o);
  check_output_name(output_spec(o.kind), o);
  return o;
}

BuildOptions parse_build(const std::vector<std::string>& args) {
  BatchOptions batch;
  BuildOptions o = parse_build(args, batch);
  if (batch.inputs.size() > 1 || batch.flagged)
    throw UsageError("one report at a time here: several inputs, --out-dir, --jobs, --shard and "
                     "--quiet are for baocao build");
  return o;
}

} // namespace baocao::app
