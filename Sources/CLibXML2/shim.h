#ifndef FASTRELEASE_CLIBXML2_SHIM_H
#define FASTRELEASE_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU. A module that sees both Foundation and the
// ICU-enabled libxml2 headers fails a clean build with "'UErrorCode' has
// different definitions", so read the version header first and switch ICU off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlschemas.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as shared
/// mutable state; call it through this wrapper.
static inline void fastrelease_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// The 1-based line the parser is at.
static inline int fastrelease_parserLine(xmlParserCtxtPtr context) {
    return (context != NULL && context->input != NULL) ? context->input->line : 0;
}

/// The 1-based column the parser is at.
static inline int fastrelease_parserColumn(xmlParserCtxtPtr context) {
    return (context != NULL && context->input != NULL) ? context->input->col : 0;
}

#endif
