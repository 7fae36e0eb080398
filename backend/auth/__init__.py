"""Identity primitives: identifiers, passwords, tokens and one-time codes."""
