"""A person's data: downloading it (GDPR articles 15 and 20) and erasing the account (article 17).

What each domain keeps about a person is declared in its ``personal_data.py``
(:mod:`portal.lib.personal_data`); this package runs those declarations and knows no domain itself.
"""
