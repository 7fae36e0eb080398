"""The housing-queue service (order No. 130): filing, eligibility, decisions and hearings, the
register and its numbers, complaints. No GraphQL here."""
