// `baocao sign` with a key on a PKCS#11 token, on SoftHSM2 tokens made in a
// temporary folder with throw-away keys (test keys only; nothing is committed).
// softhsm2-util imports keys but not certificates, so certificates are stored
// with libp11's PKCS11_store_certificate, in this process.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <regex>
#include <sstream>

#include <libp11.h>
#include <openssl/pem.h>

#include "support/test_keys.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

const char* const kModule = "/usr/lib/softhsm/libsofthsm2.so";

void run(const std::string& command) {
  auto r = test::run_command(command);
  INFO(command << "\n" << r.output);
  REQUIRE(r.status == 0);
}

/// SOFTHSM2_CONF set for this process while it lives, as it was after.
class ScopedConf {
public:
  explicit ScopedConf(const fs::path& conf) {
    if (const char* old = std::getenv("SOFTHSM2_CONF")) old_ = old;
    setenv("SOFTHSM2_CONF", conf.c_str(), 1);
  }
  ~ScopedConf() {
    if (old_.empty()) {
      unsetenv("SOFTHSM2_CONF");
    } else {
      setenv("SOFTHSM2_CONF", old_.c_str(), 1);
    }
  }

private:
  std::string old_;
};

void unload(PKCS11_CTX* ctx) {
  PKCS11_CTX_unload(ctx);
}
struct ReleaseSlots {
  PKCS11_CTX* ctx;
  unsigned count;
  void operator()(PKCS11_SLOT* s) const { PKCS11_release_all_slots(ctx, s, count); }
};
template <auto F> struct Free {
  template <class T> void operator()(T* p) const { F(p); }
};

/// A folder of SoftHSM2 tokens, each with the user PIN 1234.
struct Tokens {
  fs::path conf;
  std::string env; ///< "SOFTHSM2_CONF='…' ", before a command

  explicit Tokens(const fs::path& dir) : conf(dir / "softhsm2.conf") {
    fs::create_directories(dir / "tokens");
    test::write_file(conf, "directories.tokendir = " + (dir / "tokens").string() +
                               "\nobjectstore.backend = file\nlog.level = ERROR\n");
    env = "SOFTHSM2_CONF=" + test::q(conf) + " ";
  }
  /// A new token; its slot id.
  unsigned long add_token(const std::string& label) {
    auto r = test::run_command(env + "softhsm2-util --init-token --free --label " + label +
                               " --pin 1234 --so-pin 5678");
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::smatch m;
    REQUIRE(std::regex_search(r.output, m, std::regex("reassigned to slot ([0-9]+)")));
    return std::stoul(m[1]);
  }
  void add_key(const std::string& token, const fs::path& key_pem, const std::string& label,
               const std::string& id) {
    run(env + "softhsm2-util --import " + test::q(key_pem) + " --token " + token + " --label " +
        label + " --id " + id + " --pin 1234");
  }
  void add_certificate(const std::string& token, const fs::path& cert_pem, const char* label,
                       unsigned char id) {
    ScopedConf scoped(conf);
    std::unique_ptr<PKCS11_CTX, Free<PKCS11_CTX_free>> ctx(PKCS11_CTX_new());
    REQUIRE(PKCS11_CTX_load(ctx.get(), kModule) == 0);
    std::unique_ptr<PKCS11_CTX, Free<unload>> loaded(ctx.get());
    PKCS11_SLOT* list = nullptr;
    unsigned count = 0;
    REQUIRE(PKCS11_enumerate_slots(ctx.get(), &list, &count) == 0);
    std::unique_ptr<PKCS11_SLOT, ReleaseSlots> slots(list, ReleaseSlots{ctx.get(), count});
    PKCS11_SLOT* slot = nullptr;
    for (unsigned i = 0; i < count; ++i)
      if (list[i].token && list[i].token->label && token == list[i].token->label) slot = &list[i];
    REQUIRE(slot);
    REQUIRE(PKCS11_open_session(slot, 1) == 0);
    REQUIRE(PKCS11_login(slot, 0, "1234") == 0);
    std::unique_ptr<BIO, Free<BIO_free_all>> bio(BIO_new_file(cert_pem.c_str(), "r"));
    REQUIRE(bio);
    std::unique_ptr<X509, Free<X509_free>> cert(
        PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    REQUIRE(cert);
    std::string name = label;
    REQUIRE(PKCS11_store_certificate(slot->token, cert.get(), name.data(), &id, 1, nullptr) == 0);
  }
};

/// A CA, signers' keys and certificates, and the tokens the tests use:
/// `one` holds a single token (the signer's key and certificate, and the CA's
/// certificate); `many` holds several, each for one case.
struct Fixture {
  test::TempDir dir;
  Tokens one{dir / "one"};
  Tokens many{dir / "many"};
  unsigned long second_slot = 0;

