"""In-app notifications: every personal message the portal sends is also a notification on the person's
page, and the person chooses per kind of event how its e-mail reaches them (at once, in a daily or weekly
digest, or only in the portal); one-click unsubscribing from a kind's e-mail.

It knows no domain: :mod:`portal.lib.mail` hands it each message (:mod:`.delivery`, registered at the portal's
``AppConfig.ready``), the kind comes from the message's template prefix (:mod:`.kinds`), and the coordinators'
weekly to-do is composed above it (:mod:`portal.coordinator_todo`) and registered here (:mod:`.todo`).
"""
