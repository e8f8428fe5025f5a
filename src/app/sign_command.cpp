#include "app/sign_command.hpp"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "app/key_options.hpp"
#include "app/read_files.hpp"
#include "app/signing.hpp"
#include "app/temp_output.hpp"
#include "app/usage_error.hpp"
#include "core/data_dirs.hpp"
#include "core/error.hpp"
#include "layout/signature_appearance.hpp"
#include "sign/pdf_signature.hpp"
#include "text/font_system.hpp"

namespace baocao::app {
namespace {

constexpr const char* kUsage = R"(baocao sign: add a digital signature to a PDF that baocao wrote

Usage:
  baocao sign FILE.pdf --p12 KEY.p12 [-o OUT.pdf] [options]
  baocao sign FILE.pdf --pkcs11-module MODULE.so [-o OUT.pdf] [options]

Appends a signature as an incremental update: every earlier byte, and so any
earlier signature, stays valid. Sign twice for Decree 30's two signatures:
first the signer's key with the signature's image, then the organisation's
with the seal's (docs/signing.md):
  baocao build r.yaml --sign-ready
  baocao sign r.pdf --p12 a.p12 --image chu-ky.png      # field signer
  baocao sign r.pdf --p12 ubnd.p12 --image con-dau.png  # field organisation

Options:
  --p12 FILE                 the key and certificate chain (PKCS#12, .p12/.pfx)
  --p12-password PASSWORD    its password (or --p12-password-file FILE, whose
                             first line is read, or BAOCAO_P12_PASSWORD)
  --pkcs11-module FILE       sign with the key on a USB token: its vendor's
                             PKCS#11 library (.so); instead of --p12
  --pkcs11-slot ID           the token's slot id (default: the only token)
  --pkcs11-token LABEL       the token's label (default: the only token)
  --pkcs11-key LABEL|ID      the key's label or hex id (default: the only key
                             with a certificate)
  --pin PIN                  the token's PIN (or --pin-file FILE, whose first
                             line is read, or BAOCAO_PKCS11_PIN)
  --chain FILE               CA certificates (PEM) to add to the chain; may be
                             repeated
  -o, --output FILE          write the signed PDF here (default: FILE.pdf
                             itself, replaced only once the signature is whole)
  --reason TEXT              why it is signed ("Phê duyệt", "Phát hành")
  --location TEXT            where
  --subfilter cades|pkcs7    ETSI.CAdES.detached (default) or adbe.pkcs7.detached
  --field NAME               the signature field to sign (default: the first
                             unsigned one: signer, then organisation, as
                             build --sign-ready writes them; none: invisible)
  --image FILE               what the signature shows in its field: the
                             signer's signature (blue) or the seal (red), a
                             transparent PNG, fitted to the field
  --text-signature           the organisation's text-only signature of an
                             appendix issued as its own file: the organisation,
                             --number and the signing time, top right of page 1
  --number TEXT              the document's number and code, for --text-signature
  -h, --help                 show this help

Exit status: 0 signed; 2 bad input (a wrong password or PIN, a module that
cannot be loaded, no token, a key or certificate missing, expired or not yet
valid, a file that is not a PDF baocao wrote), with nothing written; 1 anything
else.
)";

struct Request {
  std::string input;
  std::string output;
  SignRequest key; ///< the key and the signature's options
  std::string image;
  bool text_signature = false;
  std::string number;
};

