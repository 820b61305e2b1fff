"""Reserved for a later feature (search_boost); a hook with no events does nothing."""
