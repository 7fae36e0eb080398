"""Electronic digital signatures (EDS) the way Kazakhstan's National Certification Authority issues
them: certificate profile, CMS verification, trust roots and revocation lists, and a demo CA."""

# pyHanko (and asn1crypto's tsp/pdf modules, which it imports) add OID names to asn1crypto's shared
# tables when imported. asn1crypto caches each table's name→OID map the first time one is built,
# so a CMS attribute built before that import leaves the cache stale and pyHanko's later signatures
# fail ("invalid literal for int(): 'signing_certificate_v2'"). Import it before any CMS is touched.
import pyhanko.sign  # noqa: E402, F401
