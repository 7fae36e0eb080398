"""Residents' service requests to their management company (seed 004 "Обращения").

The life of a request: a resident with a confirmed link files it for one account (`filing`), edits
or cancels it while it is NEW (`editing`), the company's staff take it into work and close it with
a comment (`work`), and the author rates it once when it is CLOSED (`rating`). Who sees which
request is `access`; every change goes through `events.changed`, which records the history and
tells the author and the open pages after commit."""
