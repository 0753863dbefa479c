class CryptoError(ValueError):
    """A key, signature or ciphertext that cannot be used (malformed or forged input)."""
