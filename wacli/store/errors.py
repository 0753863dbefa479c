class StoreError(Exception):
    """The store cannot be opened, migrated or written (a wacli-level failure, not a bug)."""
