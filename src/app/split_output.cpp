#include "app/split_output.hpp"

#include <algorithm>
#include <vector>

#include "app/read_files.hpp"
#include "app/temp_output.hpp"
#include "app/usage_error.hpp"
#include "core/error.hpp"
#include "layout/compose.hpp"

namespace baocao::app {
namespace fs = std::filesystem;

fs::path appendix_file(const fs::path& target, int part) {
  if (part <= 0) return target;
  fs::path name = target.stem();
  name += "-phu-luc-" + layout::roman(part);
  name += target.extension();
  return target.parent_path() / name;
}

void SplitSink::page(display::Page&& page) {
  if (!current_ || page.part != part_) {
    if (part_ < 0 && page.part != 0)
      throw core::RuntimeError("page " + std::to_string(page.number) + " belongs to part " +
                               std::to_string(page.part) + ": the report's own pages come first");
    if (page.part < part_)
      throw core::RuntimeError("page " + std::to_string(page.number) + " belongs to part " +
                               std::to_string(page.part) + ", after part " + std::to_string(part_) +
                               ": the parts must come in order");
    if (current_) {
      current_->end();
      current_ = nullptr;
      close_(part_);
    }
    part_ = page.part;
    first_ = page.number;
    pages_ = 0;
    current_ = &open_(part_);
    current_->begin(info_);
  }
  page.number = ++pages_;
  // Internal links follow the file's numbers; one into another file goes.
  auto& items = page.items;
  items.erase(std::remove_if(items.begin(), items.end(),
                             [this](display::Item& item) {
                               auto* link = std::get_if<display::Link>(&item);
                               if (!link || !link->uri.empty()) return false;
                               if (link->part != part_) return true;
                               link->page = link->page - first_ + 1;
                               return link->page < 1;
                             }),
              items.end());
  current_->page(std::move(page));
}

void SplitSink::end() {
  if (!current_) { // no pages: the report's file, empty
    part_ = 0;
    current_ = &open_(0);
    current_->begin(info_);
  }
  current_->end();
  current_ = nullptr;
  close_(part_);
}

namespace {

/// Files one build may write: each holds a temporary and one of the signal
/// registry's 256 places until all are renamed (docs/limits.md).
constexpr size_t kMaxFiles = 200;

class SplitOutput : public Output {
public:
  SplitOutput(const OutputSpec& spec, const std::string& target, const ReadFiles& reads,
              MakePdfPainter make)
      : spec_(spec), target_(target), reads_(reads), make_(std::move(make)),
        split_([this](int part) -> display::Sink& { return open(part); },
               [this](int) { painter_.reset(); }) { // a painter finishes its file when it goes
    // The report's temporary first, so an unwritable folder is told before any layout.
    files_.push_back(std::make_unique<TempOutput>(target_));
    targets_.push_back(target_);
  }
  void begin(const display::DocumentInfo& info) override { split_.begin(info); }
  void page(display::Page&& page) override { split_.page(std::move(page)); }
  void end() override { split_.end(); }
  void commit() override {
    painter_.reset();
    std::string marker(spec_.end_marker);
    // Every file whole before any is renamed: a failed part leaves all the targets as they were.
    for (const auto& f : files_) f->check_whole(marker);
    for (const auto& f : files_) f->commit(marker);
  }
  fs::path written() const override {
    if (targets_.size() == 1) return targets_[0];
    std::string out = targets_[0].string();
    if (targets_.size() > 4) return out + " … " + targets_.back().filename().string();
    for (size_t i = 1; i < targets_.size(); ++i)
      out += (i + 1 == targets_.size() ? " and " : ", ") + targets_[i].filename().string();
    return out;
  }
  std::string explain(const std::string& message) const override {
    std::string out = message;
    for (const auto& f : files_) out = f->explain(out);
    return out;
  }
  void finish_with(Finisher) override {
    // check_split refuses --sign and --sign-ready first.
    throw core::RuntimeError("files split by appendix cannot be signed here");
  }

private:
  display::Sink& open(int part) {
    if (part > 0) {
      if (files_.size() >= kMaxFiles)
        throw UsageError("--split-appendices writes at most " + std::to_string(kMaxFiles) +
                         " files, and this report has more appendices: build it as one file");
      fs::path file = appendix_file(target_, part);
      reads_.refuse(file); // each appendix's name, before it is written
      files_.push_back(std::make_unique<TempOutput>(file));
      targets_.push_back(file);
    }
    painter_ = make_(files_.back()->path());
    return *painter_;
  }

  const OutputSpec& spec_;
  fs::path target_;
  const ReadFiles& reads_;
  MakePdfPainter make_;
  std::vector<std::unique_ptr<TempOutput>> files_; ///< before painter_: they outlive it
  std::vector<fs::path> targets_;
  std::unique_ptr<display::Sink> painter_; ///< writes files_.back()
  SplitSink split_;
};

} // namespace

std::unique_ptr<Output> make_split_output(const OutputSpec& spec, const std::string& target,
                                          const ReadFiles& reads, MakePdfPainter make) {
  return std::make_unique<SplitOutput>(spec, target, reads, std::move(make));
}

} // namespace baocao::app