  Fixture() {
    sh("openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 30 "
       "-subj '/CN=baocao test CA/O=baocao test'");
    // A second CA, on no token and in no .p12, for --chain.
    sh("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
       "-keyout ca2.key -out ca2.crt -days 30 -subj '/CN=baocao test CA 2'");
    person("signer", "signer", "/CN=Nguyễn Văn A/O=UBND phường Tân Dân/C=VN", "10");
    person("org", "org", "/CN=UBND phường Tân Dân/O=UBND phường Tân Dân/C=VN", "10");
    person("expired", "signer", "/CN=Hết Hạn/C=VN", "-1");
    sh("openssl genpkey -algorithm ec -pkeyopt ec_paramgen_curve:P-256 -out ec.key");
    person("ec", "ec", "/CN=Trần Thị B/C=VN", "10");
    sh("openssl pkcs12 -export -inkey signer.key -in signer.crt -certfile ca.crt -out signer.p12 "
       "-passout pass:secret");
    test::write_file(dir / "pin", "1234\n");

    one.add_token("baocao-test");
    one.add_key("baocao-test", dir / "signer.key", "signer", "01");
    one.add_certificate("baocao-test", dir / "signer.crt", "signer", 0x01);
    one.add_certificate("baocao-test", dir / "ca.crt", "ca", 0x02);

    many.add_token("nocert");
    many.add_key("nocert", dir / "signer.key", "signer", "01");
    many.add_token("expired");
    many.add_key("expired", dir / "signer.key", "signer", "01");
    many.add_certificate("expired", dir / "expired.crt", "signer", 0x01);
    second_slot = many.add_token("second");
    many.add_key("second", dir / "org.key", "org", "01");
    many.add_certificate("second", dir / "org.crt", "org", 0x01);
    many.add_token("ec");
    many.add_key("ec", dir / "ec.key", "ec", "01");
    many.add_certificate("ec", dir / "ec.crt", "ec", 0x01);
    many.add_token("two-keys");
    many.add_key("two-keys", dir / "signer.key", "a", "01");
    many.add_certificate("two-keys", dir / "signer.crt", "a", 0x01);
    many.add_key("two-keys", dir / "org.key", "b", "02");
    many.add_certificate("two-keys", dir / "org.crt", "b", 0x02);
  }
  /// A key (`key_name`.key, made once) and a certificate from the CA.
  void person(const std::string& name, const std::string& key_name, const std::string& subject,
              const std::string& days) {
    if (!fs::exists(dir / (key_name + ".key")))
      sh("openssl genpkey -algorithm rsa -pkeyopt rsa_keygen_bits:2048 -out " + key_name + ".key");
    sh("openssl req -new -key " + key_name + ".key -utf8 -out " + name + ".csr -subj '" + subject +
       "'");
    sh("openssl x509 -req -in " + name + ".csr -CA ca.crt -CAkey ca.key -CAcreateserial -out " +
       name + ".crt -days " + days);
  }
  void sh(const std::string& command) { run("cd " + test::q(dir.path()) + " && " + command); }
  std::string path(const std::string& name) const { return test::q(dir / name); }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

/// How many certificates the PDF's last signature carries (pdfsig -dump
/// writes each signature's CMS beside the file).
int certificates_in_last_signature(const std::string& pdf) {
  const fs::path dir = fs::path(pdf).parent_path();
  auto dump = test::run_command("cd " + test::q(dir) + " && pdfsig -nocert -dump " + test::q(pdf));
  INFO(dump.output);
  REQUIRE(dump.status == 0);
  fs::path last;
  for (int i = 0;
       fs::exists(dir / (fs::path(pdf).filename().string() + ".sig" + std::to_string(i))); ++i)
    last = dir / (fs::path(pdf).filename().string() + ".sig" + std::to_string(i));
  REQUIRE(!last.empty());
  auto certs =
      test::run_command("openssl pkcs7 -inform DER -in " + test::q(last) + " -print_certs -noout");
  INFO(certs.output);
  REQUIRE(certs.status == 0);
  int n = 0;
  std::istringstream lines(certs.output);
  for (std::string line; std::getline(lines, line);) n += line.rfind("subject=", 0) == 0;
  return n;
}

} // namespace

TEST_CASE("a key on a PKCS#11 token signs a report pdfsig finds valid", "[sign][pkcs11]") {
  Fixture& f = fixture();
  test::TempDir dir;
  auto pdf = test::built_report(dir);
  // The only token, its only key; the PIN from a file.
  auto r = test::run_baocao("sign " + test::q(pdf) + " --pkcs11-module " + kModule +
                                " --pin-file " + f.path("pin") + " --reason 'Phê duyệt'",
                            f.one.env);
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("(Nguyễn Văn A)") != std::string::npos);
  auto sig = test::pdfsig(pdf);
  INFO(sig);
  CHECK(sig.find("Signature is Valid.") != std::string::npos);
  CHECK(sig.find("Nguyễn Văn A") != std::string::npos);
  CHECK(sig.find("ETSI.CAdES.detached") != std::string::npos);
  CHECK(sig.find("Total document signed") != std::string::npos);
  // The signer's certificate and the CA's, the token's other certificate.
  CHECK(certificates_in_last_signature(pdf) == 2);

