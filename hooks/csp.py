"""Reserved for a later feature (csp); a hook with no events does nothing."""
