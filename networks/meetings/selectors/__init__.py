"""Reads of meetings shaped for the pages that show them, by subject: the pages of one meeting or time poll
(:mod:`~networks.meetings.selectors.pages`), the lists and the month calendar
(:mod:`~networks.meetings.selectors.lists`), what meetings recorded: decisions and action items
(:mod:`~networks.meetings.selectors.records`), and the person's own on the dashboard
(:mod:`~networks.meetings.selectors.dashboard`). Each returns a queryset (or what one query gives) so that a
page's query count does not grow with the data."""
