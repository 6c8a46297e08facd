"""The forms of trust-building, one module per part."""
