#pragma once
// --split-appendices: the report's pages to the named PDF, each appendix's
// pages to a file of its own beside it. Parts arrive in order, so one
// painter is open at a time and memory stays flat however long the report.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "app/outputs.hpp"
#include "display/display_list.hpp"

namespace baocao::app {

class ReadFiles;

/// The file appendix `part` (1, 2, …) goes to: "report-phu-luc-II.pdf"
/// beside "report.pdf", numbered as the appendices are ("PHỤ LỤC II").
/// Part 0 is `target` itself.
std::filesystem::path appendix_file(const std::filesystem::path& target, int part);

/// Hands each part's pages to a sink of its own, opened when the part's
/// first page arrives and ended before the next part's opens. In each file
/// Page::number counts from 1 and internal links follow it; a link into
/// another part is dropped (its file has its own numbers; the contents line
/// still shows the page's printed label). Labels stay as layout gave them:
/// they are what the page prints. A part that comes back after a later one
/// is a core::RuntimeError. A document without pages opens part 0.
class SplitSink : public display::Sink {
public:
  /// open(part) makes the sink for a part; close(part) is called after its end().
  using Open = std::function<display::Sink&(int part)>;
  using Close = std::function<void(int part)>;
  SplitSink(Open open, Close close) : open_(std::move(open)), close_(std::move(close)) {}

  void begin(const display::DocumentInfo& info) override { info_ = info; }
  void page(display::Page&& page) override;
  void end() override;

private:
  Open open_;
  Close close_;
  display::DocumentInfo info_;
  display::Sink* current_ = nullptr;
  int part_ = -1;
  int first_ = 0; ///< the current part's first Page::number in the document
  int pages_ = 0; ///< pages in the current part so far
};

/// The --split-appendices output of a PDF kind: one temporary per part,
/// each checked whole and all renamed into place only when every part has
/// been written. `make` paints one file, as for a single PDF.
using MakePdfPainter = std::function<std::unique_ptr<display::Sink>(const std::filesystem::path&)>;
std::unique_ptr<Output> make_split_output(const OutputSpec& spec, const std::string& target,
                                          const ReadFiles& reads, MakePdfPainter make);

} // namespace baocao::app
