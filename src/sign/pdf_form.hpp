#pragma once
// The parts of a PDF that signing reads and changes: its pages, its
// signature fields (the /AcroForm), and a page of another PDF brought in as
// a Form XObject (a signature's appearance). Internal to sign.
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "sign/pdf_update.hpp"

namespace baocao::sign {

struct PdfPage {
  int object = 0;
  core::Size size; ///< its /MediaBox, points
};

/// The pages in order.
std::vector<PdfPage> pdf_pages(const PdfFile& pdf, const std::string& name);

struct PdfField {
  int object = 0; ///< the field (merged with its widget, as baocao writes it)
  std::string name;
  int page = -1;   ///< 0-based; -1 when its widget names no page we know
  core::Rect rect; ///< on its page, origin at the top-left corner, y down
  bool is_signed = false;
};

/// The signature fields of /AcroForm /Fields, in order.
std::vector<PdfField> signature_fields(const PdfFile& pdf, const std::string& name);

/// A /Rect for a rectangle given from the page's top-left corner.
std::string pdf_rect(const core::Rect& r, double page_height);

/// Lists `widget` in the catalog's /AcroForm /Fields (making the form if
/// there is none) with /SigFlags `flags`, and in its page's /Annots.
void add_field(PdfUpdate& update, const PdfFile& pdf, int page_object, int widget, int flags,
               const std::string& name);

/// Sets /SigFlags in an existing form.
void set_sig_flags(PdfUpdate& update, const PdfFile& pdf, int flags, const std::string& name);

/// The first page of `one_page_pdf` as a Form XObject of its size in
/// `update`, with every object its resources need copied; returns its
/// number. A widget's /Rect of another size scales it to fit.
int import_page(PdfUpdate& update, const std::string& one_page_pdf);

/// An empty Form XObject of `size` (what an unsigned field, or an invisible
/// signature, shows); returns its number.
int empty_form(PdfUpdate& update, core::Size size);

/// A PDF string's text: a literal "(…)" or a hex "<FEFF…>" string, as UTF-8.
std::string decode_text_string(std::string_view value);

} // namespace baocao::sign
