#ifndef NIANBAO_CLIBXML2_SHIM_H
#define NIANBAO_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, and its headers would then pull in the
   system's ICU, whose declarations clash with the ICU that Foundation bundles.
   nianbao decodes text itself and passes libxml2 UTF-8 only, so it never needs
   libxml2's ICU converter types. */
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>

/* xmlFree is a global function pointer, which Swift 6 sees as shared mutable state. */
static inline void nianbao_xml_free(void *pointer) { xmlFree(pointer); }

#endif
