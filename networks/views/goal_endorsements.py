"""Placeholder: filled in by the goal_endorsements part of issue 5."""

urlpatterns = []
