#ifndef GREENLEDGER_CLIBCSV_SHIM_H
#define GREENLEDGER_CLIBCSV_SHIM_H
// libcsv 3 (https://github.com/rgamble/libcsv), installed by Debian's libcsv-dev.
#include <stdio.h>
#include <csv.h>
#endif
