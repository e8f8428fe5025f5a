#include "sign/pdf_update.hpp"

#include <algorithm>
#include <cstdio>

namespace baocao::sign {

std::string ref(int number) {
  return std::to_string(number) + " 0 R";
}

int PdfUpdate::add(std::string text) {
  int n = reserve();
  set(n, std::move(text));
  return n;
}

std::string PdfUpdate::get(int number, const std::string& name) const {
  if (auto it = objects_.find(number); it != objects_.end()) return it->second;
  return object_text(pdf_, number, name);
}

PdfUpdate::Written PdfUpdate::write() const {
  Written w;
  std::string& out = w.bytes;
  out.reserve(pdf_.bytes.size() + 64 * 1024);
  out = pdf_.bytes;
  if (out.empty() || out.back() != '\n') out += '\n';
  for (const auto& [n, text] : objects_) {
    w.offsets[n] = out.size();
    out += std::to_string(n) + " 0 obj\n" + text + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n";
  char entry[32];
  // Consecutive numbers share a subsection.
  for (auto it = w.offsets.begin(); it != w.offsets.end();) {
    auto run_end = it;
    int count = 0;
    while (run_end != w.offsets.end() && run_end->first == it->first + count) {
      ++run_end;
      ++count;
    }
    out += std::to_string(it->first) + " " + std::to_string(count) + "\n";
    for (; it != run_end; ++it) {
      std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", it->second);
      out += entry;
    }
  }
  std::string trailer = "<< /Size " + std::to_string(std::max(next_, pdf_.size));
  for (const char* key : {"/Root", "/Info", "/ID"})
    if (auto v = dict_get(pdf_.trailer, key)) trailer += std::string(" ") + key + " " + *v;
  trailer += " /Prev " + std::to_string(pdf_.startxref) + " >>";
  out += "trailer\n" + trailer + "\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return w;
}

} // namespace baocao::sign
