"""Placeholder: filled in by the goal_reports part of issue 5."""

urlpatterns = []
