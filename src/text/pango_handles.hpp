#pragma once
// Owners for the Pango, GLib and fontconfig handles this module uses.
#include <fontconfig/fontconfig.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "core/c_handle.hpp"

namespace baocao::text {

template <class T> using GObjectPtr = core::CHandle<T, g_object_unref>;
using FcConfigPtr = core::CHandle<FcConfig, FcConfigDestroy>;
using FcPatternPtr = core::CHandle<FcPattern, FcPatternDestroy>;
using FcObjectSetPtr = core::CHandle<FcObjectSet, FcObjectSetDestroy>;
using FcFontSetPtr = core::CHandle<FcFontSet, FcFontSetDestroy>;
using GCharPtr = core::CHandle<gchar, g_free>;
using AttrListPtr = core::CHandle<PangoAttrList, pango_attr_list_unref>;
using FontDescPtr = core::CHandle<PangoFontDescription, pango_font_description_free>;
using LayoutIterPtr = core::CHandle<PangoLayoutIter, pango_layout_iter_free>;

} // namespace baocao::text
