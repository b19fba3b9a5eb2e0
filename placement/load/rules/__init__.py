"""Rule sets: file models, typed conditions, loading and checks (SPEC §1.4)."""
