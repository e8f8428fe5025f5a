#pragma once
// An incremental update: objects added or replaced, appended after a file's
// last byte with their own cross-reference section and a trailer that points
// back at the previous one (/Prev). Every earlier byte stays as it was, which
// is what keeps an earlier signature valid.
#include <map>
#include <string>

#include "sign/pdf_objects.hpp"

namespace baocao::sign {

class PdfUpdate {
public:
  explicit PdfUpdate(const PdfFile& pdf) : pdf_(pdf), next_(pdf.size) {}

  /// A new object's number; its text is given later with set().
  int reserve() { return next_++; }
  /// A new object; returns its number.
  int add(std::string text);
  /// Defines object `number` (new, or a new revision of an old one). A
  /// stream's text is "<< … >>\nstream\n…\nendstream".
  void set(int number, std::string text) { objects_[number] = std::move(text); }
  /// The newest text of `number`: this update's, else the file's (a stream's
  /// dictionary only).
  std::string get(int number, const std::string& name) const;
  bool changes(int number) const { return objects_.count(number) != 0; }

  struct Written {
    std::string bytes;             ///< the whole file, old and new
    std::map<int, size_t> offsets; ///< where each of this update's objects starts
  };
  /// The file with this update appended.
  Written write() const;

private:
  const PdfFile& pdf_;
  int next_;
  std::map<int, std::string> objects_;
};

/// "12 0 R".
std::string ref(int number);

} // namespace baocao::sign