Request parse(const std::vector<std::string>& args) {
  Request r;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> std::string {
      if (i + 1 >= args.size()) throw UsageError(std::string(name) + " needs a value");
      return args[++i];
    };
    if (parse_sign_option(a, value, r.key)) {
      // the key's options (app/key_options), --reason, --location, --subfilter
    } else if (a == "-o" || a == "--output") {
      r.output = value("-o");
    } else if (a == "--field") {
      r.key.options.field = value("--field");
    } else if (a == "--image") {
      r.image = value("--image");
    } else if (a == "--text-signature") {
      r.text_signature = true;
    } else if (a == "--number") {
      r.number = value("--number");
    } else if (!a.empty() && a[0] == '-') {
      throw UsageError("unknown option " + a);
    } else if (r.input.empty()) {
      r.input = a;
    } else {
      throw UsageError("sign takes one PDF; got " + r.input + " and " + a);
    }
  }
  if (r.input.empty()) throw UsageError("give the PDF to sign");
  check_key_options(r.key.key);
  if (r.text_signature && (!r.image.empty() || !r.key.options.field.empty()))
    throw UsageError("--text-signature makes its own field and shows only text: leave out "
                     "--image and --field");
  if (!r.number.empty() && !r.text_signature)
    throw UsageError("--number is written by --text-signature only");
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

/// The field's appearance: the image given, or the text-only signature with
/// the field it makes.
void add_appearance(Request& r, const std::string& bytes, const sign::Signer& signer) {
  const sign::PdfFacts facts = sign::inspect_pdf(bytes, r.input);
  if (r.text_signature) {
    std::vector<std::string> lines{signer.organisation()};
    if (!r.number.empty()) lines.push_back("Số: " + r.number);
    lines.push_back("Thời gian ký: " + iso_vietnam_time(r.key.options.when));
    text::FontSystem fonts({core::data_dir() / "fonts"});
    display::Page page = layout::text_appearance(fonts, lines);
    r.key.options.new_field = sign::FieldPlacement{
        "appendix", 0, layout::text_signature_rect(facts.pages.front(), page.size)};
    r.key.options.appearance = paint_appearance(std::move(page), facts.pdfa);
    return;
  }
  std::optional<model::Image> image;
  if (!r.image.empty()) image = signing_image(r.image);
  auto field = sign::field_to_sign(facts, r.key.options, r.input);
  if (!image) return;
  if (!field)
    throw core::InputError({r.input, 0, 0}, "",
                           "--image: it has no unsigned signature field to show it in",
                           "a PDF built with --sign-ready (or sign without --image: an invisible "
                           "signature)");
  r.key.options.appearance = paint_appearance(
      layout::image_appearance(*image, {field->rect.width, field->rect.height}), facts.pdfa);
}

} // namespace

int run_sign(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (asks_for_help(args)) {
    out << kUsage;
    return 0;
  }
  Request r;
  std::unique_ptr<sign::Signer> signer;
  try {
    r = parse(args);
    ReadFiles reads = data_files();
    reads.add(r.key.key.p12, "the signing key");
    for (const auto& chain : r.key.key.chain) reads.add(chain, "a --chain certificate file");
    if (!r.image.empty()) reads.add(r.image, "the signature's image");
    reads.refuse(r.output);
    signer = load_signer(r.key);
  } catch (const UsageError& e) {
    err << "baocao sign: " << e.what() << "\n(run baocao sign --help for usage)\n";
    return 2;
  } catch (const core::InputError& e) {
    err << e.what() << "\n";
    return 2;
  }
  try {
    const std::string bytes = read_whole(r.input);
    r.key.options.when = std::time(nullptr);
    add_appearance(r, bytes, *signer);
    std::string signed_pdf = sign::sign_pdf(bytes, r.input, *signer, r.key.options);
    TempOutput target(r.output);
    {
      std::ofstream f(target.path(), std::ios::binary);
      f.write(signed_pdf.data(), static_cast<std::streamsize>(signed_pdf.size()));
      f.close();
      if (!f) throw core::RuntimeError(target.explain("cannot write the signed PDF"));
    }
    target.commit();
    out << "signed " << r.output;
    if (auto cn = signer->common_name(); !cn.empty()) out << " (" << cn << ")";
    out << "\n";
  } catch (const core::InputError& e) {
    err << e.what() << "\n";
    return 2;
  }
  return 0;
}

} // namespace baocao::app
