"""Safe file access: durable atomic writes and reads of regular files only."""
