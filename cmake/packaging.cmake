# `cmake --install` and CPack (.deb). Paths follow GNUInstallDirs; the program
# finds its data at <bindir>/../share/baocao (core/data_dirs.cpp), so the
# install can be moved (DESTDIR, the .deb, another prefix).

install(TARGETS baocao RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY templates fonts DESTINATION ${BAOCAO_DATA_SUBDIR})
# starters/ (for `baocao init`) comes from another branch; install it once it exists.
install(DIRECTORY starters DESTINATION ${BAOCAO_DATA_SUBDIR} OPTIONAL)

# Debian wants man pages compressed, and -n keeps the .gz free of timestamps.
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/baocao.1.gz
  COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/man/baocao.1 > ${CMAKE_BINARY_DIR}/baocao.1.gz
  DEPENDS ${PROJECT_SOURCE_DIR}/man/baocao.1 VERBATIM)
add_custom_target(baocao_man ALL DEPENDS ${CMAKE_BINARY_DIR}/baocao.1.gz)
install(FILES ${CMAKE_BINARY_DIR}/baocao.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

install(FILES completions/baocao.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME baocao)

file(GLOB BAOCAO_DOCS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES README.md ${BAOCAO_DOCS} fonts/OFL.txt fonts/OFL-Noto.txt
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME baocao)
set(CPACK_PACKAGE_VENDOR "baocao")
set(CPACK_PACKAGE_CONTACT "baocao maintainers <baocao@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "term reports from YAML to formatted Vietnamese PDF")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # baocao_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# One string: CPack puts the summary above it, and a CMake list would be
# joined with ";".
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "baocao turns a YAML description of an organisation's term (figures,\n"
  "achievements, awards, next-term goals) into an A4 PDF report in the\n"
  "Vietnamese official style, with bundled templates and fonts. It can also\n"
  "write archival PDF/A-1b and encrypted PDF files.")
# Depends comes from the binary's shared libraries (dpkg-shlibdeps), plus the
# sRGB profile --pdfa embeds, which is a data file no library pulls in.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "icc-profiles-free")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
include(CPack)
