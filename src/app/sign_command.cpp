#include "app/sign_command.hpp"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "app/passwords.hpp"
#include "app/read_files.hpp"
#include "app/temp_output.hpp"
#include "app/usage_error.hpp"
#include "core/error.hpp"
#include "sign/pdf_signature.hpp"

namespace baocao::app {
namespace {

constexpr const char* kUsage = R"(baocao sign: add a digital signature to a PDF that baocao wrote

Usage:
  baocao sign FILE.pdf --p12 KEY.p12 [-o OUT.pdf] [options]

Appends a signature as an incremental update: every earlier byte, and so any
earlier signature, stays valid. Sign twice for Decree 30's two signatures:
first the signer's key, then the organisation's (docs/signing.md).

Options:
  --p12 FILE                 the key and certificate chain (PKCS#12, .p12/.pfx)
  --p12-password PASSWORD    its password (or --p12-password-file FILE, whose
                             first line is read, or BAOCAO_P12_PASSWORD)
  -o, --output FILE          write the signed PDF here (default: FILE.pdf
                             itself, replaced only once the signature is whole)
  --reason TEXT              why it is signed ("Phê duyệt", "Phát hành")
  --location TEXT            where
  --subfilter cades|pkcs7    ETSI.CAdES.detached (default) or adbe.pkcs7.detached
  -h, --help                 show this help

Exit status: 0 signed; 2 bad input (a wrong password, a key or certificate
missing, expired or not yet valid, a file that is not a PDF baocao wrote),
with nothing written; 1 anything else.
)";

struct Request {
  std::string input;
  std::string output;
  std::string p12;
  std::optional<std::string> password_flag, password_file;
  sign::SignOptions options;
};

Request parse(const std::vector<std::string>& args) {
  Request r;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
      return args[++i];
    };
    if (a == "--p12") {
      r.p12 = value();
    } else if (a == "--p12-password") {
      r.password_flag = value();
    } else if (a == "--p12-password-file") {
      r.password_file = value();
    } else if (a == "-o" || a == "--output") {
      r.output = value();
    } else if (a == "--reason") {
      r.options.reason = value();
    } else if (a == "--location") {
      r.options.location = value();
    } else if (a == "--subfilter") {
      const std::string& v = value();
      if (v == "cades") {
        r.options.sub_filter = sign::SubFilter::cades;
      } else if (v == "pkcs7") {
        r.options.sub_filter = sign::SubFilter::pkcs7;
      } else {
        throw UsageError("--subfilter " + v + ": choose cades or pkcs7");
      }
    } else if (!a.empty() && a[0] == '-') {
      throw UsageError("unknown option " + a);
    } else if (r.input.empty()) {
      r.input = a;
    } else {
      throw UsageError("sign takes one PDF; got " + r.input + " and " + a);
    }
  }
  if (r.input.empty()) throw UsageError("give the PDF to sign");
  if (r.p12.empty()) throw UsageError("give the signing key: --p12 KEY.p12");
  if (r.output.empty()) r.output = r.input;
  if (!has_extension(r.output, ".pdf"))
    throw UsageError("-o " + r.output +
                     ": a signed PDF's name should end in .pdf; nothing written");
  return r;
}

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::InputError({path, 0, 0}, "", "cannot be read", "the PDF to sign");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace

int run_sign(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (asks_for_help(args)) {
    out << kUsage;
    return 0;
  }
  Request r;
  std::string password;
  try {
    r = parse(args);
    password =
        app::password(r.password_flag, r.password_file, "p12", "BAOCAO_P12_PASSWORD").value_or("");
    data_files().refuse(r.output);
  } catch (const UsageError& e) {
    err << "baocao sign: " << e.what() << "\n(run baocao sign --help for usage)\n";
    return 2;
  }
  try {
    sign::Signer signer(r.p12, password);
    std::string signed_pdf = sign::sign_pdf(read_whole(r.input), r.input, signer, r.options);
    TempOutput target(r.output);
    {
      std::ofstream f(target.path(), std::ios::binary);
      f.write(signed_pdf.data(), static_cast<std::streamsize>(signed_pdf.size()));
      f.close();
      if (!f) throw core::RuntimeError(target.explain("cannot write the signed PDF"));
    }
    target.commit();
    out << "signed " << r.output;
    if (auto cn = signer.common_name(); !cn.empty()) out << " (" << cn << ")";
    out << "\n";
  } catch (const core::InputError& e) {
    err << e.what() << "\n";
    return 2;
  }
  return 0;
}

} // namespace baocao::app
