"""The shared glossary of a network: terms and their definitions in three languages, agreed by the member
organisations through the same endorsement as the shared goals, and marked where they appear."""
