"""The guided session: what to ask next, remarks, facilitation, commands, text."""
