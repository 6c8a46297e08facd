"""The pages of trust-building, one module per part."""
