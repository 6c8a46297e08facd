"""The views of a network's news, by subject: the items (:mod:`.items`) and their comments (:mod:`.comments`)."""
