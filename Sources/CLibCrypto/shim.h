#ifndef GREENLEDGER_CLIBCRYPTO_SHIM_H
#define GREENLEDGER_CLIBCRYPTO_SHIM_H
// OpenSSL 3's libcrypto (Debian's libssl-dev): its EVP digests include SM3 (GB/T 32905-2016).
#include <openssl/evp.h>
#endif
