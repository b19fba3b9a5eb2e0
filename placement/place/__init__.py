"""Place movers into concrete units, all at once (SPEC §2)."""
