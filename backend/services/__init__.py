"""Domain rules: workflows, deadlines, eligibility; no GraphQL here."""
