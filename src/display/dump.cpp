#include "display/dump.hpp"

#include <cstdio>
#include <filesystem>

namespace baocao::display {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string quoted(const std::string& s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') q += '\\';
    if (c == '\n') {
      q += "\\n";
      continue;
    }
    q += c;
  }
  return q + "\"";
}

std::string color(const core::Color& c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", int(c.r * 255 + 0.5), int(c.g * 255 + 0.5),
                int(c.b * 255 + 0.5));
  return buf;
}

} // namespace

void DumpSink::begin(const DocumentInfo& info) {
  out_ << "document title=" << quoted(info.title) << " author=" << quoted(info.author) << "\n";
}

void DumpSink::page(Page&& page) {
  out_ << "page " << page.number << " " << num(page.size.width) << "x" << num(page.size.height)
       << " text-area " << num(page.text_area.x) << " " << num(page.text_area.y) << " "
       << num(page.text_area.width) << " " << num(page.text_area.height);
  // Only a label other than the page's own number: "PL I-1", or a body page after a contents page.
  if (!page.label.prefix.empty() || (page.label.number != 0 && page.label.number != page.number))
    out_ << " label "
         << quoted(page.label.prefix +
                   (page.label.number ? std::to_string(page.label.number) : ""));
  if (page.part != 0) out_ << " part " << page.part;
  out_ << "\n";
  for (const auto& o : page.outline) {
    out_ << "  outline " << o.level << " " << num(o.y) << " " << quoted(o.title) << "\n";
  }
  for (const auto& item : page.items) {
    if (auto* r = std::get_if<GlyphRun>(&item)) {
      double x = r->glyphs.empty() ? r->x_end : r->glyphs.front().x;
      out_ << "  text " << num(x) << " " << num(r->baseline) << " "
           << std::filesystem::path(r->font_file).filename().string() << " " << num(r->size) << " "
           << color(r->color) << " glyphs=" << r->glyphs.size() << " w=" << num(r->x_end - x) << " "
           << quoted(r->text);
      if (r->angle != 0)
        out_ << " angle=" << num(r->angle) << " pivot=" << num(r->pivot.x) << ","
             << num(r->pivot.y);
      out_ << "\n";
    } else if (auto* l = std::get_if<Rule>(&item)) {
      out_ << "  rule " << num(l->from.x) << " " << num(l->from.y) << " -> " << num(l->to.x) << " "
           << num(l->to.y) << " w=" << num(l->width) << "\n";
    } else if (auto* b = std::get_if<Box>(&item)) {
      out_ << "  box " << num(b->rect.x) << " " << num(b->rect.y) << " " << num(b->rect.width)
           << " " << num(b->rect.height);
      if (b->fill) out_ << " fill=" << color(b->fill_color);
      if (b->stroke) out_ << " stroke=" << color(b->stroke_color) << " w=" << num(b->stroke_width);
      out_ << "\n";
    } else if (auto* im = std::get_if<Image>(&item)) {
      out_ << "  image " << num(im->rect.x) << " " << num(im->rect.y) << " " << num(im->rect.width)
           << " " << num(im->rect.height) << " "
           << std::filesystem::path(im->file).filename().string();
      if (!im->alt.empty()) out_ << " alt=" << quoted(im->alt);
      out_ << "\n";
    } else if (auto* k = std::get_if<Link>(&item)) {
      out_ << "  link " << num(k->area.x) << " " << num(k->area.y) << " " << num(k->area.width)
           << " " << num(k->area.height) << " ";
      if (k->uri.empty())
        out_ << "page=" << k->page << " y=" << num(k->y)
             << (k->part ? " part=" + std::to_string(k->part) : "") << "\n";
      else
        out_ << quoted(k->uri) << "\n";
    } else if (auto* f = std::get_if<SignatureField>(&item)) {
      out_ << "  signature-field " << num(f->rect.x) << " " << num(f->rect.y) << " "
           << num(f->rect.width) << " " << num(f->rect.height) << " " << quoted(f->name) << "\n";
    }
  }
}

void DumpSink::end() {
  out_ << "end\n";
}

} // namespace baocao::display
