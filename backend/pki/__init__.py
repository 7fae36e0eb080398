"""Electronic digital signatures (EDS) the way Kazakhstan's National Certification Authority issues
them: certificate profile, CMS verification, trust roots and revocation lists, and a demo CA."""
