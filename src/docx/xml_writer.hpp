#pragma once
// A streaming XML writer into memory: each call appends to the output as it
// comes, so a 5,000-row table is never a tree. libxml2's xmlTextWriter does
// the escaping; it stays inside xml_writer.cpp.
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace baocao::docx {

class XmlWriter {
public:
  /// A fragment: no XML declaration (a body, a run, a table).
  XmlWriter();
  /// A part's whole text: starts with <?xml version="1.0" encoding="UTF-8" standalone="yes"?>.
  static XmlWriter document();
  ~XmlWriter();
  XmlWriter(XmlWriter&&) noexcept;
  XmlWriter& operator=(XmlWriter&&) noexcept;

  /// "<name": the element stays open for attr(), children and text.
  void open(std::string_view name);
  /// An attribute, escaped (also tab and line breaks); only right after open().
  void attr(std::string_view name, std::string_view value);
  /// Character data, escaped; spaces are kept (the caller adds xml:space="preserve").
  /// Control characters XML 1.0 cannot hold are dropped.
  void text(std::string_view utf8);
  /// Ends the innermost open element: "/>" when it is empty.
  void close();
  /// open(name), its attributes, close().
  void leaf(std::string_view name,
            std::initializer_list<std::pair<std::string_view, std::string_view>> attrs = {});
  /// Well-formed XML written elsewhere (another XmlWriter's take()), copied as it is.
  void raw(std::string_view xml);
  /// Everything written so far, which leaves the writer empty for more; every
  /// element must be closed (a RuntimeError if not).
  std::string take();
  /// Elements open now.
  int depth() const { return depth_; }

private:
  struct Impl;
  explicit XmlWriter(bool declaration);
  std::unique_ptr<Impl> impl_;
  int depth_ = 0;
};

} // namespace baocao::docx
