"""Signing in through an organisation's OpenID Connect provider (allauth's social accounts).

Part of the composition: who may sign in is decided from the accounts, the invitations the memberships domain
accepts and the provider's sign-in policy (:mod:`portal.accounts.sso`).
"""
