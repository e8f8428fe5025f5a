#include "app/verify_command.hpp"

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "app/usage_error.hpp"
#include "core/error.hpp"
#include "sign/verify.hpp"

namespace baocao::app {
namespace {

constexpr const char* kUsage = R"(baocao verify: check the digital signatures of a PDF

Usage:
  baocao verify FILE.pdf [--ca ROOTS.pem]

Lists each signature: the signer and organisation (the certificate's CN and
O), its issuer, when it was signed (the CMS signingTime and the /M of the
signature dictionary, in local time: TZ), the subfilter, whether its byte
range covers every byte of its revision but the signature, whether the
digest matches, and whether the certificate was valid when signed. The
certificate chain is not checked unless --ca is given.

Options:
  --ca FILE      trusted root certificates (PEM): check each signer's chain
                 against them at its signing time
  -h, --help     show this help

Exit status: 0 every signature intact (and, with --ca, its chain trusted);
2 a signature that does not match its bytes or does not cover its revision,
a file changed after the last signature, a certificate not valid when
signed, a file with no signature or that is not a PDF, or a usage error;
1 anything else.

Example:
  TZ=Asia/Ho_Chi_Minh baocao verify bao-cao.pdf
)";

// A report is a few MB; this bounds what a wrong file makes verify read.
constexpr std::uintmax_t kMaxFileBytes = 256u << 20;

struct Request {
  std::string input;
  std::string ca;
};

Request parse(const std::vector<std::string>& args) {
  Request r;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--ca") {
      if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
      r.ca = args[++i];
    } else if (!a.empty() && a[0] == '-') {
      throw UsageError("unknown option " + a);
    } else if (r.input.empty()) {
      r.input = a;
    } else {
      throw UsageError("verify takes one PDF; got " + r.input + " and " + a);
    }
  }
  if (r.input.empty()) throw UsageError("give the PDF to check");
  return r;
}

std::string read_pdf_file(const std::string& path) {
  auto fail = [&](const std::string& problem) {
    throw core::InputError({path, 0, 0}, "", problem, "a signed PDF file");
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) fail("is a folder");
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxFileBytes) fail("is over 256 MB, larger than any report");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot be read");
  std::ostringstream s;
  s << in.rdbuf();
  if (!in && !in.eof()) fail("cannot be read");
  return s.str();
}

/// "2026-12-06T15:04:05+07:00" in local time (TZ), or just the date.
std::string local_time(std::time_t t, bool date_only = false) {
  std::tm tm{};
  if (!localtime_r(&t, &tm)) return "?";
  char buf[40];
  if (date_only) {
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
  }
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
  std::string s = buf; // ...+0700: ISO 8601's extended form puts a colon in the offset
  if (s.size() >= 5) s.insert(s.size() - 2, ":");
  return s;
}

std::string joined(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

std::string or_unknown(const std::string& s) {
  return s.empty() ? "unknown" : s;
}

void print(std::ostream& out, const sign::SignatureCheck& s, int index, int count, int revisions,
           bool chains) {
  const sign::CmsCheck& c = s.cms;
  out << "Signature " << index << " of " << count;
  if (!s.field.empty()) out << " (field " << s.field << ")";
  out << "\n";
  out << "  signer:        " << or_unknown(c.signer) << "\n";
  out << "  organisation:  " << or_unknown(c.organisation) << "\n";
  out << "  issuer:        " << or_unknown(c.issuer) << "\n";
  out << "  signed at:     ";
  if (c.signing_time) {
    out << local_time(*c.signing_time) << " (signingTime; /M ";
    if (!s.modified) {
      out << "absent)";
    } else if (*s.modified == *c.signing_time) {
      out << "the same)";
    } else {
      out << local_time(*s.modified) << ")";
    }
  } else if (s.modified) {
    out << local_time(*s.modified) << " (/M; no signingTime in the signature)";
  } else {
    out << "unknown (no signingTime, no /M)";
  }
  out << "\n";
  out << "  subfilter:     " << or_unknown(s.sub_filter) << "\n";
  out << "  byte range:    ";
  if (s.range_problem.empty()) {
    out << "covers revision " << s.revision << " of " << revisions
        << " (every byte but the signature)";
  } else {
    out << "does NOT cover its revision (" << s.revision << " of " << revisions
        << "): " << s.range_problem;
  }
  out << "\n";
  out << "  digest:        ";
  if (!s.unchecked.empty()) {
    out << "not checked";
  } else if (c.digest_matches == false) {
    out << "does not match (" << c.digest_name << ")";
  } else {
    out << (c.digest_matches ? "matches (" + c.digest_name + ")"
                             : "not compared (" + c.digest_problem + ")");
    if (!c.signature_verifies) out << ", but the signature does not verify";
  }
  out << "\n";
  out << "  certificate:   ";
  if (!c.has_certificate) {
    out << "not in the signature";
  } else {
    out << "valid " << local_time(c.not_before, true) << " to " << local_time(c.not_after, true);
    auto valid = s.valid_when_signed();
    out << (!valid   ? ", signing time unknown"
            : *valid ? ", valid when signed"
                     : ", NOT valid when signed");
  }
  out << "\n";
  if (chains && c.chain_trusted)
    out << "  chain:         "
        << (*c.chain_trusted ? "trusted" : "not trusted (" + c.chain_problem + ")") << "\n";
  auto problems = s.problems();
  out << "  result:        "
      << (problems.empty() ? "intact"
          : s.intact()     ? "intact, but " + joined(problems, "; ")
                           : "NOT intact: " + joined(problems, "; "))
      << "\n";
}

} // namespace

int run_verify(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (asks_for_help(args)) {
    out << kUsage;
    return 0;
  }
  Request r;
  try {
    r = parse(args);
  } catch (const UsageError& e) {
    err << "baocao verify: " << e.what() << "\n(run baocao verify --help for usage)\n";
    return 2;
  }
  try {
    tzset();
    std::unique_ptr<sign::TrustedRoots> roots;
    if (!r.ca.empty()) roots = std::make_unique<sign::TrustedRoots>(r.ca);
    const sign::Verification v = sign::verify_pdf(read_pdf_file(r.input), r.input, roots.get());
    const int count = static_cast<int>(v.signatures.size());
    std::vector<std::string> failures;
    bool intact = v.changed_after.empty();
    for (int i = 0; i < count; ++i) {
      const auto& s = v.signatures[static_cast<size_t>(i)];
      print(out, s, i + 1, count, v.revisions, roots != nullptr);
      intact = intact && s.intact();
      if (auto p = s.problems(); !p.empty())
        failures.push_back("signature " + std::to_string(i + 1) + ": " + joined(p, ", "));
    }
    if (!v.changed_after.empty())
      failures.push_back("changed after the last signature (" + v.changed_after + ")");
    if (!v.empty_fields.empty())
      out << "Empty signature fields: " << joined(v.empty_fields, ", ") << "\n";
    if (!roots) out << "Certificate chains not checked (give --ca ROOTS.pem to check them).\n";
    if (v.accepted()) {
      out << r.input << ": every signature intact (" << count << " of " << count << ")\n";
      return 0;
    }
    out << r.input << (intact ? ": intact, but " : ": NOT intact: ") << joined(failures, "; ")
        << "\n";
    return 2;
  } catch (const core::InputError& e) {
    err << e.what() << "\n";
    return 2;
  }
}

} // namespace baocao::app