  // A second signature from the same token (the PIN from the environment),
  // naming the CA again with --chain: it goes in once, and the first
  // signature stays valid.
  r = test::run_baocao("sign " + test::q(pdf) + " --pkcs11-module " + kModule +
                           " --pkcs11-token baocao-test --pkcs11-key signer --chain " +
                           f.path("ca.crt") + " --subfilter pkcs7",
                       f.one.env + "BAOCAO_PKCS11_PIN=1234 ");
  INFO(r.output);
  REQUIRE(r.status == 0);
  auto twice = test::pdfsig(pdf);
  INFO(twice);
  CHECK(twice.find("Signature is Valid.") != twice.rfind("Signature is Valid."));
  CHECK(certificates_in_last_signature(pdf) == 2);
}

TEST_CASE("build --sign signs with a token, one build at a time in a batch", "[sign][pkcs11]") {
  Fixture& f = fixture();
  test::TempDir dir;
  // Three reports on three threads: each build opens the token in turn (two
  // contexts on one module at once broke: the first to finish finalized it).
  std::string inputs;
  for (const char* name : {"ubnd-phuong-2016-2021", "son-lang-2020-2025", "phu-tho-2010-2015"})
    inputs += test::q(test::repo_dir() / "examples" / (std::string(name) + ".yaml")) + " ";
  auto r = test::run_baocao("build " + inputs + "--out-dir " + test::q(dir.path()) +
                                " --jobs 3 --sign --pkcs11-module " + kModule + " --pin-file " +
                                f.path("pin"),
                            f.one.env);
  INFO(r.output);
  REQUIRE(r.status == 0);
  for (const char* name : {"ubnd-phuong-2016-2021", "son-lang-2020-2025", "phu-tho-2010-2015"}) {
    auto sig = test::pdfsig((dir / (std::string(name) + ".pdf")).string());
    INFO(name << "\n" << sig);
    CHECK(sig.find("Signature is Valid.") != std::string::npos);
    CHECK(sig.find("Signature Field Name: signer") != std::string::npos);
    CHECK(sig.find("Nguyễn Văn A") != std::string::npos);
  }
}

