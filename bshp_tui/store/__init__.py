"""Sessions on disk: durable writes, the file format, locks, backups, import."""
