"""Placeholder: filled in by the goal_indicators part of issue 5."""

urlpatterns = []