TEST_CASE("CA certificates from --chain join the chain, for a token and a .p12 alike",
          "[sign][pkcs11]") {
  Fixture& f = fixture();
  test::TempDir dir;
  auto pdf = test::built_report(dir);
  const std::string token = " --pkcs11-module " + std::string(kModule) + " --pin 1234";

  // The token 'second' holds the organisation's key and certificate only.
  auto r = test::run_baocao("sign " + test::q(pdf) + " -o " + test::q(dir / "bare.pdf") + token +
                                " --pkcs11-token second",
                            f.many.env);
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(certificates_in_last_signature((dir / "bare.pdf").string()) == 1);

  // Chosen by slot this time, and the CA added.
  r = test::run_baocao("sign " + test::q(pdf) + " -o " + test::q(dir / "chained.pdf") + token +
                           " --pkcs11-slot " + std::to_string(f.second_slot) + " --chain " +
                           f.path("ca.crt"),
                       f.many.env);
  INFO(r.output);
  REQUIRE(r.status == 0);
  auto sig = test::pdfsig((dir / "chained.pdf").string());
  INFO(sig);
  CHECK(sig.find("Signature is Valid.") != std::string::npos);
  CHECK(sig.find("UBND phường Tân Dân") != std::string::npos);
  CHECK(certificates_in_last_signature((dir / "chained.pdf").string()) == 2);

  // A .p12 with its CA, plus another CA from --chain.
  r = test::run_baocao("sign " + test::q(pdf) + " -o " + test::q(dir / "p12.pdf") + " --p12 " +
                       f.path("signer.p12") + " --p12-password secret --chain " +
                       f.path("ca2.crt"));
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(test::pdfsig((dir / "p12.pdf").string()).find("Signature is Valid.") != std::string::npos);
  CHECK(certificates_in_last_signature((dir / "p12.pdf").string()) == 3);
}

TEST_CASE("a token's keys are chosen with --pkcs11-key, by label or id", "[sign][pkcs11]") {
  Fixture& f = fixture();
  test::TempDir dir;
  auto pdf = test::built_report(dir);
  const std::string args = "sign " + test::q(pdf) + " -o " + test::q(dir / "out.pdf") +
                           " --pkcs11-module " + kModule + " --pin 1234 --pkcs11-token two-keys";
  auto r = test::run_baocao(args, f.many.env);
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(r.output.find("holds 2 keys with certificates: 'a' (id 01), 'b' (id 02)") !=
        std::string::npos);
  CHECK(r.output.find("--pkcs11-key") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out.pdf"));

  r = test::run_baocao(args + " --pkcs11-key 02", f.many.env);
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("(UBND phường Tân Dân)") != std::string::npos);
  fs::remove(dir / "out.pdf");
  r = test::run_baocao(args + " --pkcs11-key a", f.many.env);
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("(Nguyễn Văn A)") != std::string::npos);
  CHECK(test::pdfsig((dir / "out.pdf").string()).find("Signature is Valid.") != std::string::npos);
}

TEST_CASE("an EC key on a token signs too", "[sign][pkcs11]") {
  Fixture& f = fixture();
  test::TempDir dir;
  auto pdf = test::built_report(dir);
  auto r = test::run_baocao("sign " + test::q(pdf) + " --pkcs11-module " + kModule +
                                " --pkcs11-token ec --pin 1234",
                            f.many.env);
  INFO(r.output);
  REQUIRE(r.status == 0);
  auto sig = test::pdfsig(pdf);
  INFO(sig);
  CHECK(sig.find("Signature is Valid.") != std::string::npos);
  CHECK(sig.find("Trần Thị B") != std::string::npos);
}

