"""Judge a roster by a rule set, column by column (SPEC §1.2, §1.4)."""
