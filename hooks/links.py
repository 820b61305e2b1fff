"""Reserved for a later feature (links); a hook with no events does nothing."""