TEST_CASE("a token that cannot sign gives a clear message, exit 2 and writes nothing",
          "[sign][pkcs11]") {
  Fixture& f = fixture();
  test::TempDir dir;
  auto pdf = test::built_report(dir);
  const std::string before = test::read_file(pdf);
  const std::string module = " --pkcs11-module " + std::string(kModule);
  struct Bad {
    std::string env;
    std::string args;
    std::string says;
  };
  for (const Bad& b : std::vector<Bad>{
           {f.one.env, module + " --pin 9999", "token 'baocao-test': the PIN is wrong"},
           {f.one.env, module, "token 'baocao-test' needs its PIN"},
           {f.one.env, " --pkcs11-module " + test::q(dir / "missing.so") + " --pin 1234",
            "missing.so: no such file"},
           {f.one.env, " --pkcs11-module " + test::q(pdf) + " --pin 1234",
            "r.pdf: cannot be loaded (invalid ELF header)"},
           {f.one.env, " --pkcs11-module libc.so.6 --pin 1234",
            "libc.so.6: is not a PKCS#11 module (it has no C_GetFunctionList)"},
           {f.one.env, module + " --pin 1234 --pkcs11-key nobody",
            "has no key 'nobody'; its keys: 'signer' (id 01)"},
           {f.one.env, module + " --pin 1234 --pkcs11-token other",
            "has no token labelled 'other'; tokens found: 'baocao-test' (slot "},
           {f.many.env, module + " --pin 1234", "has 5 tokens: 'ec' (slot "},
           {f.many.env, module + " --pin 1234 --pkcs11-token nocert",
            "token 'nocert': no certificate on the token matches its private key 'signer' (id "
            "01)"},
           {f.many.env, module + " --pin 1234 --pkcs11-token expired",
            "token 'expired', key 'signer' (id 01): its certificate expired on"},
           {f.one.env, module + " --pin 1234 --chain " + f.path("pin"),
            "pin: holds no certificate"},
       }) {
    auto r = test::run_baocao(
        "sign " + test::q(pdf) + " -o " + test::q(dir / "out.pdf") + " " + b.args, b.env);
    INFO(b.args << "\n" << r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find(b.says) != std::string::npos);
    CHECK(std::count(r.output.begin(), r.output.end(), '\n') == 1); // one line
    CHECK_FALSE(fs::exists(dir / "out.pdf"));
  }
  // In place, a wrong PIN leaves the report as it was.
  auto r = test::run_baocao("sign " + test::q(pdf) + module + " --pin 9999", f.one.env);
  CHECK(r.status == 2);
  CHECK(test::read_file(pdf) == before);
}

TEST_CASE("the key options are checked before anything is opened", "[sign][pkcs11]") {
  test::TempDir dir;
  test::write_file(dir / "r.pdf", "%PDF-1.7\n");
  struct Bad {
    std::string args;
    std::string says;
  };
  for (const Bad& b : std::vector<Bad>{
           {"--p12 k.p12 --pkcs11-module m.so", "give --p12 or --pkcs11-module, not both"},
           {"", "give the signing key: --p12 KEY.p12, or --pkcs11-module MODULE.so"},
           {"--p12 k.p12 --pin 1234", "--pin is for a token (--pkcs11-module)"},
           {"--pkcs11-module m.so --p12-password x", "--p12-password is for --p12"},
           {"--pkcs11-module m.so --pkcs11-slot two", "--pkcs11-slot two: give the slot's id"},
           {"--pkcs11-module m.so --pin 1 --pin-file f", "give --pin or --pin-file, not both"},
           {"--pkcs11-module", "--pkcs11-module needs a value"},
           {"--pkcs11-module ''", "--pkcs11-module is empty"},
       }) {
    auto r = test::run_baocao("sign " + test::q(dir / "r.pdf") + " " + b.args);
    INFO(b.args << "\n" << r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find("baocao sign: " + b.says) != std::string::npos);
  }
}
