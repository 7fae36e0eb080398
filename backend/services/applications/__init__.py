"""Applications of legal entities to KZhK (seed 001).

`access` — who sees which application, the deadline rule, the viewer's actions; `route` — the
route table and `move`, the only place a status changes; `drafts` — the applicant's draft and
documents; `signing` — what is signed, whose signature counts, sending and the SA signatures;
`review` — KZhK's steps and their documents; `events` — who hears of a change; `types` — the
catalogue of application types and the form."""
